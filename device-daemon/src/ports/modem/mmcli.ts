// The modem through ModemManager's mmcli, --output-json wherever mmcli offers
// it. The modem's D-Bus path changes when it re-enumerates (a reset, a USB
// hiccup): a "couldn't find modem" makes us look it up again, once.
import { CommandError, userArg } from '../runner.ts';
import type { CommandRunner, ModemPort, SignalReading, SmsMessage, UssdReply } from '../types.ts';
import { ModemError } from './modem-error.ts';
import { parseModem, parseModemList, parseSignal, parseSim, parseSms, parseSmsList, parseUssdReply, parseUssdStatus } from './mmcli-parse.ts';

const NO_SIGNAL: SignalReading = { rsrp: null, rsrq: null, sinr: null, rssi: null };
const SMS_PATH = '/org/freedesktop/ModemManager1/SMS/';
const MODES = { auto: 'any', lte: '4g', '3g': '3g' };

/** Turns mmcli's failure into a fault the user can act on. */
export function modemFault(error: unknown): Error {
  if (!(error instanceof CommandError)) return error as Error;
  const text = error.stderr;
  const line = text.split('\n').find((l) => l.trim()) ?? error.message;
  if (error.failure.kind === 'spawn') return new ModemError('no-modem', 'mmcli is not installed');
  if (error.failure.kind === 'timeout' || /timed? ?out/i.test(text)) return new ModemError('timeout', 'the modem did not answer in time');
  if (/find modem/.test(text)) return new ModemError('no-modem', 'no modem found');
  if (/SimNotInserted|SimFailure|sim-missing/i.test(text)) return new ModemError('no-sim', 'no SIM card');
  if (/SimPin|SimPuk|IncorrectPassword|locked/i.test(text)) return new ModemError('pin', 'the SIM needs its PIN');
  return new ModemError('network', line.replace(/^error: /, '').slice(0, 200));
}

export function mmcliModem(runner: CommandRunner): ModemPort {
  let modem: string | null = null;
  let signalReady = false;
  // An SMS never changes once stored: read each one once.
  const smsCache = new Map<string, SmsMessage>();

  const mmcli = async (args: string[], timeoutMs?: number) => {
    try {
      return (await runner.run(['mmcli', ...args], { timeoutMs })).stdout;
    } catch (error) {
      throw modemFault(error);
    }
  };
  const json = async (args: string[]) => JSON.parse(await mmcli(['-J', ...args])) as unknown;

  /** Runs `mmcli -m <modem> ...args`, finding the modem first and again once if it went away. */
  async function onModem(args: string[], timeoutMs?: number): Promise<string> {
    for (let retry = 0; ; retry++) {
      if (!modem) {
        modem = parseModemList(await json(['-L']))[0] ?? null;
        signalReady = false;
        if (!modem) throw new ModemError('no-modem', 'no modem found');
      }
      try {
        return await mmcli(['-m', modem, ...args], timeoutMs);
      } catch (error) {
        if (retry > 0 || !(error instanceof ModemError) || error.fault !== 'no-modem') throw error;
        modem = null;
      }
    }
  }
  const modemJson = async (...args: string[]) => JSON.parse(await onModem(['-J', ...args])) as unknown;
  const info = async () => parseModem(await modemJson());

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
    // Never throws: the tick reads it every second, and a fault is a state to show.
    async status() {
      try {
        const { simPath: _s, ownNumber: _o, ...status } = await info();
        let signal = NO_SIGNAL;
        if (status.state === 'registered' || status.state === 'connected') {
          try {
            // The modem samples signal figures only after a refresh rate is set.
            if (!signalReady) await onModem(['--signal-setup=5']);
            signalReady = true;
            signal = parseSignal(await modemJson('--signal-get'));
          } catch {
            signalReady = false;
          }
        }
        return { ...status, signal };
      } catch (error) {
        const fault = error instanceof ModemError ? error.fault : null;
        const state = fault === 'no-modem' ? 'absent' : fault === 'no-sim' ? 'sim-missing' : fault === 'pin' ? 'locked' : 'failed';
        return { state, operator: null, technology: null, roaming: false, signal: NO_SIGNAL };
      }
    },
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
    async configure(settings, iface) {
      await onModem([`--set-allowed-modes=${MODES[settings.mode]}`]);
      // netifd's modemmanager proto connects with the APN from UCI.
      if (iface) await runner.run(['ifup', userArg(iface)]);
    },
  };
}
