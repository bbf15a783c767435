// Wi-Fi: name, password, security, client limit and the join QR code. Customers
// may change all of it: it is their own network, not the plan. The key leaves
// only when asked for, and every time it does (?reveal=1, the QR code) is audited.
import type { Audit } from '../../auth/audit-log.ts';
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { WifiInput, type WifiJson } from './schemas.ts';
import { qrSvg, wifiUri } from '../../core/qr.ts';
import { planWifiChange, wpa3Only } from '../../core/wifi-change.ts';
import { sameOnAllBands, type WifiNetwork } from '../../core/wifi-networks.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { WirelessPort } from '../../ports/types.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';

export type WifiDeps = {
  wireless: WirelessPort;
  audit: Audit;
  log: (line: string) => void;
  /** The device's one queue of state changes (jobs/runtime.ts); default: run at once. */
  serial?: <R>(work: () => Promise<R>) => Promise<R>;
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
  const serial = deps.serial ?? (<R>(work: () => Promise<R>) => work());
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;

  async function wifi(c: Context<AccessEnv>, reveal: boolean): Promise<WifiJson> {
    const networks = await deps.wireless.read();
    if (reveal) deps.audit(role(c), 'revealed the Wi-Fi password', 'wifi-revealed');
    return {
      networks: networks.map(({ key, encryption: _e, ...n }) => ({ ...n, wpa3Only: wpa3Only({ key, encryption: _e, ...n }), ...(reveal ? { key } : {}) })),
      same: sameOnAllBands(networks),
      state,
    };
  }

  /** The network the QR code is for: ?id=, else the first that can be changed. */
  const qrNetwork = (networks: WifiNetwork[], id: string | undefined) => (id ? networks.find((n) => n.id === id) : (networks.find((n) => n.editable) ?? networks[0]));

  return new Hono<AccessEnv>()
    .get('/wifi', async (c) => c.json(await wifi(c, c.req.query('reveal') === '1')))
    .put('/wifi', async (c) => {
      const input = await readJson(c, WifiInput);
      // One change at a time: a second waits until the first is reloaded (or restored), and is planned on what that left.
      const write = queue.then(async () => {
        const before = await deps.wireless.read();
        const plan = planWifiChange(before, input);
        if (!plan.ok) throw new HttpError(400, 'invalid', `${plan.field}: ${plan.message}`, {}, { issues: [{ path: plan.field, message: plan.message, code: plan.code, params: plan.params }] });
        const changed = plan.targets.map((t) => before.find((n) => n.id === t.id)!);
        return { apply: await serial(() => deps.wireless.write(plan.commands)), changed, targets: plan.targets };
      });
      queue = write.catch(() => {});
      const { apply, changed, targets } = await write;
      state = 'applying';
      const { key, networks: _n, ...shown } = input;
      const bands = [...new Set(changed.flatMap((n) => n.bands))].join(', ') || changed.map((n) => n.id).join(', ');
      const adjusted = targets.filter((t) => t.security !== input.security).map((t) => `${t.id} uses ${t.security}`);
      const keyChanged = !(key === undefined || changed.every((n) => n.key === key));
      deps.audit(
        role(c),
        `changed Wi-Fi (${bands}) to ${JSON.stringify(shown)}${keyChanged ? ' and the password' : ''}${adjusted.length ? ` (${adjusted.join(', ')})` : ''}`,
        'wifi-changed',
        { ssid: shown.ssid, key: keyChanged ? 1 : 0 },
      );
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
            deps.audit('system', 'Wi-Fi reload failed; the previous settings were restored', 'wifi-restored');
          },
        );
      return c.json(body, 202);
    })
    .get('/wifi/qr.svg', async (c) => {
      const net = qrNetwork(await deps.wireless.read(), c.req.query('id'));
      if (!net) throw new HttpError(404, 'not-found', 'id: there is no such Wi-Fi network');
      const { ssid, key } = net;
      deps.audit(role(c), 'showed the Wi-Fi join QR code', 'wifi-qr');
      c.header('Cache-Control', 'no-store');
      return c.body(qrSvg(wifiUri(ssid, key, net.security)), 200, { 'Content-Type': 'image/svg+xml' });
    });
}
