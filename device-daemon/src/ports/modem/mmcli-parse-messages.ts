// mmcli's SIM, SMS and USSD outputs: parsed only once the modem's actions load
// (the balance page, the SMS inbox, the console), not at the daemon's start.
import * as v from 'valibot';
import type { SimCard, SmsMessage } from '../types.ts';
import { list, obj, s, value } from './mmcli-parse.ts';

export function parseSim(json: unknown, ownNumber: string | null): SimCard {
  const p = v.parse(v.looseObject({ sim: v.looseObject({ properties: obj({ iccid: s, imsi: s }) }) }), json).sim.properties;
  return { iccid: value(p.iccid), imsi: value(p.imsi), ownNumber };
}

/** `mmcli -J -m M --messaging-list-sms`: SMS D-Bus paths. */
export const parseSmsList = (json: unknown): string[] => v.parse(v.looseObject({ 'modem.messaging.sms': list }), json)['modem.messaging.sms'];

const SmsJson = v.looseObject({
  sms: v.looseObject({ content: obj({ number: s, text: s }), properties: obj({ 'pdu-type': s, timestamp: s }) }),
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

const UssdJson = v.looseObject({ modem: v.looseObject({ '3gpp': obj({ ussd: obj({ status: s, 'network-request': s, 'network-notification': s }) }) }) });

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
