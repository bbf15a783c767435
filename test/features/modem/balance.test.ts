import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, INSTALLER_PASSWORD, testApp } from '../../helpers/app.ts';

type Json = Record<string, any>;
const balance = suite('balance check and top-up purchase on the simulated modem');
const MiB = 1024 ** 2;

async function setup(config?: string) {
  const t = await testApp(config ? { config } : {});
  for (let i = 0; i < 5; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
  const customer = await t.signIn(CUSTOMER_PASSWORD);
  const post = async (path: string, body: unknown = {}, s = customer) => t.request(path, { method: 'POST', cookie: s.cookie, csrf: s.csrf, body });
  return { t, customer, post };
}

balance('a customer checks the balance: the operator figure beside our count, with the correction on offer', async () => {
  const { t, customer, post } = await setup();
  const before = (await (await t.request('/api/balance', { cookie: customer.cookie })).json()) as Json;
  assert.is(before.configured, true);
  assert.is(before.method, 'ussd');
  assert.is(before.result, null);
  const res = await post('/api/balance/check', { check: true });
  assert.is(res.status, 200);
  const body = (await res.json()) as Json;
  assert.match(body.result.text, /Te quedan [\d.]+ GB/);
  assert.is(body.result.error, null);
  assert.is(body.result.reading.by, 'template');
  assert.ok(body.operator.dataBytes > 19 * 1024 ** 3);
  assert.is(body.counted.allowance, 20 * 1024 ** 3);
  assert.ok(body.correction.operatorBytes > body.counted.used, 'the simulated operator counts a little more than we do');
  assert.equal(body.topups.map((x: Json) => x.bytes), [512 * MiB, 1024 * MiB]);
  // The installer applies the offered correction through the existing endpoint.
  const installer = await t.signIn(INSTALLER_PASSWORD);
  const fix = await post('/api/usage/correction', body.correction, installer);
  assert.is(fix.status, 200);
  assert.is(t.runtime.usage().used, body.correction.operatorBytes);
});

balance("on a plan written in GB the operator's GB is 10^9 bytes: its figure and the top-ups agree with our count", async () => {
  // Millenicom: "20GB of data transfer per month"; Unwired: top-ups of "512MB or 1024 MB".
  const config = `config plan 'plan'\n\toption cap '20GB'\n\tlist topup_size '512MB'\nconfig balance 'balance'\n\toption ussd_code '*108#'\n\toption template 'digi'\nconfig topup\n\toption size '512MB'\n\toption ussd '*111*512#'\n\toption confirm 'zostal aktywowany'\n`;
  const { t, customer, post } = await setup(config);
  const plan = (await (await t.request('/api/plan', { cookie: customer.cookie })).json()) as Json;
  assert.equal([plan.cap, plan.units, plan.topupSizes], [20e9, 'GB', [512e6]]);
  const body = (await (await post('/api/balance/check', { check: true })).json()) as Json;
  assert.match(body.result.text, /Te quedan 19\.\d\d GB/);
  assert.is(body.counted.allowance, 20e9);
  assert.ok(body.operator.dataBytes <= 20e9 && body.operator.dataBytes > 19.9e9, `"19.xx GB" left of 20 GB is read as 10^9 bytes each, got ${body.operator.dataBytes}`);
  // The operator's count is a little above ours (its drift), never 7% away as GiB read for GB would make it.
  const drift = body.correction.operatorBytes - body.counted.used;
  assert.ok(drift >= 0 && drift < 0.01e9, `operator and device differ by ${drift} bytes`);
  assert.equal(body.topups.map((x: Json) => x.bytes), [512e6]);
  const status = (await (await t.request('/api/status', { cookie: customer.cookie })).json()) as Json;
  assert.is(status.plan.units, 'GB', 'the status names the family the UI shows sizes in');
  const bought = (await (await post('/api/topups/purchase', { bytes: 512e6, confirm: true })).json()) as Json;
  assert.is(bought.state, 'confirmed');
  assert.is(t.runtime.usage().state.allowance, 20e9 + 512e6);
});

balance('rapid repeats get 429 with Retry-After; two checks at once share one modem call', async () => {
  const { t, post } = await setup();
  const [a, b] = await Promise.all([post('/api/balance/check', { check: true }), post('/api/balance/check', { check: true })]);
  assert.is(a.status, 200);
  assert.is(b.status, 200);
  assert.equal(((await a.json()) as Json).result, ((await b.json()) as Json).result);
  const again = await post('/api/balance/check', { check: true });
  assert.is(again.status, 429);
  assert.ok(Number(again.headers.get('retry-after')) > 0);
  assert.match(((await again.json()) as Json).error, /too often/);
  t.advance(31_000);
  assert.is((await post('/api/balance/check', { check: true })).status, 200);
});

balance('an unparsable reply is kept as text and changes nothing', async () => {
  const config = `config plan 'plan'\n\toption cap '20G'\nconfig balance 'balance'\n\toption ussd_code '*109#'\n\toption template 'digi'\n`;
  const { t, post } = await setup(config);
  const used = t.runtime.usage().used;
  const body = (await (await post('/api/balance/check', { check: true })).json()) as Json;
  assert.match(body.result.text, /Pozostalo Ci 50,04zl/);
  assert.is(body.result.reading, null);
  assert.is(body.operator, null);
  assert.is(body.correction, null);
  assert.is(t.runtime.usage().used, used);
});

balance('a reply in hex UCS-2 is shown decoded and read; mojibake is shown as it came and read as nothing', async () => {
  const config = (code: string) => `config plan 'plan'\n\toption cap '20G'\nconfig balance 'balance'\n\toption ussd_code '${code}'\n\toption template 'digi'\n`;
  const hex = (await (await (await setup(config('*110#'))).post('/api/balance/check', { check: true })).json()) as Json;
  assert.match(hex.result.text, /^Tu consumo adicional .* Te quedan [\d.]+ GB/);
  assert.is(hex.result.reading.by, 'template');
  assert.is(hex.result.unreadable, false);
  assert.ok(hex.operator.dataBytes > 19 * 1024 ** 3);
  const { t, post } = await setup(config('*112#'));
  const used = t.runtime.usage().used;
  const garbled = (await (await post('/api/balance/check', { check: true })).json()) as Json;
  assert.not.match(garbled.result.text, /Te quedan/);
  assert.ok(garbled.result.text.length > 50, 'the reply is kept');
  assert.is(garbled.result.unreadable, true, 'said to be an unreadable reply');
  assert.is(garbled.result.reading, null, 'no figure is read from mojibake');
  assert.is(garbled.operator, null);
  assert.is(t.runtime.usage().used, used);
});

balance('a balance check by SMS: the modem number goes to the short code, the reply SMS is read', async () => {
  const config = `config plan 'plan'\n\toption cap '20G'\nconfig balance 'balance'\n\toption method 'sms'\n\toption sms_number '7202020'\n`;
  const { t, customer, post } = await setup(config);
  const body = (await (await post('/api/balance/check', { check: true })).json()) as Json;
  assert.match(body.result.text, /Te quedan/);
  assert.is(body.method, 'sms');
  const sms = (await (await t.request('/api/sms', { cookie: customer.cookie })).json()) as Json;
  assert.ok(sms.messages.some((m: Json) => !m.incoming && m.text === '48500100200' && m.from === '7202020'), 'the own number was texted');
});

balance('a top-up needs an explicit confirmation, and counts once the operator confirms it', async () => {
  const { t, post } = await setup();
  assert.is((await post('/api/topups/purchase', { bytes: 512 * MiB })).status, 400, 'no confirm field');
  assert.is((await post('/api/topups/purchase', { bytes: 512 * MiB, confirm: 'yes' })).status, 400);
  const none = await post('/api/topups/purchase', { bytes: 7 * MiB, confirm: true });
  assert.ok(none.status >= 400);
  const before = t.runtime.usage().state.allowance!;
  const res = await post('/api/topups/purchase', { bytes: 512 * MiB, confirm: true });
  assert.is(res.status, 202);
  const body = (await res.json()) as Json;
  assert.is(body.state, 'confirmed');
  assert.match(body.reply, /aktywowany/);
  assert.is(t.runtime.usage().state.allowance, before + 512 * MiB);
  assert.ok(t.runtime.usage().ledger.topups[0]!.by.includes('customer'));
});

balance('a top-up whose reply says nothing stays pending until a balance check shows the data', async () => {
  const config = `config plan 'plan'\n\toption cap '20G'\nconfig balance 'balance'\n\toption ussd_code '*108#'\nconfig topup\n\toption size '512M'\n\toption ussd '*111*512#'\n\toption confirm 'nothing matches this'\n`;
  const { t, post } = await setup(config);
  const before = t.runtime.usage().state.allowance!;
  const body = (await (await post('/api/topups/purchase', { bytes: 512 * MiB, confirm: true })).json()) as Json;
  assert.is(body.state, 'pending');
  assert.is(t.runtime.usage().state.allowance, before, 'not counted yet');
  assert.is((await post('/api/topups/purchase', { bytes: 512 * MiB, confirm: true })).status, 409, 'one purchase waits at a time');
  const check = (await (await post('/api/balance/check', { check: true })).json()) as Json;
  assert.is(check.purchase.state, 'confirmed');
  assert.is(t.runtime.usage().state.allowance, before + 512 * MiB);
});

balance.run();
