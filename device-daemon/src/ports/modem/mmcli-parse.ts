// Parsers for `mmcli --output-json`: one valibot schema per output shape, with
// only the keys we use (valibot objects drop the rest). mmcli prints every
// value as a string and "--" for a missing one; newer versions add keys, older
// ones lack some, so every key is optional. Each parser takes the JSON or its
// text and is total: what it cannot read comes back as an Unreadable.
import * as v from 'valibot';
import { readWith, Unreadable } from '../../core/unreadable.ts';
import type { ModemState, ModemStatus, SignalReading } from '../types.ts';

export const s = v.optional(v.string(), '--');
export const list = v.optional(v.array(v.string()), []);
export const obj = <T extends v.ObjectEntries>(entries: T) => v.optional(v.looseObject(entries), {} as v.InferInput<v.ObjectSchema<T, undefined>>);

/** mmcli's string value, or null for "--", "" and "(null)". */
export const value = (text: string | undefined): string | null => (text === undefined || /^(--|\(null\)|)$/.test(text) ? null : text);
// mmcli prints with %.2f, so a comma-decimal locale (glibc honours LC_NUMERIC) gives "-67,00".
const dbm = (text: string | undefined): number | null => {
  const n = Number(value(text)?.replace(',', '.') ?? NaN);
  return Number.isFinite(n) ? n : null;
};

/** `mmcli -J -L`: the D-Bus paths of the modems, in the order ModemManager lists them. */
export function parseModemList(json: unknown): string[] | Unreadable {
  const out = readWith(v.looseObject({ 'modem-list': list }), json, 'mmcli -J -L');
  return out instanceof Unreadable ? out : out['modem-list'];
}

const ModemJson = v.looseObject({
  modem: v.looseObject({
    generic: obj({ state: s, 'state-failed-reason': s, 'access-technologies': list, 'own-numbers': list, sim: s }),
    '3gpp': obj({ 'operator-name': s, 'registration-state': s }),
  }),
});

// ModemManager's states (MMModemState) as it names them; the passing ones
// (disabling, disconnecting) show where the modem is headed, an unknown one as starting.
const STATES: Record<string, ModemState> = {
  failed: 'failed',
  unknown: 'initializing',
  initializing: 'initializing',
  locked: 'locked',
  disabled: 'disabled',
  disabling: 'disabled',
  enabling: 'enabling',
  enabled: 'enabled',
  searching: 'searching',
  registered: 'registered',
  connecting: 'connecting',
  connected: 'connected',
  disconnecting: 'registered',
};

/** `mmcli -J -m M`: status without the signal, the SIM path and the own number. */
export type ModemInfo = Omit<ModemStatus, 'signal'> & { simPath: string | null; ownNumber: string | null };

export function parseModem(json: unknown): ModemInfo | Unreadable {
  const out = readWith(ModemJson, json, 'mmcli -J -m');
  if (out instanceof Unreadable) return out;
  const { generic, '3gpp': gpp } = out.modem;
  const registration = value(gpp['registration-state']);
  const reason = generic['state-failed-reason'];
  const state: ModemState = generic.state === 'failed' && reason === 'sim-missing' ? 'sim-missing' : (STATES[generic.state] ?? 'initializing');
  return {
    state,
    operator: value(gpp['operator-name']),
    technology: generic['access-technologies'][0] ?? null,
    roaming: registration === 'roaming',
    registration,
    simPath: value(generic.sim) === '/' ? null : value(generic.sim),
    ownNumber: generic['own-numbers'][0] ?? null,
  };
}

const rat = obj({ rsrp: s, rsrq: s, snr: s, rssi: s, rscp: s });
const SignalJson = v.looseObject({ modem: v.looseObject({ signal: obj({ lte: rat, umts: rat, gsm: rat }) }) });

/** `mmcli -J -m M --signal-get`: LTE figures, else UMTS (RSCP as RSRP-like level), else GSM RSSI. */
export function parseSignal(json: unknown): SignalReading | Unreadable {
  const out = readWith(SignalJson, json, 'mmcli -J -m --signal-get');
  if (out instanceof Unreadable) return out;
  const { lte, umts, gsm } = out.modem.signal;
  return {
    rsrp: dbm(lte.rsrp) ?? dbm(umts.rscp),
    rsrq: dbm(lte.rsrq),
    sinr: dbm(lte.snr),
    rssi: dbm(lte.rssi) ?? dbm(umts.rssi) ?? dbm(gsm.rssi),
  };
}

/** `mmcli -J -i S`: ICCID and IMSI (the own number comes from the modem). */
