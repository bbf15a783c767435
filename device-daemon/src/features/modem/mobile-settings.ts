// The installer's mobile settings: APN, authentication and network mode in the
// `network` interface that uses proto 'modemmanager' (option names of OpenWrt's
// modemmanager proto: apn, allowedauth, username, password, allowedmode,
// pincode), applied through the modem port; PIN entry and change on the SIM.
import type { ApnSettings, ModemPort, UciCommand, UciPort } from '../../ports/types.ts';
import { ModemError } from '../../ports/modem/modem-error.ts';
import { presetsFor, readPresets } from '../../core/apn-presets.ts';

import type { Exclusive } from './actor.ts';

/** A scan may take two minutes and more; ModemManager gives up after about five. */
const SCAN_TIMEOUT_MS = 320_000;

const MODE_UCI: Record<ApnSettings['mode'], string | null> = { auto: null, lte: '4g', '3g': '3g' };

export function mobileSettings(deps: { uci: UciPort; modem: ModemPort; exclusive: Exclusive; pkg: string; scanTimeoutMs?: number }) {
  async function section() {
    const pkg = await deps.uci.show('network').catch(() => null);
    const s = pkg?.sections.find((x) => x.type === 'interface' && x.options.proto === 'modemmanager');
    if (!s) throw new ModemError('no-modem', 'no modemmanager interface in /etc/config/network');
    return s;
  }
  const modemFacts = async () => {
    const [status, sim, details, connection] = await Promise.all([
      deps.modem.status(),
      deps.exclusive((signal) => deps.modem.sim(signal)).catch(() => null),
      deps.exclusive((signal) => deps.modem.details(signal)).catch(() => null),
      deps.exclusive((signal) => deps.modem.connection(signal)).catch(() => null),
    ]);
    // The SIM's operator, else the first five digits of its IMSI (MCC + a two-digit MNC).
    const code = details?.simOperatorCode ?? sim?.imsi?.slice(0, 5) ?? null;
    const isp = readPresets(await deps.uci.show(deps.pkg).catch(() => ({ name: deps.pkg, sections: [] })));
    return {
      state: status.state,
      operator: status.operator,
      sim,
      imei: details?.imei ?? null,
      unlock: details?.unlock ?? { required: status.state === 'locked' ? ('sim-pin' as const) : null, pinRetries: null, pukRetries: null },
      network: details && { code: details.operatorCode, simCode: details.simOperatorCode, manual: status.roaming || (details.operatorCode !== null && details.operatorCode !== details.simOperatorCode) },
      bands: details && { current: details.currentBands, supported: details.supportedBands },
      presets: presetsFor(isp, code),
      /** The data connection (interface, addresses, DNS, bytes) as ModemManager reports it. */
      connection,
    };
  };
  const str = (o: Record<string, string | string[]>, key: string) => [o[key] ?? ''].flat().join(' ');

  async function read() {
    const s = await section();
    const o = s.options;
    const auth = str(o, 'allowedauth');
    const mode = str(o, 'allowedmode');
    const username = str(o, 'username');
    const password = str(o, 'password');
    // Without allowedauth, netifd's modemmanager proto passes user and password
    // to --simple-connect with no allowed-auth, and ModemManager then picks CHAP
    // (its default for QMI, MBIM and AT bearers); without either, no authentication.
    const implicit = auth.trim() === '' && (username !== '' || password !== '');
    const settings: ApnSettings = {
      apn: str(o, 'apn'),
      auth: implicit || /\bchap\b/.test(auth) ? 'chap' : /\bpap\b/.test(auth) ? 'pap' : 'none',
      username,
      password,
      mode: mode === '4g' ? 'lte' : mode === '3g' ? '3g' : 'auto',
    };
    return { s, settings, implicit };
  }

  async function write(name: string, options: Record<string, string | string[]>, values: Record<string, string | null>) {
    const commands: UciCommand[] = [];
    for (const [key, value] of Object.entries(values)) {
      const path = `network.${name}.${key}`;
      if (value) commands.push({ op: 'set', path, value });
      else if (key in options) commands.push({ op: 'delete', path });
    }
    await deps.uci.batch('network', commands);
  }

  return {
    /** The settings (never the password), the modem's state and the SIM's numbers. */
    async get() {
      const { s, settings, implicit } = await read();
      const { password, ...shown } = settings;
      // An empty pincode is no PIN: the proto script only unlocks with a non-empty one.
      const pinStored = str(s.options, 'pincode') !== '';
      return { interface: s.name, ...shown, authDefault: implicit, passwordSet: password !== '', pinStored, ...(await modemFacts()) };
    },
    /** Stores the settings in UCI, then has the modem use them. `password` undefined keeps the stored one. */
    async set(input: Omit<ApnSettings, 'password'> & { password?: string }) {
      const { s, settings } = await read();
      const none = input.auth === 'none';
      const next: ApnSettings = { ...input, username: none ? '' : input.username, password: none ? '' : (input.password ?? settings.password) };
      await write(s.name, s.options, { apn: next.apn, allowedauth: none ? null : next.auth, username: next.username, password: next.password, allowedmode: MODE_UCI[next.mode] });
      await deps.exclusive((signal) => deps.modem.configure(next, s.name, signal));
    },
    /** Unblocks the SIM with its PUK and a new PIN, kept like an entered PIN. */
    async puk(puk: string, newPin: string) {
      await deps.exclusive((signal) => deps.modem.unlockPuk(puk, newPin, signal));
      const s = await section().catch(() => null);
      if (s) await write(s.name, s.options, { pincode: newPin });
    },
    scan: () => deps.exclusive((signal) => deps.modem.scan(signal), deps.scanTimeoutMs ?? SCAN_TIMEOUT_MS),
    register: (code: string | null) => deps.exclusive((signal) => deps.modem.register(code, signal), 130_000),
    setBands: (bands: string[] | null) => deps.exclusive((signal) => deps.modem.setBands(bands, signal)),
    /** Unlocks the SIM (or changes its PIN) and keeps the PIN where the connection manager unlocks at boot. */
    async pin(pin: string, newPin?: string) {
      await deps.exclusive((signal) => (newPin ? deps.modem.changePin(pin, newPin, signal) : deps.modem.unlockPin(pin, signal)));
      const s = await section().catch(() => null);
      if (s) await write(s.name, s.options, { pincode: newPin ?? pin });
    },
  };
}

export type MobileSettings = ReturnType<typeof mobileSettings>;
