// Every state-changing endpoint of the access table, walked with hostile values
// (control characters, NUL, lone surrogates, huge numbers, wrong types) in each
// field and path parameter, against the built daemon: never a 500, and a field
// that reaches UCI or a command is refused with a 400 that names it.
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ACCESS } from '../../device-daemon/src/middleware/access-table.ts';
import { signInCustomer, startDaemonProcess } from '../../build/daemon-process.ts';
import { send } from '../helpers/loopback-client.ts';

const test = suite('hostile input on every state-changing endpoint (built daemon)');

/** A request each state-changing endpoint accepts; the walk changes one field at a time. */
const SAMPLES: Record<string, { path: string; body: Record<string, unknown> | null; params?: Record<string, string> }> = {
  'POST /api/setup': { path: '/api/setup', body: { secret: 'ABCDE23456', password: 'customer-password-1' } },
  'POST /api/password': { path: '/api/password', body: { current: 'customer-password-1', password: 'customer-password-1' } },
  'POST /api/session': { path: '/api/session', body: { password: 'not-the-password' } },
  'DELETE /api/session': { path: '/api/session', body: null },
  'POST /api/clients/:mac/block': { path: '/api/clients/:mac/block', body: {}, params: { mac: '02:00:00:00:00:01' } },
  'DELETE /api/clients/:mac/block': { path: '/api/clients/:mac/block', body: {}, params: { mac: '02:00:00:00:00:01' } },
  'PUT /api/clients/:mac/name': { path: '/api/clients/:mac/name', body: { name: 'Anna phone' }, params: { mac: '02:00:00:00:00:01' } },
  'POST /api/balance/check': { path: '/api/balance/check', body: { check: true } },
  'POST /api/topups/purchase': { path: '/api/topups/purchase', body: { bytes: 536870912, confirm: true } },
  'POST /api/ussd/action': { path: '/api/ussd/action', body: { action: 'validity' } },
  'POST /api/ussd': { path: '/api/ussd', body: { code: '*101#' } },
  'POST /api/ussd/respond': { path: '/api/ussd/respond', body: { text: '1' } },
  'DELETE /api/ussd': { path: '/api/ussd', body: null },
  'DELETE /api/sms/:id{[0-9]{1,9}}': { path: '/api/sms/:id', body: null, params: { id: '1' } },
  'POST /api/sms': { path: '/api/sms', body: { to: '+48600100200', text: 'hello' } },
  'PUT /api/mobile': { path: '/api/mobile', body: { apn: 'internet', auth: 'pap', username: 'user', password: 'secret', mode: 'auto' } },
  'POST /api/mobile/pin': { path: '/api/mobile/pin', body: { pin: '1234' } },
  'PUT /api/plan': { path: '/api/plan', body: {} }, // filled from GET /api/plan
  'POST /api/topups': { path: '/api/topups', body: { bytes: 536870912 } },
  'POST /api/usage/correction': { path: '/api/usage/correction', body: { operatorBytes: 1000 } },
  'PUT /api/wifi': { path: '/api/wifi', body: { networks: 'all', ssid: 'home', key: 'a-good-wifi-key', security: 'psk2' } },
  'POST /api/mobile/puk': { path: '/api/mobile/puk', body: { puk: '12345678', newPin: '1234' } },
  'POST /api/mobile/scan': { path: '/api/mobile/scan', body: { check: true } },
  'PUT /api/mobile/operator': { path: '/api/mobile/operator', body: { code: '26001' } },
  'PUT /api/mobile/bands': { path: '/api/mobile/bands', body: { bands: ['eutran-20'] } },
  'DELETE /api/signal/best': { path: '/api/signal/best', body: {} },
  'POST /api/system/reboot': { path: '/api/system/reboot', body: { confirm: true } },
  'POST /api/system/factory-reset': { path: '/api/system/factory-reset', body: { confirm: 'RESET' } },
  'POST /api/system/connectivity': { path: '/api/system/connectivity', body: { check: true, target: '127.0.0.1' } },
  'POST /api/system/restore': { path: '/api/system/restore', body: {} }, // filled from GET /api/system/backup
  'POST /api/commissioning': { path: '/api/commissioning', body: { done: true, notes: 'mast on the barn' } },
  'POST /api/updates/defer': { path: '/api/updates/defer', body: { days: 3 } },
  'POST /api/updates/install-now': { path: '/api/updates/install-now', body: {} },
  'POST /api/updates/check': { path: '/api/updates/check', body: {} },
};

/** Fields whose value reaches UCI or a command line: a control character there must be a 400 naming the field. */
const REACHES_THE_SYSTEM: Record<string, string[]> = {
  'PUT /api/mobile': ['apn', 'username', 'password'],
  'PUT /api/wifi': ['ssid', 'key'],
  'POST /api/sms': ['to', 'text'],
  'POST /api/ussd': ['code'],
  'POST /api/ussd/respond': ['text'],
  'PUT /api/plan': ['timezone', 'cycleAnchor'],
  'POST /api/mobile/puk': ['puk', 'newPin'],
  'PUT /api/mobile/operator': ['code'],
  'POST /api/system/connectivity': ['target'],
};

/** Fields where a line break is text (an SMS may have several lines); other control characters are not. */
const LINES_ARE_TEXT: Record<string, string[]> = { 'POST /api/sms': ['text'] };

const HOSTILE: unknown[] = [
  'nul\u0000byte',
  'line\nbreak',
  'carriage\rreturn',
  '\u001b[31mescape',
  'lone \ud800 high',
  'lone \udc00 low',
  '\u2028separator',
  1e308,
  -1e308,
  2 ** 53 + 1,
  -1,
  0.5,
  true,
  null,
  [],
  {},
  { nested: { deeper: ['x'] } },
  'x'.repeat(5000),
];

/** Every UTF-8 byte percent-encoded (a lone surrogate goes as U+FFFD, as a browser sends it). */
const percent = (text: string) => [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

const STATE_CHANGING = Object.keys(ACCESS).filter((key) => !key.startsWith('GET '));

test('every state-changing endpoint of the access table has a sample request here', () => {
  assert.equal(STATE_CHANGING.filter((key) => !(key in SAMPLES)), []);
});

test('hostile values in every field and path parameter never answer 500; fields that reach the system answer 400 naming the field', async () => {
  const daemon = await startDaemonProcess();
  try {
    await signInCustomer(daemon);
    const signIn = await send(daemon.url, '/api/session', { method: 'POST', body: { password: daemon.installerPassword } });
    const headers = { cookie: String(signIn.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': JSON.parse(signIn.body).csrfToken as string };
    SAMPLES['PUT /api/plan']!.body = JSON.parse((await send(daemon.url, '/api/plan', { headers })).body);
    SAMPLES['POST /api/system/restore']!.body = JSON.parse((await send(daemon.url, '/api/system/backup', { headers })).body);
    const failures: string[] = [];
    let requests = 0;
    for (const key of STATE_CHANGING) {
      const sample = SAMPLES[key]!;
      const method = key.slice(0, key.indexOf(' '));
      const variants: { what: string; path: string; body: unknown; field?: string; value?: unknown }[] = [];
      const fill = (params: Record<string, string>) => sample.path.replace(/:(\w+)/g, (_, name: string) => percent(params[name]!));
      for (const field of Object.keys(sample.body ?? {})) {
        for (const value of HOSTILE) variants.push({ what: `${field}=${JSON.stringify(value)?.slice(0, 30)}`, path: fill(sample.params ?? {}), body: { ...sample.body, [field]: value }, field, value });
      }
      for (const name of Object.keys(sample.params ?? {})) {
        for (const value of HOSTILE.filter((v) => typeof v === 'string')) variants.push({ what: `:${name}=${JSON.stringify(value).slice(0, 30)}`, path: fill({ ...sample.params, [name]: value as string }), body: sample.body });
      }
      // Endpoints without a body ignore one; the rest get bodies of the wrong type.
      if (sample.body !== null) for (const body of [[], 'text', 42, null, { unknown: 1 }]) variants.push({ what: `body ${JSON.stringify(body)}`, path: fill(sample.params ?? {}), body });
      for (const variant of variants) {
        requests++;
        // Signing out would end the walk's own session: that one goes without it.
        const own = key === 'DELETE /api/session' ? {} : headers;
        const res = await send(daemon.url, variant.path, { method, headers: own, body: sample.body === null ? undefined : variant.body, timeoutMs: 20_000 });
        if (res.status >= 500 && res.status !== 503) failures.push(`${key} ${variant.what}: ${res.status} ${res.body.slice(0, 200)}`);
        const lines = LINES_ARE_TEXT[key]?.includes(variant.field ?? '');
        const control = typeof variant.value === 'string' && (lines ? /[\u0000-\u0009\u000b-\u001f\ud800-\udfff]/ : /[\u0000-\u001f\ud800-\udfff]/).test(variant.value);
        if (control && variant.field && REACHES_THE_SYSTEM[key]?.includes(variant.field)) {
          const named = res.status === 400 && (JSON.parse(res.body).issues as { path: string }[] | undefined)?.some((i) => i.path === variant.field);
          if (!named) failures.push(`${key} ${variant.what}: ${res.status} without naming ${variant.field}: ${res.body.slice(0, 200)}`);
        }
      }
    }
    assert.ok(requests > 500, `${requests} requests`);
    assert.equal(failures, []);
    assert.not.match(daemon.output(), /error: (POST|PUT|DELETE)/, 'nothing reached the internal error handler');
  } finally {
    await daemon.dispose();
  }
});

test.run();
