// Phone-style signal bars from LTE figures, for customers. Thresholds follow the
// common RSRP quality bands (excellent >= -80 dBm ... no signal < -120 dBm).
import type { SignalReading } from './device-data.ts';

const RSRP_BARS = [-120, -110, -100, -90, -80];

/** 0 (none) to 5 bars. Falls back to RSSI when the modem gives no RSRP (3G). */
export function signalBars(signal: SignalReading): number {
  if (signal.rsrp !== null) return RSRP_BARS.filter((limit) => signal.rsrp! >= limit).length;
  if (signal.rssi !== null) return [-105, -95, -85, -75, -65].filter((limit) => signal.rssi! >= limit).length;
  return 0;
}
