// Every port of the simulated device but the clock, built over one SimDevice and
// one UCI: what --platform sim runs (sim-platform.ts), and what the tests and the
// bench build the device from.
import { simAccounting } from '../accounting/sim.ts';
import { simCounters } from '../counters/sim.ts';
import { simFirewall } from '../firewall/sim.ts';
import { simModem } from '../modem/sim.ts';
import { simShaper } from '../shaper/sim.ts';
import { simSystem } from '../system/sim.ts';
import type { Ports, SystemPort, UciPort } from '../types.ts';
import { simLan, simWifiReload } from '../wifi/sim.ts';
import { uciWireless } from '../wifi/wireless.ts';
import type { SimDevice } from './device.ts';
import { simOperator, type SoldPlan } from './operator.ts';

export type SimPortsOptions = {
  wan: string;
  /** Wall time, for lease times and the operator's replies. */
  now: () => number;
  /** The plan's cap and unit family, as the operator's balance replies report it. */
  plan: () => Promise<SoldPlan> | SoldPlan;
  /** The system port, when the caller keeps one of its own (the simulator feeds it the daemon's log). */
  system?: SystemPort;
};

export function simPorts(device: SimDevice, uci: UciPort, options: SimPortsOptions): Omit<Ports, 'clock'> {
  return {
    counters: simCounters(device, options.wan),
    accounting: simAccounting(device),
    shaper: simShaper(device),
    firewall: simFirewall(device),
    uci,
    wireless: uciWireless(uci, simWifiReload(device)),
    lan: simLan(device, options.now),
    modem: simModem(device, simOperator(device, { plan: options.plan, now: options.now })),
    system: options.system ?? simSystem({ now: options.now, device }),
  };
}
