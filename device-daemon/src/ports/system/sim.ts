// The simulated device's system side: it keeps what a real one would (the log
// buffer, the boot time, a factory reset waiting for the reboot) and answers
// ping and nslookup in BusyBox's words, from the simulated modem's state.
import type { SimDevice } from '../sim/device.ts';
import type { ProbeOutput, SystemPort } from '../types.ts';
import { BUILD_VERSION } from './versions.ts';
import { targetKind } from '../../core/host-target.ts';

export type SimSystemOptions = {
  now?: () => number;
  device?: SimDevice;
  freeBytes?: () => Promise<number | null>;
  /** The package version the simulated opkg has installed (its control record), null when it has none yet. */
  packageVersion?: () => Promise<string | null>;
  /** The firmware version the simulated sysupgrade last booted, null when it has not run yet. */
  firmwareVersion?: () => Promise<string | null>;
};

/** A logread-style stamp: "Sun Nov 29 16:11:01 2026". */
function stamp(ms: number): string {
  const d = new Date(ms).toUTCString(); // "Sun, 29 Nov 2026 16:11:01 GMT"
  const [wd, day, mon, year, time] = d.replace(',', '').split(' ');
  return `${wd} ${mon} ${day!.padStart(2, ' ')} ${time} ${year}`;
}

/** A stable made-up address for a name (TEST-NET-1), as the simulated DNS answers. */
function addressOf(name: string): string {
  let h = 0;
  for (const c of name) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return `192.0.2.${(h % 250) + 1}`;
}

export function simSystem(options: SimSystemOptions = {}): SystemPort & { calls: string[]; record: (ident: string, text: string) => void; wipePending: boolean } {
  const now = options.now ?? Date.now;
  const calls: string[] = [];
  const buffer: string[] = [];
  let bootedAt = now();
  const online = () => !options.device || (options.device.modem.state === 'connected' && !options.device.modem.fault);
  const record = (ident: string, text: string) => {
    buffer.push(`${stamp(now())} ${ident.startsWith('kern') ? ident : `daemon.info ${ident}`}: ${text}`);
    if (buffer.length > 2000) buffer.splice(0, buffer.length - 2000);
  };
  record('netifd', 'wwan (2211): successfully connected the modem');
  record('ModemManager[1630]', '<info>  [modem0] state changed (registered -> connected)');
  record('dnsmasq[1523]', 'read /etc/hosts - 4 addresses');
  const port = {
    calls,
    record,
    wipePending: false,
    async reboot() {
      calls.push('reboot');
      record('procd', 'reboot requested');
      bootedAt = now();
      if (port.wipePending) calls.push('overlay wiped');
      port.wipePending = false;
    },
    async factoryReset() {
      calls.push('factory-reset');
      port.wipePending = true;
      await port.reboot();
    },
    async logs() {
      return [...buffer];
    },
    async facts() {
      return {
        model: 'Simulated LTE router',
        firmware: await options.firmwareVersion?.().then((v) => (v ? `OpenWrt ${v} (simulated)` : null)) ?? 'OpenWrt 24.10.0 r28427-6df0e3d02a (simulated)',
        packageVersion: (await options.packageVersion?.()) ?? BUILD_VERSION ?? 'dev',
        uptimeSeconds: Math.floor((now() - bootedAt) / 1000),
        wanAddress: online() ? '10.164.221.88' : null,
        freeBytes: (await options.freeBytes?.()) ?? null,
      };
    },
    async ping(target: string): Promise<ProbeOutput> {
      calls.push(`ping ${target}`);
      const kind = targetKind(target);
      if (!kind) return { ok: false, output: `ping: bad address '${target}'\n` };
      const ip = kind === 'name' ? addressOf(target) : target;
      const got = online() ? 3 : 0;
      const head = `PING ${target} (${ip}): 56 data bytes\n`;
      const replies = Array.from({ length: got }, (_, i) => `64 bytes from ${ip}: seq=${i} ttl=57 time=${(38 + i * 3).toFixed(3)} ms\n`).join('');
      const tail = `\n--- ${target} ping statistics ---\n3 packets transmitted, ${got} packets received, ${got ? 0 : 100}% packet loss\n${got ? 'round-trip min/avg/max = 38.000/41.000/44.000 ms\n' : ''}`;
      return { ok: got > 0, output: head + replies + tail };
    },
    async dnsServers() {
      return online() ? ['10.74.210.210', '10.74.210.211'] : [];
    },
    async lookup(name: string, server: string): Promise<ProbeOutput> {
      calls.push(`nslookup ${name} ${server}`);
      if (!online()) return { ok: false, output: `;; connection timed out; no servers could be reached\n` };
      const head = `Server:\t\t${server}\nAddress:\t${server}:53\n\n`;
      if (name.endsWith('.invalid')) return { ok: false, output: `${head}** server can't find ${name}: NXDOMAIN\n` };
      return { ok: true, output: `${head}Non-authoritative answer:\nName:\t${name}\nAddress: ${addressOf(name)}\n\n` };
    },
  };
  return port;
}
