import type { SimDevice } from '../sim/device.ts';
import type { SimOperator } from '../sim/operator.ts';
import type { ModemPort, SignalReading, SmsMessage, UssdReply } from '../types.ts';
import { ModemError } from './modem-error.ts';
import { lteBand, bandName } from '../../core/lte-band.ts';

/** Best reception when the antenna faces the simulated tower, at this bearing. */
const TOWER_DEGREES = 120;
const NO_SIGNAL = { rsrp: null, rsrq: null, sinr: null, rssi: null };

/**
 * What `device.modem.fault` can be told to do: no modem, no SIM, a USSD that
 * times out, a network error reply, a release message before the result, a
 * reply that comes only when `device.modem.deliverLate()` is called.
 */
export type SimModemFault = 'no-modem' | 'no-sim' | 'ussd-timeout' | 'network-error' | 'release' | 'late';

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Signal that follows the antenna: -78 dBm facing the tower, about -115 dBm facing away. */
export function simSignal(device: SimDevice): SignalReading {
  const off = ((device.modem.antennaDegrees - TOWER_DEGREES) * Math.PI) / 180;
  const facing = (1 + Math.cos(off)) / 2;
  const noise = () => (device.random() - 0.5) * 2;
  return {
    rsrp: round(-115 + 37 * facing + noise()),
    rsrq: round(-18 + 10 * facing + noise() / 2),
    sinr: round(-3 + 23 * facing + noise()),
    rssi: round(-90 + 35 * facing + noise()),
  };
}

/**
 * A stateful simulated modem: status and signal, a SIM with a PIN, USSD
 * sessions and an SMS store, answered by the simulated operator. It refuses
 * overlapping USSD or SMS actions, as a real modem does.
 */
export function simModem(device: SimDevice, operator: SimOperator | ((code: string) => string | null)): ModemPort {
  const op: SimOperator = typeof operator === 'function' ? { ussd: async (code) => operator(code), sms: async () => null } : operator;
  const m = device.modem;
  const sms: SmsMessage[] = [];
  let nextId = 1;
  let busy = false;
  let pending: UssdReply | null = null;
  let menu = false;

  /** The fault a user would meet first, as ModemManager reports it. */
  function check(): void {
    if (m.fault === 'no-modem') throw new ModemError('no-modem', 'no modem found');
    if (m.fault === 'no-sim') throw new ModemError('no-sim', 'no SIM card');
    if (m.sim.locked) throw new ModemError('pin', 'the SIM needs its PIN');
  }
  /** One action at a time, like the modem's single USSD/SMS channel. */
  async function exclusive<T>(work: () => Promise<T>): Promise<T> {
    check();
    if (busy) throw new ModemError('busy', 'the modem is busy with another action');
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  }
  const up = () => !m.fault && !m.sim.locked && (m.state === 'connected' || m.state === 'registered');
  /** A wrong PIN costs a try; the last one blocks the SIM until its PUK. */
  function wrongPin(): never {
    m.sim.retries = Math.max(0, m.sim.retries - 1);
    if (m.sim.retries === 0) {
      m.sim.locked = true;
      throw new ModemError('pin', 'wrong PIN; the SIM is blocked and needs its PUK', 0, 'puk');
    }
    throw new ModemError('pin', `wrong PIN (${m.sim.retries} tries left)`, 0, 'wrong-pin', { retries: m.sim.retries });
  }
  function store(from: string, text: string, incoming: boolean) {
    sms.push({ id: String(nextId++), from, text, time: new Date(Date.now()).toISOString(), incoming });
  }

  async function answer(code: string, signal?: AbortSignal): Promise<UssdReply> {
    if (m.fault === 'ussd-timeout') throw new ModemError('timeout', 'the modem did not answer in time');
    if (m.fault === 'network-error') throw new ModemError('network', 'GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Failed: Network error');
    if (code === '*100#') {
      menu = true;
      return { text: 'Menu\n1:Stan konta\n2:Pakiety', final: false };
    }
    const text = await op.ussd(code);
    if (text === null) throw new ModemError('network', 'unknown service code');
    if (m.fault === 'release') {
      pending = { text, final: true };
      return { text: '', final: false };
    }
    if (m.fault === 'late') {
      // The reply comes only when the test says so. Aborted before then, the
      // request is gone but the network still answers: the text arrives as a
      // network notification, read with ussdPending.
      await new Promise<void>((resolve, reject) => {
        m.deliverLate = resolve;
        signal?.addEventListener('abort', () => {
          m.deliverLate = () => void (pending = { text, final: true });
          reject(new Error('aborted'));
        }, { once: true });
      });
    }
    return { text, final: true };
  }

  return {
    async status() {
      const state = m.fault === 'no-modem' ? 'absent' : m.fault === 'no-sim' ? 'sim-missing' : m.sim.locked ? 'locked' : m.state;
      const up = state === 'connected' || state === 'registered';
      const umts = m.settings.mode === '3g';
      const signal = up ? simSignal(device) : NO_SIGNAL;
      return {
        state,
        operator: up ? m.operator : null,
        technology: up ? (umts ? 'umts' : m.technology) : null,
        roaming: m.roaming,
        registration: up ? (m.roaming ? 'roaming' : 'home') : null,
        signal: umts ? { ...NO_SIGNAL, rssi: signal.rssi } : signal,
      };
    },
    ussd: (code, signal) => exclusive(() => answer(code, signal)),
    ussdRespond: (text, signal) =>
      exclusive(async () => {
        if (!menu) throw new ModemError('network', 'no USSD session');
        menu = false;
        return answer(text === '1' ? '*108#' : '*109#', signal);
      }),
    async ussdPending() {
      const reply = pending;
      pending = null;
      return reply;
    },
    async ussdCancel() {
      menu = false;
      pending = null;
    },
    async listSms() {
      check();
      return sms.map((x) => ({ ...x }));
    },
    sendSms: (to, text) =>
      exclusive(async () => {
        store(to, text, false);
        const reply = await op.sms(to, text);
        if (reply !== null) store(to, reply, true);
      }),
    async deleteSms(id) {
      check();
      const index = sms.findIndex((x) => x.id === id);
      if (index < 0) throw new ModemError('network', `no SMS ${id}`);
      sms.splice(index, 1);
    },
    async sim() {
      check();
      return { iccid: m.sim.iccid, imsi: m.sim.imsi, ownNumber: m.sim.number };
    },
    async unlockPin(pin) {
      if (m.fault === 'no-sim') throw new ModemError('no-sim', 'no SIM card');
      if (m.sim.retries === 0) throw new ModemError('pin', 'the SIM needs its PUK', 0, 'puk');
      if (pin !== m.sim.pin) wrongPin();
      m.sim.locked = false;
      m.sim.retries = 3;
    },
    async changePin(pin, newPin) {
      check();
      if (pin !== m.sim.pin) wrongPin();
      m.sim.pin = newPin;
      m.sim.retries = 3;
    },
    async unlockPuk(puk, newPin) {
      if (m.fault === 'no-sim') throw new ModemError('no-sim', 'no SIM card');
      if (m.sim.pukRetries === 0) throw new ModemError('no-sim', 'the SIM is blocked for good; the operator must replace it');
      if (m.sim.retries > 0) throw new ModemError('pin', 'the SIM does not need its PUK');
      if (puk !== m.sim.puk) {
        m.sim.pukRetries--;
        throw new ModemError('pin', `wrong PUK (${m.sim.pukRetries} tries left)`);
      }
      Object.assign(m.sim, { pin: newPin, locked: false, retries: 3, pukRetries: 10 });
    },
    async details() {
      if (m.fault === 'no-modem') throw new ModemError('no-modem', 'no modem found');
      const sim = m.fault !== 'no-sim';
      const locked = sim && m.sim.locked;
      return {
        imei: m.imei,
        manufacturer: 'Quectel',
        model: 'EG25-G',
        revision: 'EG25GGBR07A08M2G',
        unlock: { required: locked ? (m.sim.retries === 0 ? 'sim-puk' : 'sim-pin') : null, pinRetries: sim ? m.sim.retries : null, pukRetries: sim ? m.sim.pukRetries : null },
        currentBands: [...m.bands.current],
        supportedBands: [...m.bands.supported],
        operatorCode: up() ? m.registered : null,
        simOperatorCode: sim ? m.sim.operatorCode : null,
      };
    },
    // A documentation address (RFC 5737): the simulated operator's carrier-grade NAT.
    async connection() {
      check();
      if (m.state !== 'connected') return null;
      const ipv4 = { method: 'static', address: '192.0.2.47', prefix: 24, gateway: '192.0.2.1', dns: ['192.0.2.53'], mtu: 1500 };
      return { connected: true, interface: 'wwan0', apn: m.settings.apn || null, ipv4, ipv6: null, stats: { durationSeconds: null, rxBytes: device.wan.rxBytes, txBytes: device.wan.txBytes } };
    },
    scan: () =>
      exclusive(async () => {
        await new Promise((resolve) => setTimeout(resolve, m.scanMs));
        return m.networks.map((n) => ({
          code: n.code,
          name: n.name,
          technologies: [...n.technologies],
          availability: n.forbidden ? 'forbidden' : n.code === m.registered ? 'current' : 'available',
        }));
      }),
    async register(code) {
      check();
      const target = code ?? m.sim.operatorCode;
      const network = m.networks.find((n) => n.code === target);
      if (!network) throw new ModemError('network', `GDBus.Error:org.freedesktop.ModemManager1.Error.MobileEquipment.NetworkNotAllowed: no network ${target} in range`);
      if (network.forbidden) throw new ModemError('network', 'GDBus.Error:org.freedesktop.ModemManager1.Error.MobileEquipment.NetworkNotAllowed: Network not allowed - emergency calls only');
      Object.assign(m, { registered: network.code, operator: network.name, roaming: network.code !== m.sim.operatorCode });
    },
    async setBands(bands) {
      check();
      const next = bands ?? m.bands.supported;
      const unknown = next.filter((b) => !m.bands.supported.includes(b));
      if (unknown.length) throw new ModemError('network', `GDBus.Error:org.freedesktop.ModemManager1.Error.Core.Unsupported: bands not supported: ${unknown.join(', ')}`);
      m.bands.current = [...next];
      // Leaving the serving cell's band moves the modem to another it may use, or off the air.
      const allowed = (earfcn: number) => next.includes(bandName(lteBand(earfcn) ?? 0));
      if (!allowed(m.cell.earfcn)) {
        const other = m.cell.secondary.find((c) => allowed(c.earfcn));
        if (other) m.cell = { ...m.cell, earfcn: other.earfcn, secondary: [] };
        else m.state = 'searching';
      }
      m.cell.secondary = m.cell.secondary.filter((c) => allowed(c.earfcn));
    },
    async cell() {
      check();
      const lte = up() && m.settings.mode !== '3g';
      const carrier = (c: { pci: number; earfcn: number }) => ({ pci: c.pci, earfcn: c.earfcn, band: lteBand(c.earfcn) });
      const none = { pci: null, earfcn: null, band: null };
      return {
        mcc: up() ? m.registered.slice(0, 3) : null,
        mnc: up() ? m.registered.slice(3) : null,
        tac: up() ? m.cell.tac : null,
        cellId: up() ? m.cell.cid : null,
        ...(lte ? carrier(m.cell) : none),
        secondary: lte ? m.cell.secondary.map(carrier) : null,
      };
    },
    async configure(settings) {
      check();
      m.settings = { ...settings };
    },
  };
}
