// Parsers for `mmcli --output-json`: one valibot schema per output shape, with
// only the keys we use (valibot objects drop the rest). mmcli prints every
// value as a string and "--" for a missing one; newer versions add keys, older
// ones lack some, so every key is optional.
import * as v from 'valibot';
import type { ModemState, ModemStatus, SignalReading, SimCard, SmsMessage } from '../types.ts';

const s = v.optional(v.string(), '--');
const list = v.optional(v.array(v.string()), []);
const obj = <T extends v.ObjectEntries>(entries: T) => v.optional(v.object(entries), {} as v.InferInput<v.ObjectSchema<T, undefined>>);

/** mmcli's string value, or null for "--", "" and "(null)". */
export const value = (text: string | undefined): string | null => (text === undefined || /^(--|\(null\)|)$/.test(text) ? null : text);
const dbm = (text: string | undefined): number | null => {
  const n = Number(value(text) ?? NaN);
  return Number.isFinite(n) ? n : null;
};

/** `mmcli -J -L`: the D-Bus paths of the modems, in the order ModemManager lists them. */
export const parseModemList = (json: unknown): string[] => v.parse(v.object({ 'modem-list': list }), json)['modem-list'];

const ModemJson = v.object({
  modem: v.object({
    generic: obj({ state: s, 'state-failed-reason': s, 'access-technologies': list, 'own-numbers': list, sim: s }),
    '3gpp': obj({ 'operator-name': s, 'registration-state': s }),
  }),
});

const STATES: Record<string, ModemState> = {
  locked: 'locked',
  searching: 'searching',
  registered: 'registered',
  connecting: 'connecting',
  connected: 'connected',
  disconnecting: 'registered',
};

/** `mmcli -J -m M`: status without the signal, the SIM path and the own number. */
export function parseModem(json: unknown): Omit<ModemStatus, 'signal'> & { simPath: string | null; ownNumber: string | null } {
  const { generic, '3gpp': gpp } = v.parse(ModemJson, json).modem;
  const registration = value(gpp['registration-state']);
  const state: ModemState = generic['state-failed-reason'] === 'sim-missing' ? 'sim-missing' : (STATES[generic.state] ?? (generic.state === 'failed' ? 'failed' : 'searching'));
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
const SignalJson = v.object({ modem: v.object({ signal: obj({ lte: rat, umts: rat, gsm: rat }) }) });

/** `mmcli -J -m M --signal-get`: LTE figures, else UMTS (RSCP as RSRP-like level), else GSM RSSI. */
export function parseSignal(json: unknown): SignalReading {
  const { lte, umts, gsm } = v.parse(SignalJson, json).modem.signal;
  return {
    rsrp: dbm(lte.rsrp) ?? dbm(umts.rscp),
    rsrq: dbm(lte.rsrq),
    sinr: dbm(lte.snr),
    rssi: dbm(lte.rssi) ?? dbm(umts.rssi) ?? dbm(gsm.rssi),
  };
}

/** `mmcli -J -i S`: ICCID and IMSI (the own number comes from the modem). */
export function parseSim(json: unknown, ownNumber: string | null): SimCard {
  const p = v.parse(v.object({ sim: v.object({ properties: obj({ iccid: s, imsi: s }) }) }), json).sim.properties;
  return { iccid: value(p.iccid), imsi: value(p.imsi), ownNumber };
}

/** `mmcli -J -m M --messaging-list-sms`: SMS D-Bus paths. */
export const parseSmsList = (json: unknown): string[] => v.parse(v.object({ 'modem.messaging.sms': list }), json)['modem.messaging.sms'];

const SmsJson = v.object({
  sms: v.object({ content: obj({ number: s, text: s }), properties: obj({ 'pdu-type': s, timestamp: s }) }),
});

/** `mmcli -J -s PATH`: one message. Its id is the number at the end of its path. */
export function parseSms(json: unknown, path: string): SmsMessage {
  const { content, properties } = v.parse(SmsJson, json).sms;
  return {
    id: path.slice(path.lastIndexOf('/') + 1),
    from: value(content.number) ?? '',
    text: content.text === '--' ? '' : content.text,
    time: value(properties.timestamp),
    incoming: properties['pdu-type'] !== 'submit',
  };
}

const UssdJson = v.object({ modem: v.object({ '3gpp': obj({ ussd: obj({ status: s, 'network-request': s, 'network-notification': s }) }) }) });

/** `mmcli -J -m M --3gpp-ussd-status`: the text waiting in the session, if any. */
export function parseUssdStatus(json: unknown): { text: string; final: boolean } | null {
  const u = v.parse(UssdJson, json).modem['3gpp'].ussd;
  const text = value(u['network-request']) ?? value(u['network-notification']);
  return text === null ? null : { text, final: u.status !== 'user-response' };
}

/**
 * `--3gpp-ussd-initiate` and `--3gpp-ussd-respond` print the network's reply as
 * text even under -J: `...new reply from network: '<text>'`; the text may hold
 * newlines and quotes, so it runs to the last quote.
 */
export function parseUssdReply(stdout: string): string | null {
  const start = stdout.indexOf(": '");
  const end = stdout.lastIndexOf("'");
  return start < 0 || end < start + 2 ? null : stdout.slice(start + 3, end);
}
