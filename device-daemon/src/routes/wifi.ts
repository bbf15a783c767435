// Wi-Fi (name, password, security, client limit, join QR code) and the devices
// on the LAN with their block. Customers may do all of it: these are their own
// network and devices, not the plan. The key leaves only when asked for, and
// every time it does (?reveal=1, the QR code) is audited.
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { MAC, WifiInput, type WifiJson } from '../api/wifi.ts';
import { lanClients } from '../core/lan-clients.ts';
import { qrSvg, wifiUri } from '../core/qr.ts';
import type { Bytes } from '../core/usage-ledger.ts';
import type { AccessEnv } from '../middleware/access-control.ts';
import type { LanPort, StorePort, WirelessPort } from '../ports/types.ts';
import { HttpError, readJson } from './validate.ts';
import { BLOCKED_CLIENTS } from '../blocked-clients.ts';

export type WifiDeps = {
  wireless: WirelessPort;
  lan: LanPort;
  /** Keeps the blocked MACs across restarts (see blocked-clients.ts). */
  store: StorePort;
  usage: () => Record<string, Bytes>;
  now: () => number;
  clientAddress: (c: Context) => string;
  audit: (role: string, event: string) => void;
  log: (line: string) => void;
  /** The device's one queue of state changes (runtime.ts); default: run at once. */
  serial?: <R>(work: () => Promise<R>) => Promise<R>;
};

/** Puts the stored block list back in force (at start; the nft table does not survive a reboot). */

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
  const seen = new Map<string, number>();
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;

  async function wifi(c: Context<AccessEnv>, reveal: boolean): Promise<WifiJson> {
    const { key, ...rest } = await deps.wireless.read();
    if (reveal) deps.audit(role(c), 'revealed the Wi-Fi password');
    return { ...rest, state, ...(reveal ? { key } : {}) };
  }

  const serial = deps.serial ?? (<R>(work: () => Promise<R>) => work());

  async function block(c: Context<AccessEnv>, on: boolean) {
    const mac = c.req.param('mac')!.toLowerCase();
    if (!MAC.test(mac)) throw new HttpError(400, 'not a MAC address (aa:bb:cc:dd:ee:ff)');
    const addr = deps.clientAddress(c).replace(/^::ffff:/, '');
    if (on && (await deps.lan.neighbours()).some((n) => n.ip === addr && n.mac === mac)) {
      throw new HttpError(409, 'this is the device you are using');
    }
    // Read, change and write in the device's queue: two blocks at once both hold.
    await serial(async () => {
      const now = await deps.lan.blocked();
      const next = on ? [...new Set([...now, mac])] : now.filter((m) => m !== mac);
      await deps.lan.setBlocked(next);
      await deps.store.write(BLOCKED_CLIENTS, await deps.lan.blocked());
    });
    deps.audit(role(c), `${on ? 'blocked' : 'unblocked'} device ${mac}`);
    return c.json({ mac, blocked: on });
  }

  return new Hono<AccessEnv>()
    .get('/wifi', async (c) => c.json(await wifi(c, c.req.query('reveal') === '1')))
    .put('/wifi', async (c) => {
      const input = await readJson(c, WifiInput);
      const before = await deps.wireless.read();
      // One change at a time: a second waits until the first is reloaded (or restored).
      const write = queue.then(() => serial(() => deps.wireless.write(input)));
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
    })
    .get('/clients', async (c) => {
      const [leases, stations, neighbours, blocked] = await Promise.all([deps.lan.leases(), deps.lan.stations(), deps.lan.neighbours(), deps.lan.blocked()]);
      const now = deps.now();
      const present = new Set([...stations.map((s) => s.mac), ...neighbours.map((n) => n.mac)]);
      for (const mac of seen.keys()) if (!present.has(mac)) seen.delete(mac);
      for (const mac of present) if (!seen.has(mac)) seen.set(mac, now);
      return c.json({ clients: lanClients({ leases, stations, neighbours, blocked, usage: deps.usage(), seen, now }) });
    })
    .post('/clients/:mac/block', (c) => block(c, true))
    .delete('/clients/:mac/block', (c) => block(c, false));
}
