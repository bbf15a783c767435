import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CUSTOMER_PASSWORD, testApp } from '../helpers/app.ts';

const events = suite('server-sent events');

async function readEvents(body: ReadableStream<Uint8Array>, count: number): Promise<string[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const out: string[] = [];
  while (out.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value);
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      out.push(text.slice(0, end));
      text = text.slice(end + 2);
    }
  }
  await reader.cancel();
  return out;
}

events('the stream sends the status at once and again on every tick', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const res = await t.request('/api/events', { cookie: s.cookie });
  assert.is(res.status, 200);
  assert.match(res.headers.get('content-type')!, /text\/event-stream/);
  const reading = readEvents(res.body!, 3);
  for (let i = 0; i < 2; i++) {
    t.advance(1000);
    await t.runtime.tick();
  }
  const got = await reading;
  assert.is(got.length, 3);
  const totals = got.map((e) => {
    assert.match(e, /^event: status\ndata: /);
    return (JSON.parse(e.slice(e.indexOf('data: ') + 6)) as { usage: { total: number } }).usage.total;
  });
  assert.ok(totals[2]! > totals[0]!, 'usage moved between events');
});

events('the stream ends when the session ends, and does not keep it alive', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const res = await t.request('/api/events', { cookie: s.cookie });
  const reader = res.body!.getReader();
  await reader.read();
  await t.request('/api/session', { method: 'DELETE', cookie: s.cookie, csrf: s.csrf });
  t.advance(1000);
  await t.runtime.tick();
  const next = await reader.read();
  assert.ok(next.done, 'the stream closed after sign-out');
  assert.is(t.statusEvents.size, 0, 'no listener left behind');
});

events('an idle session with an open stream still times out', async () => {
  const t = await testApp();
  const s = await t.signIn(CUSTOMER_PASSWORD);
  const res = await t.request('/api/events', { cookie: s.cookie });
  const reader = res.body!.getReader();
  await reader.read();
  for (let i = 0; i < 16; i++) {
    t.advance(60_000);
    await t.runtime.tick();
  }
  let done = false;
  for (let i = 0; i < 20 && !done; i++) done = (await reader.read()).done;
  assert.ok(done);
  assert.is((await t.request('/api/status', { cookie: s.cookie })).status, 401);
});

events.run();
