// The simulated mobile operator: answers USSD codes and SMS in the style of real
// replies (test/fixtures/modem/operator-texts), from its own count of the
// simulated traffic and the plan's cap. Simulator only (dist/sim.mjs).
import type { SimDevice } from './device.ts';
import { ucs2AsGsm7Packed } from './gsm7.ts';
import type { SizeUnits } from '../../core/size.ts';

const MiB = 1024 ** 2;
/** The operator counts a little more than the router does (headers, retransmissions). */
const OPERATOR_DRIFT = 1.02;

export type SimOperator = {
  ussd(code: string): Promise<string | null>;
  /** The reply an SMS to `to` gets, or null for none. */
  sms(to: string, text: string): Promise<string | null>;
};

/** The plan as the operator sold it: its cap (null: none) and whether it meters "GB" in powers of ten or of two. */
export type SoldPlan = { cap: number | null; units: SizeUnits };

export function simOperator(device: SimDevice, options: { plan: () => Promise<SoldPlan> | SoldPlan; now: () => number }): SimOperator {
  let bought = 0;
  const validUntil = new Date(options.now() + 180 * 86_400_000).toISOString().slice(0, 10);
  const used = () => [...device.perClient.values()].reduce((sum, b) => sum + b.down + b.up, 0) * OPERATOR_DRIFT;

  async function balance(): Promise<string> {
    const { cap, units } = await options.plan();
    // Its "GB" is 10^9 bytes or 2^30, as it meters.
    const GB = units === 'GB' ? 1000 ** 3 : 1024 ** 3;
    const left = cap === null ? 999 * GB : Math.max(0, cap + bought - used());
    return `Tu consumo adicional es de 0.00 euros. Te quedan ${(left / GB).toFixed(2)} GB, 94 min nacionales y 998 SMS a DIGI, validos hasta dia 1.`;
  }
  async function buy(mb: number): Promise<string> {
    // "512 MB" is 512 * 10^6 bytes from an operator metering in powers of ten, 512 MiB from one in powers of two.
    bought += mb * ((await options.plan()).units === 'GB' ? 1000 ** 2 : MiB);
    return `Pakiet ${mb} MB zostal aktywowany. Dziekujemy!`;
  }

  return {
    async ussd(code) {
      const purchase = /^\*111\*(512|1024)#$/.exec(code);
      if (purchase) return await buy(Number(purchase[1]));
      switch (code) {
        case '*108#':
          return balance();
        // The same reply as a modem in UCS2 mode hands it over: hex, or (misread as GSM 7-bit) mojibake.
        case '*110#':
          return [...(await balance())].map((c) => c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')).join('');
        case '*112#':
          return ucs2AsGsm7Packed(await balance());
        case '*109#':
          return `Pozostalo Ci 50,04zl do wykorzystania do ${validUntil} 23:59:59.`;
        case '*101#':
          return `Twoj numer: ${device.modem.sim.number}`;
        case '*107*1#':
          device.modem.state = 'connected';
          return 'Internet wlaczony.';
        case '*107*2#':
          device.modem.state = 'registered';
          return 'Internet wylaczony.';
        default:
          return null;
      }
    },
    async sms(to, text) {
      if (to !== '7202020') return null;
      const purchase = /^PAKIET (512|1024)$/i.exec(text.trim());
      return purchase ? await buy(Number(purchase[1])) : await balance();
    },
  };
}
