// The modem's actions through mmcli: USSD, SMS, SIM and PIN, network mode.
// Loaded with the first request that needs one (see mmcli.ts), not at start.
import { userArg } from '../runner.ts';
import type { ModemPort, SmsMessage, UssdReply } from '../types.ts';
import type { MmcliContext } from './mmcli.ts';
import { ModemError } from './modem-error.ts';
import { parseSim, parseSms, parseSmsList, parseUssdReply, parseUssdStatus } from './mmcli-parse-messages.ts';
import { parseDetails, parseScan, parseServingCell, parseSimOperator } from './mmcli-parse-network.ts';

/** MCC+MNC: 5 or 6 digits. */
const PLMN = /^\d{5,6}$/;
/** ModemManager's band names: eutran-20, utran-1, egsm, dcs... */
const BAND = /^[a-z0-9]+(-\d+)?$/;

const SMS_PATH = '/org/freedesktop/ModemManager1/SMS/';
const MODES = { auto: 'any', lte: '4g', '3g': '3g' };

export function mmcliActions({ runner, mmcli, json, onModem, modemJson, info }: MmcliContext): Omit<ModemPort, 'status'> {
  // An SMS never changes once stored: read each one once.
  const smsCache = new Map<string, SmsMessage>();
  let locationOn = false;

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
      await mmcli(['-i', await simPath(), `--pin=${userArg(pin)}`]);
    },
    async changePin(pin, newPin) {
      await mmcli(['-i', await simPath(), `--pin=${userArg(pin)}`, `--change-pin=${userArg(newPin)}`]);
    },
    async unlockPuk(puk, newPin) {
      await mmcli(['-i', await simPath(), `--puk=${userArg(puk)}`, `--pin=${userArg(newPin)}`]);
    },
    async details() {
      const { simPath } = await info();
      const simOperator = simPath ? await json(['-i', simPath]).then(parseSimOperator, () => null) : null;
      return parseDetails(await modemJson(), simOperator);
    },
    async scan() {
      // A scan takes up to two minutes; ModemManager itself gives up after about five.
      return parseScan(JSON.parse(await onModem(['-J', '--3gpp-scan', '--timeout=300'], 310_000)));
    },
    async register(code) {
      if (code !== null && !PLMN.test(code)) throw new RangeError(`not an operator code: ${code}`);
      await onModem([code === null ? '--3gpp-register-home' : `--3gpp-register-in-operator=${code}`], 120_000);
    },
    async setBands(bands) {
      if (bands && (bands.length === 0 || !bands.every((b) => BAND.test(b)))) throw new RangeError(`not a band list: ${bands.join(',')}`);
      await onModem([`--set-current-bands=${bands ? bands.join('|') : 'any'}`], 60_000);
    },
    async cell() {
      let location = await modemJson('--location-get');
      if (!locationOn && parseServingCell(location, null).cellId === null) {
        // The 3GPP location source is off until enabled once per modem.
        await onModem(['--location-enable-3gpp']).catch(() => {});
        locationOn = true;
        location = await modemJson('--location-get');
      }
      // --get-cell-info needs ModemManager 1.20 and a modem that answers it.
      const cells = await modemJson('--get-cell-info').catch(() => null);
      return parseServingCell(location, cells);
    },
    async configure(settings, iface) {
      await onModem([`--set-allowed-modes=${MODES[settings.mode]}`]);
      // netifd's modemmanager proto connects with the APN from UCI.
      if (iface) await runner.run(['ifup', userArg(iface)]);
    },
  };
}
