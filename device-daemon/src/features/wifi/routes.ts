// Wi-Fi: name, password, security, client limit and the join QR code. Customers
// may change all of it: it is their own network, not the plan. The key leaves
// only when asked for, and every time it does (?reveal=1, the QR code) is audited.
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { WifiInput, type WifiJson } from './schemas.ts';
import { qrSvg, wifiUri } from '../../core/qr.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { WirelessPort } from '../../ports/types.ts';
import { readJson } from '../../middleware/validate.ts';

export type WifiDeps = {
  wireless: WirelessPort;
  audit: (role: string, event: string) => void;
  log: (line: string) => void;
};

// Runs `task` once the response has gone out: on Node when the socket is done
// with it, so a `wifi reload` cannot cut the phone off before it has the answer.
function afterResponse(c: Context, task: () => void): void {
  const out = (c.env as { outgoing?: { once(e: string, f: () => void): void } } | undefined)?.outgoing;
  if (out) out.once('close', task);
  else setTimeout(task, 0);
}

export function wifiRoutes(deps: WifiDeps) {
  let state: WifiJson['state'] = 'applied';
  let queue: Promise<unknown> = Promise.resolve();
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;

  async function wifi(c: Context<AccessEnv>, reveal: boolean): Promise<WifiJson> {
    const { key, ...rest } = await deps.wireless.read();
    if (reveal) deps.audit(role(c), 'revealed the Wi-Fi password');
    return { ...rest, state, ...(reveal ? { key } : {}) };
  }

  return new Hono<AccessEnv>()
    .get('/wifi', async (c) => c.json(await wifi(c, c.req.query('reveal') === '1')))
    .put('/wifi', async (c) => {
      const input = await readJson(c, WifiInput);
      const before = await deps.wireless.read();
      // One change at a time: a second waits until the first is reloaded (or restored).
      const write = queue.then(() => deps.wireless.write(input));
      queue = write.catch(() => {});
      const apply = await write;
      state = 'applying';
      const { key, ...shown } = input;
      deps.audit(role(c), `changed Wi-Fi to ${JSON.stringify(shown)}${key === before.key ? '' : ' and the password'}`);
      const body = await wifi(c, false);
      // Scheduled last: nothing below may wait on I/O, or the reload could start first.
      const responded = new Promise<void>((done) => afterResponse(c, done));
      queue = queue
        .then(() => responded)
        .then(apply)
        .then(
          () => void (state = 'applied'),
          (error: Error) => {
            state = 'restored';
            deps.log(`wifi: reload failed, previous settings restored: ${error.message}`);
            deps.audit('system', 'Wi-Fi reload failed; the previous settings were restored');
          },
        );
      return c.json(body, 202);
    })
    .get('/wifi/qr.svg', async (c) => {
      const { ssid, key } = await deps.wireless.read();
      deps.audit(role(c), 'showed the Wi-Fi join QR code');
      c.header('Cache-Control', 'no-store');
      return c.body(qrSvg(wifiUri(ssid, key)), 200, { 'Content-Type': 'image/svg+xml' });
    });
}
