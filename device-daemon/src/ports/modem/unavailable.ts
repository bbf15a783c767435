import type { ModemPort } from '../types.ts';
import { ModemError } from './modem-error.ts';

/** A build without a modem: the modem is reported absent and its actions refuse. */
export function unavailableModem(): ModemPort {
  const refuse = async (): Promise<never> => {
    throw new ModemError('no-modem', 'no modem found');
  };
  return {
    status: async () => ({ state: 'absent', operator: null, technology: null, roaming: false, signal: { rsrp: null, rsrq: null, sinr: null, rssi: null } }),
    ussd: refuse,
    ussdRespond: refuse,
    ussdPending: refuse,
    ussdCancel: refuse,
    listSms: refuse,
    sendSms: refuse,
    deleteSms: refuse,
    sim: refuse,
    unlockPin: refuse,
    changePin: refuse,
    unlockPuk: refuse,
    details: refuse,
    scan: refuse,
    register: refuse,
    setBands: refuse,
    cell: refuse,
    configure: refuse,
  };
}
