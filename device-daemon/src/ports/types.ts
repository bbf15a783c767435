// The OS boundary. Every port has a real implementation (Linux/OpenWrt) and a
// simulated one; the rest of the daemon sees only these interfaces.

import type { StoredFile } from '../core/stored-file.ts';
import type { UciSection, UciPackage, UciCommand, ModemState, SignalReading, ModemStatus, Lease, Neighbour, Station, CellCarrier, ServingCell, SystemFacts } from '../core/device-data.ts';
import type { WifiNetwork } from '../core/wifi-networks.ts';

export type { UciSection, UciPackage, UciCommand, ModemState, SignalReading, ModemStatus, Lease, Neighbour, Station, CellCarrier, ServingCell, SystemFacts };

/** Result of one external command. */
export type CommandResult = { stdout: string; stderr: string; code: number };

export type RunOptions = {
  /** Written to the command's stdin (e.g. `uci batch`, `nft -f -`). */
  input?: string;
  /** Default 10 s. The command is killed when it runs longer. */
  timeoutMs?: number;
  /** Exit codes that are not an error (default only 0). */
  okCodes?: number[];
  /** Aborting ends the command (and anything it started) at once; the run fails as 'aborted'. */
  signal?: AbortSignal;
};

/** The one way real commands are run: argv arrays, never a shell. */
export interface CommandRunner {
  run(argv: readonly string[], options?: RunOptions): Promise<CommandResult>;
}

/** Byte counters of one network interface, as the kernel reports them. */
export type InterfaceCounters = {
  /** The kernel's boot id: changes at every boot, when all counters start again from zero. */
  bootId: string | null;
  /** Changes when the interface is deleted and created again (modem reconnect). */
  ifindex: number;
  rxBytes: number;
  txBytes: number;
};

export interface CountersPort {
  /** Current counters of `device`, or null when the interface does not exist. */
  read(device: string): Promise<InterfaceCounters | null>;
}

/** Bytes one LAN client moved through the WAN, as counted by the accounting table. */
export type ClientCounter = {
  /** Stable key: the MAC address when known, else the IP address. */
  key: string;
  mac: string | null;
  addresses: string[];
  /** Bytes from the internet to the client. */
  downBytes: number;
  /** Bytes from the client to the internet. */
  upBytes: number;
};

export interface AccountingPort {
  /** Create our own counting table if missing (idempotent). */
  ensure(): Promise<void>;
  read(): Promise<ClientCounter[]>;
  /** Remove everything `ensure` created. */
  remove(): Promise<void>;
}

/** What the shaper should enforce; null means no shaping. */
export type ShaperState = { downKbit: number; upKbit: number } | null;

export interface ShaperPort {
  current(): Promise<ShaperState>;
  /** Apply only the difference between `desired` and what is in place. */
  apply(desired: ShaperState): Promise<void>;
}

export interface FirewallPort {
  /** Whether forwarding to the WAN is blocked by our rule. */
  blocked(): Promise<boolean>;
  setBlocked(blocked: boolean): Promise<void>;
}

export interface UciPort {
  show(pkg: string): Promise<UciPackage>;
  /** Apply all commands as one `uci batch` and commit `pkg`. */
  batch(pkg: string, commands: UciCommand[]): Promise<void>;
}

export type SimCard = { iccid: string | null; imsi: string | null; ownNumber: string | null };

/** What the installer picks; the modem port maps it to its own mode names. */
export type NetworkMode = 'auto' | 'lte' | '3g';

export type ApnSettings = { apn: string; auth: 'none' | 'pap' | 'chap'; username: string; password: string; mode: NetworkMode };

export type UssdReply = { text: string; final: boolean };

export type SmsMessage = {
  id: string;
  from: string;
  text: string;
  /** ISO time the network stamped, when known. */
  time: string | null;
  incoming: boolean;
};

/** What the SIM asks for before it works, and the tries left (null: not reported). */
export type UnlockState = { required: 'sim-pin' | 'sim-puk' | null; pinRetries: number | null; pukRetries: number | null };

/** The modem's identity and its radio settings, as ModemManager reports them. */
export type ModemDetails = {
  imei: string | null;
  manufacturer: string | null;
  model: string | null;
  revision: string | null;
  unlock: UnlockState;
  /** ModemManager's band names (eutran-3, utran-1...); empty when not reported. */
  currentBands: string[];
  /** Empty: the modem does not let us choose. */
  supportedBands: string[];
  /** MCC+MNC of the network it is registered on. */
  operatorCode: string | null;
  /** MCC+MNC of the SIM's own operator (home network). */
  simOperatorCode: string | null;
};

/** One IP family of a connected bearer, as ModemManager hands it to the connection manager. */
export type BearerIpConfig = { method: string; address: string | null; prefix: number | null; gateway: string | null; dns: string[]; mtu: number | null };

/** The modem's data connection (its bearer): null figures where ModemManager does not know them. */
export type BearerStatus = {
  connected: boolean;
  interface: string | null;
  apn: string | null;
  /** null when the family is not configured (method unknown, or nothing reported). */
  ipv4: BearerIpConfig | null;
  ipv6: BearerIpConfig | null;
  stats: { durationSeconds: number | null; rxBytes: number | null; txBytes: number | null };
};

export type ScannedNetwork = { code: string; name: string | null; technologies: string[]; availability: 'current' | 'available' | 'forbidden' | 'unknown' };

/** Modem actions throw ModemError (ports/modem/modem-error.ts) for faults a user can act on. */
/**
 * The modem. Every action takes an AbortSignal last: aborting it ends the
 * command at once (features/modem/actor.ts aborts an action past its time).
 */
export interface ModemPort {
  status(): Promise<ModemStatus>;
  /** Starts a USSD session; a reply with final false waits for ussdRespond. */
  ussd(code: string, signal?: AbortSignal): Promise<UssdReply>;
  ussdRespond(text: string, signal?: AbortSignal): Promise<UssdReply>;
  /** The network's text that arrived after the last reply (e.g. after a release message), or null. */
  ussdPending(signal?: AbortSignal): Promise<UssdReply | null>;
  ussdCancel(signal?: AbortSignal): Promise<void>;
  listSms(signal?: AbortSignal): Promise<SmsMessage[]>;
  sendSms(to: string, text: string, signal?: AbortSignal): Promise<void>;
  deleteSms(id: string, signal?: AbortSignal): Promise<void>;
  sim(signal?: AbortSignal): Promise<SimCard>;
  unlockPin(pin: string, signal?: AbortSignal): Promise<void>;
  changePin(pin: string, newPin: string, signal?: AbortSignal): Promise<void>;
  /** Unblocks a SIM that wants its PUK, setting `newPin`. */
  unlockPuk(puk: string, newPin: string, signal?: AbortSignal): Promise<void>;
  details(signal?: AbortSignal): Promise<ModemDetails>;
  /** The data connection: the connected bearer, else the first one; null when the modem has none. */
  connection(signal?: AbortSignal): Promise<BearerStatus | null>;
  /** Networks in range; takes tens of seconds on a real modem. */
  scan(signal?: AbortSignal): Promise<ScannedNetwork[]>;
  /** Registers with `code` (MCC+MNC), or null for automatic selection. */
  register(code: string | null, signal?: AbortSignal): Promise<void>;
  /** Limits the modem to `bands` (ModemManager names), or null for any band. */
  setBands(bands: string[] | null, signal?: AbortSignal): Promise<void>;
  /** The serving cell (location 3GPP and cell info). */
  cell(signal?: AbortSignal): Promise<ServingCell>;
  /**
   * Applies APN and network mode, already written to UCI's `network` interface
   * `iface` (the connection manager reads them there when it reconnects).
   */
  configure(settings: ApnSettings, iface: string | null, signal?: AbortSignal): Promise<void>;
}

/** Wi-Fi access points in UCI `wireless` (read by core/wifi-networks.ts). */
export interface WirelessPort {
  /** Every access point that is on the air, in file order. */
  read(): Promise<WifiNetwork[]>;
  /**
   * Runs the commands (core/wifi-change.ts) in one `uci batch` and commits. Returns
   * the reload, to run once the HTTP response is out; when it fails, the previous
   * values are written back and reloaded, and it throws.
   */
  write(commands: UciCommand[]): Promise<() => Promise<void>>;
}

/** What the router knows of its LAN clients, and the per-MAC forward block. */
export interface LanPort {
  leases(): Promise<Lease[]>;
  stations(): Promise<Station[]>;
  neighbours(): Promise<Neighbour[]>;
  /** MACs whose forwarded traffic is dropped. */
  blocked(): Promise<string[]>;
  /** Makes exactly `macs` blocked; changes nothing when that is already so. */
  setBlocked(macs: string[]): Promise<void>;
}

/** Raw output of the two connectivity probes; core/connectivity.ts reads them. */
export type ProbeOutput = { ok: boolean; output: string };

export interface SystemPort {
  reboot(): Promise<void>;
  factoryReset(): Promise<void>;
  /** The whole system log (`logread`), oldest first. */
  logs(): Promise<string[]>;
  facts(): Promise<SystemFacts>;
  /** `ping` of a checked target: three echo requests. */
  ping(target: string): Promise<ProbeOutput>;
  /** The DNS servers the operator gave the WAN (netifd's resolv.conf.auto). */
  dnsServers(): Promise<string[]>;
  /** `nslookup name server`: the name looked up at that DNS server. */
  lookup(name: string, server: string): Promise<ProbeOutput>;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Whether the time is known good (NTP synced); cycles roll over only on trusted time. */
  trusted(): boolean;
}

export interface StorePort {
  /** The newest good generation of `file`, in its current shape, or null when there is none. */
  read<T>(file: StoredFile<T>): Promise<T | null>;
  write<T>(file: StoredFile<T>, value: T): Promise<void>;
}

export type Ports = {
  counters: CountersPort;
  accounting: AccountingPort;
  shaper: ShaperPort;
  firewall: FirewallPort;
  uci: UciPort;
  modem: ModemPort;
  system: SystemPort;
  clock: Clock;
  wireless: WirelessPort;
  lan: LanPort;
};
