// The devices on the LAN and their block. Customers may do it all: these are
// their own devices, not the plan.
import type { Audit } from '../../auth/audit-log.ts';
import type { Context } from 'hono';
import { Hono } from 'hono/tiny';
import { DeviceNameInput, MAC } from './schemas.ts';
import { BLOCKED_CLIENTS } from './blocked-clients.ts';
import { DEVICE_NAMES } from './device-names.ts';

/** The names the household gave its devices, by MAC, in the flash store (kept across reboots). */
import { lanClients } from '../../core/lan-clients.ts';
import type { Bytes } from '../../core/usage-ledger.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';
import type { LanPort, StorePort } from '../../ports/types.ts';

export type DevicesDeps = {
  lan: LanPort;
  /** Keeps the blocked MACs across restarts (see blocked-clients.ts). */
  store: StorePort;
  usage: () => Record<string, Bytes>;
  now: () => number;
  clientAddress: (c: Context) => string;
  audit: Audit;
  /** The device's one queue of state changes (jobs/runtime.ts); default: run at once. */
  serial?: <R>(work: () => Promise<R>) => Promise<R>;
};

export function devicesRoutes(deps: DevicesDeps) {
  // When each device was first seen in its current stay on the LAN.
  const seen = new Map<string, number>();
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;
  const serial = deps.serial ?? (<R>(work: () => Promise<R>) => work());

  function macOf(c: Context<AccessEnv>): string {
    const mac = c.req.param('mac')!.toLowerCase();
    if (!MAC.test(mac)) throw new HttpError(400, 'invalid', 'not a MAC address (aa:bb:cc:dd:ee:ff)', {}, { issues: [{ path: 'mac', message: 'not a MAC address', code: 'regex' }] });
    return mac;
  }
  const names = async () => (await deps.store.read(DEVICE_NAMES)) ?? {};

  async function block(c: Context<AccessEnv>, on: boolean) {
    const mac = macOf(c);
    const addr = deps.clientAddress(c).replace(/^::ffff:/, '');
    if (on && (await deps.lan.neighbours()).some((n) => n.ip === addr && n.mac === mac)) {
      throw new HttpError(409, 'own-device', 'this is the device you are using');
    }
    // Read, change and write in the device's queue: two blocks at once both hold.
    await serial(async () => {
      const now = await deps.lan.blocked();
      const next = on ? [...new Set([...now, mac])] : now.filter((m) => m !== mac);
      await deps.lan.setBlocked(next);
      await deps.store.write(BLOCKED_CLIENTS, await deps.lan.blocked());
    });
    deps.audit(role(c), `${on ? 'blocked' : 'unblocked'} device ${mac}`, on ? 'device-blocked' : 'device-unblocked', { mac });
    return c.json({ mac, blocked: on });
  }

  return new Hono<AccessEnv>()
    .get('/clients', async (c) => {
      const [leases, stations, neighbours, blocked] = await Promise.all([deps.lan.leases(), deps.lan.stations(), deps.lan.neighbours(), deps.lan.blocked()]);
      const now = deps.now();
      const present = new Set([...stations.map((s) => s.mac), ...neighbours.map((n) => n.mac)]);
      for (const mac of seen.keys()) if (!present.has(mac)) seen.delete(mac);
      for (const mac of present) if (!seen.has(mac)) seen.set(mac, now);
      const self = deps.clientAddress(c).replace(/^::ffff:/, '');
      return c.json({ clients: lanClients({ leases, stations, neighbours, blocked, usage: deps.usage(), seen, now, names: await names(), self }) });
    })
    .put('/clients/:mac/name', async (c) => {
      const mac = macOf(c);
      const { name } = await readJson(c, DeviceNameInput);
      const { [mac]: _old, ...rest } = await names();
      const trimmed = name.trim();
      await deps.store.write(DEVICE_NAMES, trimmed ? { ...rest, [mac]: trimmed } : rest);
      deps.audit(role(c), `named device ${mac} ${JSON.stringify(trimmed)}`, 'device-named', { mac, name: trimmed });
      return c.json({ mac, name: trimmed || null });
    })
    .post('/clients/:mac/block', (c) => block(c, true))
    .delete('/clients/:mac/block', (c) => block(c, false));
}
