import type { SimDevice } from '../sim/device.ts';
import type { ModemPort, SignalReading, SmsMessage } from '../types.ts';

/** Best reception when the antenna faces the simulated tower, at this bearing. */
const TOWER_DEGREES = 120;

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

/** A stateful simulated modem: status and signal, USSD, and an SMS store. */
export function simModem(device: SimDevice, ussdReply: (code: string) => string | null): ModemPort {
  const sms: SmsMessage[] = [];
  let nextId = 1;
  return {
    async status() {
      const connected = device.modem.state === 'connected' || device.modem.state === 'registered';
      return {
        state: device.modem.state,
        operator: connected ? device.modem.operator : null,
        technology: connected ? device.modem.technology : null,
        roaming: device.modem.roaming,
        signal: connected ? simSignal(device) : { rsrp: null, rsrq: null, sinr: null, rssi: null },
      };
    },
    async ussd(code) {
      const text = ussdReply(code);
      if (text === null) throw new Error(`USSD ${code}: unknown service code`);
      return { text, final: true };
    },
    async listSms() {
      return sms.map((m) => ({ ...m }));
    },
    async sendSms(to, text) {
      sms.push({ id: String(nextId++), from: to, text, time: null, incoming: false });
    },
    async deleteSms(id) {
      const index = sms.findIndex((m) => m.id === id);
      if (index < 0) throw new Error(`no SMS ${id}`);
      sms.splice(index, 1);
    },
  };
}
