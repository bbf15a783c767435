// The modem's actions through mmcli: USSD, SMS, SIM and PIN, network mode.
import { userArg } from '../runner.ts';
import type { ModemPort, SmsMessage, UssdReply } from '../types.ts';
import type { MmcliContext } from './mmcli.ts';
import { asModemError, ModemError, modemReading } from './modem-error.ts';
import { parseSim, parseSms, parseSmsList, parseUssdReply, parseUssdStatus } from './mmcli-parse-messages.ts';
import { parsePinRetries } from './mmcli-parse.ts';
import { parseBearer, parseBearerPaths } from './mmcli-parse-bearer.ts';
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

  async function ussdReply(stdout: string, signal?: AbortSignal): Promise<UssdReply> {
    const text = parseUssdReply(stdout) ?? '';
    // An empty reply means the text comes later (ussdPending); else ask whether the session waits for us.
    const pending = text ? modemReading(parseUssdStatus(await modemJson(['--3gpp-ussd-status'], signal))) : null;
    return { text, final: text !== '' && pending?.final !== false };
  }

  async function simPath(signal?: AbortSignal): Promise<string> {
    const path = (await info(signal)).simPath;
    if (!path) throw new ModemError('no-sim', 'no SIM card');
    return path;
  }

  /** A wrong PIN says how many tries are left (from the modem), or that the SIM now wants its PUK. */
  async function withPin(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (asModemError(error)?.code !== 'wrong-pin') throw error;
      const retries = await modemJson([]).then(parsePinRetries, () => null);
      if (retries === 0) throw new ModemError('pin', 'wrong PIN; the SIM needs its PUK', 0, 'puk');
      throw new ModemError('pin', `wrong PIN${retries === null ? '' : ` (${retries} tries left)`}`, 0, 'wrong-pin', retries === null ? {} : { retries });
    }
  }

  return {
    ussd: async (code, signal) => ussdReply(await onModem([`--3gpp-ussd-initiate=${userArg(code)}`], 60_000, signal), signal),
    ussdRespond: async (text, signal) => ussdReply(await onModem([`--3gpp-ussd-respond=${userArg(text)}`], 60_000, signal), signal),
    ussdPending: async (signal) => modemReading(parseUssdStatus(await modemJson(['--3gpp-ussd-status'], signal))),
    async ussdCancel(signal) {
      await onModem(['--3gpp-ussd-cancel'], undefined, signal);
    },
    async listSms(signal) {
      const paths = modemReading(parseSmsList(await modemJson(['--messaging-list-sms'], signal)));
      const out: SmsMessage[] = [];
      for (const path of paths) {
        let sms = smsCache.get(path);
        if (!sms) smsCache.set(path, (sms = modemReading(parseSms(await json(['-s', path], signal), path))));
        out.push(sms);
      }
      for (const path of smsCache.keys()) if (!paths.includes(path)) smsCache.delete(path);
      return out;
    },
    async sendSms(to, text, signal) {
      // mmcli's key=value list has no escapes: quote with the quote the text lacks (the API refuses both).
      const q = text.includes("'") ? '"' : "'";
      const out = await onModem([`--messaging-create-sms=number=${q}${userArg(to)}${q},text=${q}${text}${q}`], undefined, signal);
      const path = /\/org\/freedesktop\/ModemManager1\/SMS\/\d+/.exec(out)?.[0];
      if (!path) throw new ModemError('network', 'the modem did not store the SMS');
      await mmcli(['-s', path, '--send'], 60_000, signal);
    },
    async deleteSms(id, signal) {
      await onModem([`--messaging-delete-sms=${SMS_PATH}${userArg(id)}`], undefined, signal);
    },
    async sim(signal) {
      const { simPath, ownNumber } = await info(signal);
      if (!simPath) throw new ModemError('no-sim', 'no SIM card');
      return modemReading(parseSim(await json(['-i', simPath], signal), ownNumber));
    },
    async unlockPin(pin, signal) {
      const path = await simPath(signal);
      await withPin(() => mmcli(['-i', path, `--pin=${userArg(pin)}`], undefined, signal));
    },
    async changePin(pin, newPin, signal) {
      const path = await simPath(signal);
      await withPin(() => mmcli(['-i', path, `--pin=${userArg(pin)}`, `--change-pin=${userArg(newPin)}`], undefined, signal));
    },
    async unlockPuk(puk, newPin, signal) {
      await mmcli(['-i', await simPath(signal), `--puk=${userArg(puk)}`, `--pin=${userArg(newPin)}`], undefined, signal);
    },
    async details(signal) {
      const { simPath } = await info(signal);
      const simOperator = simPath ? await json(['-i', simPath], signal).then(parseSimOperator, () => null) : null;
      return modemReading(parseDetails(await modemJson([], signal), simOperator));
    },
    async connection(signal) {
      const paths = modemReading(parseBearerPaths(await modemJson([], signal)));
      let first = null;
      for (const path of paths) {
        const bearer = modemReading(parseBearer(await json(['-b', path], signal)));
        if (bearer.connected) return bearer;
        first ??= bearer;
      }
      return first;
    },
    async scan(signal) {
      // A scan takes up to two minutes; ModemManager itself gives up after about five.
      return modemReading(parseScan(await onModem(['-J', '--3gpp-scan', '--timeout=300'], 310_000, signal)));
    },
    async register(code, signal) {
      if (code !== null && !PLMN.test(code)) throw new RangeError(`not an operator code: ${code}`);
      await onModem([code === null ? '--3gpp-register-home' : `--3gpp-register-in-operator=${code}`], 120_000, signal);
    },
    async setBands(bands, signal) {
      if (bands && (bands.length === 0 || !bands.every((b) => BAND.test(b)))) throw new RangeError(`not a band list: ${bands.join(',')}`);
      await onModem([`--set-current-bands=${bands ? bands.join('|') : 'any'}`], 60_000, signal);
    },
    async cell(signal) {
      let location = await modemJson(['--location-get'], signal);
      const first = modemReading(parseServingCell(location, null));
      if (!locationOn && first.cellId === null) {
        // The 3GPP location source is off until enabled once per modem.
        await onModem(['--location-enable-3gpp'], undefined, signal).catch(() => {});
        locationOn = true;
        location = await modemJson(['--location-get'], signal);
      }
      // --get-cell-info needs ModemManager 1.20 and a modem that answers it.
      const cells = await modemJson(['--get-cell-info'], signal).catch(() => null);
      return modemReading(parseServingCell(location, cells));
    },
    async configure(settings, iface, signal) {
      await onModem([`--set-allowed-modes=${MODES[settings.mode]}`], undefined, signal);
      // netifd's modemmanager proto connects with the APN from UCI.
      if (iface) await runner.run(['ifup', userArg(iface)], { signal });
    },
  };
}
