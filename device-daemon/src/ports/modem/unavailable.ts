import type { ModemPort } from '../types.ts';

/** Until the ModemManager port lands: the modem is reported absent and its actions refuse. */
export function unavailableModem(): ModemPort {
  const refuse = async (): Promise<never> => {
    throw new Error('ModemManager support is not in this build');
  };
  return {
    status: async () => ({ state: 'absent', operator: null, technology: null, roaming: false, signal: { rsrp: null, rsrq: null, sinr: null, rssi: null } }),
    ussd: refuse,
    listSms: refuse,
    sendSms: refuse,
    deleteSms: refuse,
  };
}
