// The maintenance window: installs happen between 01:00 and 06:00 (configurable)
// on the wall clock of the plan's time zone. Each device takes a minute of its
// own inside the window, from a hash of its id, so a fleet does not reach the
// CDN and the cell at once. The window's ends are taken as instants, so a
// night whose clocks change inside it is simply shorter or longer, and the
// device's minute is spread over the real length of that night.
import { sha256 } from './sha256.ts';
import { addDays, fromLocal, toLocal } from '../zoned-time.ts';

export type WindowConfig = { timeZone: string; startHour: number; endHour: number };

export type WindowSlot = { start: number; end: number; at: number };

/** The device's fraction of the window, in [0, 1). */
function spread(deviceId: string): number {
  const h = sha256(`window\n${deviceId}`);
  return (((h[0]! << 16) | (h[1]! << 8) | h[2]!) >>> 0) / 2 ** 24;
}

/** The window of the night that starts on the local date of `ms` (or the day before, when past midnight). */
function windowOn(date: { year: number; month: number; day: number }, config: WindowConfig, deviceId: string, durationMinutes: number): WindowSlot {
  const start = fromLocal({ ...date, hour: config.startHour, minute: 0, second: 0 }, config.timeZone);
  const endDate = config.endHour > config.startHour ? date : addDays(date, 1);
  const end = fromLocal({ ...endDate, hour: config.endHour, minute: 0, second: 0 }, config.timeZone);
  const room = Math.max(0, Math.floor((end - start) / 60_000) - durationMinutes);
  return { start, end, at: start + Math.floor(spread(deviceId) * room) * 60_000 };
}

/** The first slot of this device at or after `after`. */
export function nextSlot(after: number, config: WindowConfig, deviceId: string, durationMinutes: number): WindowSlot {
  let date = addDays(toLocal(after, config.timeZone), -1);
  for (let i = 0; i < 4; i++, date = addDays(date, 1)) {
    const slot = windowOn(date, config, deviceId, durationMinutes);
    if (slot.at >= after) return slot;
  }
  throw new Error('no window in four days');
}

/** Whether `ms` lies inside a window (any minute of it, for installers and resumed installs). */
export function insideWindow(ms: number, config: WindowConfig): boolean {
  const hour = toLocal(ms, config.timeZone).hour;
  return config.endHour > config.startHour ? hour >= config.startHour && hour < config.endHour : hour >= config.startHour || hour < config.endHour;
}

/** "01:00-06:00" to hours, or null. */
export function parseWindow(text: string): { startHour: number; endHour: number } | null {
  const m = /^(\d\d):00-(\d\d):00$/.exec(text);
  if (!m) return null;
  const startHour = Number(m[1]);
  const endHour = Number(m[2]);
  return startHour < 24 && endHour < 24 && startHour !== endHour ? { startHour, endHour } : null;
}
