// `iw dev <if> station dump` (and `station get <mac>`): the stations of a radio
// whose hostapd cannot be asked over ubus. Each station is a "Station <mac> (on
// <if>)" line and its indented "field: value" lines (spaces or tabs, trailing
// blanks as published). iw names no frequency, so the band stays unknown.
import type { Station } from './device-data.ts';
import { Unreadable } from './unreadable.ts';

const HEADER = /^Station ([0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})\b/;
const FIELD = /^\s+([a-zA-Z][\w /-]*?):\s*(.*?)\s*$/;

/** A dBm figure: mt76 once reported positive ones (openwrt/mt76 issue 17), which are no signal. */
function dbm(value: string): number | null {
  const m = /^(-?\d+)\b/.exec(value);
  const n = m ? Number(m[1]) : NaN;
  return Number.isFinite(n) && n < 0 && n > -150 ? n : null;
}

/**
 * The stations iw lists. Lines before any header belong to `mac` when the caller asked
 * for that one station (`station get`), else they are nobody's. Never throws.
 */
export function parseIwStations(text: string, mac: string | null = null): Station[] | Unreadable {
  if (typeof text !== 'string') return new Unreadable('iw station dump', 'not text');
  const stations: Station[] = [];
  let current: Station | null = mac && /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(mac) ? { mac: mac.toLowerCase(), band: null, signal: null, connectedSeconds: null } : null;
  let seen = false;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const header = HEADER.exec(line);
    if (header) {
      if (current && seen) stations.push(current);
      current = { mac: header[1]!.toLowerCase(), band: null, signal: null, connectedSeconds: null };
      seen = true;
      continue;
    }
    const field = FIELD.exec(line);
    if (!field) return new Unreadable('iw station dump', `line ${i + 1} is neither "Station <mac>" nor "field: value"`);
    seen = true;
    if (!current) continue;
    const [, name, value] = field;
    if (name === 'signal') current.signal = dbm(value!);
    else if (name === 'connected time') current.connectedSeconds = /^\d+ seconds$/.test(value!) ? Number(value!.split(' ')[0]) : null;
  }
  if (current && seen) stations.push(current);
  return stations;
}
