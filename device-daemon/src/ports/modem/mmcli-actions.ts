// The modem's actions through mmcli: USSD, SMS, SIM and PIN, network mode.
// Loaded with the first request that needs one (see mmcli.ts), not at start.
import { userArg } from '../runner.ts';
import type { ModemPort, SmsMessage, UssdReply } from '../types.ts';
import type { MmcliContext } from './mmcli.ts';
import { ModemError } from './modem-error.ts';
import { parseSim, parseSms, parseSmsList, parseUssdReply, parseUssdStatus } from './mmcli-parse-messages.ts';
import { parsePinRetries } from './mmcli-parse.ts';

const SMS_PATH = '/org/freedesktop/ModemManager1/SMS/';
const MODES = { auto: 'any', lte: '4g', '3g': '3g' };

export function mmcliActions({ runner, mmcli, json, onModem, modemJson, info }: MmcliContext): Omit<ModemPort, 'status'> {
  // An SMS never changes once stored: read each one once.
  const smsCache = new Map<string, SmsMessage>();

  async function ussdReply(stdout: string): Promise<UssdReply> {
    const text = parseUssdReply(stdout) ?? '';
    // An empty reply means the text comes later (ussdPending); else ask whether the session waits for us.
    const pending = text ? parseUssdStatus(await modemJson('--3gpp-ussd-status')) : null;
    return { text, final: text !== '' && pending?.final !== false };
  }

  async function simPath(): Promise<string> {
    const path = (await info()).simPath;
    if (!path) throw new ModemError('no-sim', 'no SIM card');
    return path;
  }

  /** A wrong PIN says how many tries are left (from the modem), or that the SIM now wants its PUK. */
  async function withPin(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof ModemError) || error.code !== 'wrong-pin') throw error;
      const retries = await modemJson().then(parsePinRetries, () => null);
      if (retries === 0) throw new ModemError('pin', 'wrong PIN; the SIM needs its PUK', 0, 'puk');
      throw new ModemError('pin', `wrong PIN${retries === null ? '' : ` (${retries} tries left)`}`, 0, 'wrong-pin', retries === null ? {} : { retries });
    }
  }

  return {
    ussd: async (code) => ussdReply(await onModem([`--3gpp-ussd-initiate=${userArg(code)}`], 60_000)),
    ussdRespond: async (text) => ussdReply(await onModem([`--3gpp-ussd-respond=${userArg(text)}`], 60_000)),
    ussdPending: async () => parseUssdStatus(await modemJson('--3gpp-ussd-status')),
    async ussdCancel() {
      await onModem(['--3gpp-ussd-cancel']);
    },
    async listSms() {
      const paths = parseSmsList(await modemJson('--messaging-list-sms'));
      const out: SmsMessage[] = [];
      for (const path of paths) {
        let sms = smsCache.get(path);
        if (!sms) smsCache.set(path, (sms = parseSms(await json(['-s', path]), path)));
        out.push(sms);
      }
      for (const path of smsCache.keys()) if (!paths.includes(path)) smsCache.delete(path);
      return out;
    },
    async sendSms(to, text) {
      // mmcli's key=value list has no escapes: quote with the quote the text lacks (the API refuses both).
      const q = text.includes("'") ? '"' : "'";
      const out = await onModem([`--messaging-create-sms=number=${q}${userArg(to)}${q},text=${q}${text}${q}`]);
      const path = /\/org\/freedesktop\/ModemManager1\/SMS\/\d+/.exec(out)?.[0];
      if (!path) throw new ModemError('network', 'the modem did not store the SMS');
      await mmcli(['-s', path, '--send'], 60_000);
    },
    async deleteSms(id) {
      await onModem([`--messaging-delete-sms=${SMS_PATH}${userArg(id)}`]);
    },
    async sim() {
      const { simPath, ownNumber } = await info();
      if (!simPath) throw new ModemError('no-sim', 'no SIM card');
      return parseSim(await json(['-i', simPath]), ownNumber);
    },
    async unlockPin(pin) {
      const path = await simPath();
      await withPin(() => mmcli(['-i', path, `--pin=${userArg(pin)}`]));
    },
    async changePin(pin, newPin) {
      const path = await simPath();
      await withPin(() => mmcli(['-i', path, `--pin=${userArg(pin)}`, `--change-pin=${userArg(newPin)}`]));
    },
    async configure(settings, iface) {
      await onModem([`--set-allowed-modes=${MODES[settings.mode]}`]);
      // netifd's modemmanager proto connects with the APN from UCI.
      if (iface) await runner.run(['ifup', userArg(iface)]);
    },
  };
}
