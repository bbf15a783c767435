// mmcli's SIM, SMS and USSD outputs: parsed only once the modem's actions load
// (the balance page, the SMS inbox, the console), not at the daemon's start.
import * as v from 'valibot';
import { readWith, Unreadable } from '../../core/unreadable.ts';
import type { SimCard, SmsMessage } from '../types.ts';
import { list, obj, s, value } from './mmcli-parse.ts';

export function parseSim(json: unknown, ownNumber: string | null): SimCard | Unreadable {
  const out = readWith(v.looseObject({ sim: v.looseObject({ properties: obj({ iccid: s, imsi: s }) }) }), json, 'mmcli -J -i');
  if (out instanceof Unreadable) return out;
  const p = out.sim.properties;
  return { iccid: value(p.iccid), imsi: value(p.imsi), ownNumber };
}

/** `mmcli -J -m M --messaging-list-sms`: SMS D-Bus paths. */
export function parseSmsList(json: unknown): string[] | Unreadable {
  const out = readWith(v.looseObject({ 'modem.messaging.sms': list }), json, 'mmcli -J -m --messaging-list-sms');
  return out instanceof Unreadable ? out : out['modem.messaging.sms'];
}

const SmsJson = v.looseObject({
  sms: v.looseObject({ content: obj({ number: s, text: s }), properties: obj({ 'pdu-type': s, timestamp: s }) }),
});

/** `mmcli -J -s PATH`: one message. Its id is the number at the end of its path. */
export function parseSms(json: unknown, path: string): SmsMessage | Unreadable {
  const out = readWith(SmsJson, json, 'mmcli -J -s');
  if (out instanceof Unreadable) return out;
  const { content, properties } = out.sms;
  return {
    id: path.slice(path.lastIndexOf('/') + 1),
    from: value(content.number) ?? '',
    text: content.text === '--' ? '' : content.text,
    time: value(properties.timestamp),
    incoming: properties['pdu-type'] !== 'submit',
  };
}

const UssdJson = v.looseObject({ modem: v.looseObject({ '3gpp': obj({ ussd: obj({ status: s, 'network-request': s, 'network-notification': s }) }) }) });

/** `mmcli -J -m M --3gpp-ussd-status`: the text waiting in the session, if any. */
export function parseUssdStatus(json: unknown): { text: string; final: boolean } | null | Unreadable {
  const out = readWith(UssdJson, json, 'mmcli -J -m --3gpp-ussd-status');
  if (out instanceof Unreadable) return out;
  const u = out.modem['3gpp'].ussd;
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
