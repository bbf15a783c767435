// The data the ports hand to the core: parsed UCI packages, the modem's state and
// signal, the LAN's leases, neighbours and stations. Plain shapes; the core reads them
// without knowing where they came from (ports/types.ts re-exports them).

/** One UCI section: its type, its name (@type[index] for anonymous ones) and options. */
export type UciSection = {
  type: string;
  name: string;
  anonymous: boolean;
  options: Record<string, string | string[]>;
};

export type UciPackage = { name: string; sections: UciSection[] };

export type UciCommand =
  | { op: 'set'; path: string; value: string }
  | { op: 'add_list'; path: string; value: string }
  | { op: 'del_list'; path: string; value: string }
  | { op: 'delete'; path: string };

export type ModemState =
  | 'absent'
  | 'sim-missing'
  | 'locked'
  | 'initializing'
  | 'disabled'
  | 'enabling'
  | 'enabled'
  | 'searching'
  | 'registered'
  | 'connecting'
  | 'connected'
  | 'failed';

export type SignalReading = {
  /** dBm; null when the modem does not report it. */
  rsrp: number | null;
  rsrq: number | null;
  sinr: number | null;
  rssi: number | null;
};

export type ModemStatus = {
  state: ModemState;
  operator: string | null;
  technology: string | null;
  roaming: boolean;
  signal: SignalReading;
  /** 3GPP registration (home, roaming, searching, denied...), when known. */
  registration?: string | null;
};

/** A dnsmasq lease (/tmp/dhcp.leases). `expires` in epoch seconds, 0 for infinite. */
export type Lease = { mac: string; ip: string; name: string | null; expires: number };

/** A neighbour table entry (`ip -j neigh`). */
export type Neighbour = { ip: string; mac: string; dev: string; state: string[] };

/** A Wi-Fi station as hostapd or iw reports it. */
export type Station = { mac: string; band: string | null; signal: number | null; connectedSeconds: number | null };

/** One LTE cell the modem is served by. */
export type CellCarrier = { pci: number | null; earfcn: number | null; band: number | null };

/** The serving cell; each figure null when the modem does not report it. */
export type ServingCell = CellCarrier & {
  mcc: string | null;
  mnc: string | null;
  /** Tracking (LTE) or location area code, hex as ModemManager prints it. */
  tac: string | null;
  /** Cell identity, hex as ModemManager prints it. */
  cellId: string | null;
  /** Secondary carriers when the modem reports them (carrier aggregation); null when it cannot tell. */
  secondary: CellCarrier[] | null;
};

/** What the device says about itself; null where it cannot tell. */
export type SystemFacts = {
  model: string | null;
  /** The firmware's own description, e.g. "OpenWrt 24.10.0 r28427-6df0e3d02a". */
  firmware: string | null;
  /** This package's version (opkg's Version: with the release), or the build's. */
  packageVersion: string | null;
  uptimeSeconds: number | null;
  /** The first IPv4 (else IPv6) address of the WAN interface. */
  wanAddress: string | null;
  /** Bytes free on the file system that holds the state (flash). */
  freeBytes: number | null;
};
