// APN presets by the SIM's operator (MCC+MNC): a small built-in table the ISP
// extends (or overrides) with `config apn` sections in our UCI package:
//   config apn
//       option code '26001'        # MCC+MNC of the SIM
//       option name 'Plus'
//       option apn 'internet'
//       option auth 'none'          # none, pap or chap
//       option username ''
//       option password ''
// The installer picks one; the page fills the fields from it.
import type { UciPackage } from './device-data.ts';

export type ApnPreset = { code: string; name: string; apn: string; auth: 'none' | 'pap' | 'chap'; username: string; password: string };

const preset = (code: string, name: string, apn: string): ApnPreset => ({ code, name, apn, auth: 'none', username: '', password: '' });

/** The four Polish networks' public APN for mobile data (MCC 260). */
export const BUILT_IN_PRESETS: ApnPreset[] = [preset('26001', 'Plus', 'internet'), preset('26002', 'T-Mobile', 'internet'), preset('26003', 'Orange', 'internet'), preset('26006', 'Play', 'internet')];

const APN = /^([A-Za-z0-9][A-Za-z0-9.-]*)?$/;
const FREE_TEXT = /^[^'",\\]{0,64}$/;

/** The ISP's presets from UCI; a section that fails a check is left out. */
export function readPresets(pkg: UciPackage): ApnPreset[] {
  const out: ApnPreset[] = [];
  for (const { type, options: o } of pkg.sections) {
    if (type !== 'apn') continue;
    const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : '');
    const auth = str('auth') || 'none';
    const p = { code: str('code'), name: str('name') || str('apn'), apn: str('apn'), auth: auth as ApnPreset['auth'], username: str('username'), password: str('password') };
    if (/^\d{5,6}$/.test(p.code) && APN.test(p.apn) && p.apn.length <= 64 && ['none', 'pap', 'chap'].includes(auth) && FREE_TEXT.test(p.username) && FREE_TEXT.test(p.password) && p.name.length <= 64) out.push(p);
  }
  return out;
}

/** The presets for a SIM of operator `code`: the ISP's first; a built-in one only where the ISP has none for it. */
export function presetsFor(isp: ApnPreset[], code: string | null): ApnPreset[] {
  if (!code) return [];
  const own = isp.filter((p) => p.code === code);
  return own.length ? own : BUILT_IN_PRESETS.filter((p) => p.code === code);
}
