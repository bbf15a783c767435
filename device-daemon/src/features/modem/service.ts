// What the routes ask of the modem: the balance check, top-up purchases, USSD
// and SMS. One modem action at a time (actor.ts), each bounded by a timeout that
// aborts it; network errors get one more try; repeats are rate limited.
import type { SizeUnits } from '../../core/size.ts';
import { readBalance, compileTemplate, type BalanceReading } from '../../core/balance.ts';
import { replyText } from '../../core/reply-text.ts';
import type { ModemConfig, SendSpec } from '../../core/modem-config.ts';
import { asModemError, ModemError, transient } from '../../ports/modem/modem-error.ts';
import type { ModemPort, UciPort, UssdReply } from '../../ports/types.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import type { Status } from '../status/schemas.ts';
import type { Hub } from '../../core/hub.ts';
import { createModemActor } from './actor.ts';
import { createSignalMeter, type SignalMeter } from './signal-meter.ts';
import { mobileSettings } from './mobile-settings.ts';

export type ModemServiceDeps = {
  modem: ModemPort;
  uci: UciPort;
  /** The operator's codes, as the running configuration has them. */
  config: () => ModemConfig;
  /** The plan's unit family, in which the operator's "GB" and "MB" are read. */
  units: () => SizeUnits;
  /** Our UCI package (the ISP's APN presets are read from it when the settings are shown). */
  pkg: string;
  runtime: Pick<Runtime, 'usage' | 'addTopup'> & Partial<Pick<Runtime, 'watchSignal' | 'operatorValidity'>>;
  now: () => number;
  monotonic: () => number;
  log: (line: string) => void;
  /** Tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Longest one modem action may take (default 60 s). */
  timeoutMs?: number;
  /** Longest a network scan may take (default 320 s). */
  scanTimeoutMs?: number;
  /** How long a balance check waits for the operator's SMS (default 60 s). */
  smsWaitMs?: number;
};

export type BalanceResult = {
  at: number;
  text: string | null;
  /** The reply's characters were garbled on the way (UCS-2 taken as GSM 7-bit): shown as an unreadable reply. */
  unreadable: boolean;
  reading: BalanceReading | null;
  error: { code: string; message: string } | null;
  /** The reply came after the check had given up. */
  late: boolean;
  /** Our count when the reply came: what the operator's figure is set against. */
  used: number;
};

export type Purchase = { bytes: number; at: number; by: string; state: 'pending' | 'confirmed'; reply: string | null; base: { dataBytes: number; used: number } | null };

const digits = (n: string) => n.replace(/\D/g, '');

export function createModemService(deps: ModemServiceDeps) {
  const { modem } = deps;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const timeoutMs = deps.timeoutMs ?? 60_000;
  const nextAllowed = new Map<string, number>();
  let result: BalanceResult | null = null;
  let known: BalanceResult | null = null;
  let checking: Promise<BalanceResult> | null = null;
  let purchase: Purchase | null = null;
  let sessionOpen = false;
  // A balance or purchase SMS whose reply has not come yet.
  let awaiting: { number: string; before: Set<string>; handle: (text: string) => Promise<void> } | null = null;

  const config = async () => deps.config();
  const used = () => deps.runtime.usage().used;

  const actor = createModemActor({ timeoutMs });
  const exclusive = actor.run;
  // Where a USSD reply that comes after its dial gave up goes (the check or purchase that asked).
  let ussdLate: ((text: string) => void) | null = null;
  actor.lateReplies.subscribe((reply) => {
    const handle = ussdLate;
    ussdLate = null;
    if (reply.kind === 'ussd') handle?.(reply.text);
  });

  /** `exclusive`, once more after a network error. */
  async function retried<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await exclusive(work);
    } catch (error) {
      if (!transient(error)) throw error;
      await sleep(2000);
      return exclusive(work);
    }
  }

  /** After a dial gave up: the network's reply may have come since, as a notification. */
  async function lateUssd(): Promise<void> {
    if (!ussdLate) return;
    const reply = await exclusive((signal) => modem.ussdPending(signal)).catch(() => null);
    if (reply?.text) actor.lateReplies.publish({ kind: 'ussd', text: reply.text });
  }

  /** Throws a 'busy' ModemError with Retry-After when `key` ran less than `seconds` ago. */
  function limit(key: string, seconds: number): void {
    const now = deps.monotonic();
    const at = nextAllowed.get(key) ?? 0;
    if (now < at) throw new ModemError('busy', 'asked too often; try again shortly', Math.ceil((at - now) / 1000));
    nextAllowed.set(key, now + seconds * 1000);
  }

  /** Dials `code` and returns the network's text; a menu reply is read and closed. */
  async function dial(code: string, late?: (text: string) => void): Promise<string> {
    try {
      return await retried(async (signal) => {
        if (sessionOpen) await modem.ussdCancel(signal);
        sessionOpen = false;
        let reply: UssdReply = await modem.ussd(code, signal);
        // Some networks send a release message (no text) before the result.
        for (let i = 0; !reply.text && i < 5; i++) {
          await sleep(1000);
          reply = (await modem.ussdPending(signal)) ?? reply;
        }
        if (!reply.final) await modem.ussdCancel(signal);
        if (!reply.text) throw new ModemError('timeout', 'no reply from the network');
        return reply.text;
      });
    } catch (error) {
      // Gave up waiting: the network may still answer; its reply goes to `late`.
      if (late && asModemError(error)?.fault === 'timeout') ussdLate = late;
      throw error;
    }
  }

  async function smsReply(): Promise<string | null> {
    const wait = awaiting;
    if (!wait) return null;
    const reply = (await exclusive((signal) => modem.listSms(signal))).find((m) => m.incoming && !wait.before.has(m.id) && digits(m.from).endsWith(digits(wait.number)));
    if (!reply) return null;
    awaiting = null;
    return reply.text;
  }

  /** Sends the USSD code or SMS of `spec`; resolves with the reply, or throws a timeout and hands a late reply to `late`. */
  async function send(spec: SendSpec, late: (text: string) => Promise<void>): Promise<string> {
    if (spec.ussd) return dial(spec.ussd, (text) => void late(text));
    const number = spec.smsNumber!;
    const text = spec.smsText ?? (await exclusive((signal) => modem.sim(signal))).ownNumber ?? '';
    const before = new Set((await exclusive((signal) => modem.listSms(signal))).map((m) => m.id));
    await retried((signal) => modem.sendSms(number, text, signal));
    awaiting = { number, before, handle: late };
    for (let waited = 0; waited < (deps.smsWaitMs ?? 60_000); waited += 2000) {
      const reply = await smsReply();
      if (reply !== null) return reply;
      await sleep(2000);
    }
    throw new ModemError('timeout', 'no SMS reply yet');
  }

  async function confirm(p: Purchase): Promise<void> {
    p.state = 'confirmed';
    await deps.runtime.addTopup(p.bytes, `${p.by} (operator confirmed)`);
  }

  async function record(at: number, raw: string | null, error: unknown, template: string, late = false): Promise<BalanceResult> {
    const e = asModemError(error);
    if (error && !e) throw error;
    // Hex UCS-2 is shown decoded; mojibake is kept as it came and read as nothing.
    const readable = raw === null ? null : replyText(raw);
    const text = readable ?? raw;
    const reading = readable === null ? null : readBalance(readable, template, deps.units());
    const r: BalanceResult = { at, text, unreadable: raw !== null && readable === null, reading, error: e && { code: e.fault, message: e.message }, late, used: used() };
    // A late reply never replaces a newer result.
    if (!late || !result || result.at <= at) result = r;
    // The operator's own validity date (prepaid) moves the period's end.
    if (reading?.by === 'template' && (reading.expiry !== null || reading.days !== null)) await deps.runtime.operatorValidity?.(reading);
    if (reading?.by === 'template' && reading.dataBytes !== null) {
      known = r;
      // The operator counts more data than before the purchase: the top-up is in.
      const b = purchase?.base;
      if (purchase?.state === 'pending' && b && reading.dataBytes + (r.used - b.used) >= b.dataBytes + purchase.bytes * 0.9) await confirm(purchase);
    }
    return r;
  }

  function checkBalance(): Promise<BalanceResult> {
    // Two checks at once share one modem call.
    checking ??= (async () => {
      const cfg = (await config()).balance;
      if (!cfg) throw new ModemError('network', 'no balance check is configured', 0, 'not-configured');
      limit('balance', cfg.minIntervalS);
      const at = deps.now();
      const late = async (text: string) => void (await record(at, text, null, cfg.template, true));
      return send(cfg, late).then(
        (text) => record(at, text, null, cfg.template),
        (error) => record(at, null, error, cfg.template),
      );
    })().finally(() => (checking = null));
    return checking;
  }

  return {
    now: deps.now,
    config,
    limit,
    checkBalance,
    checking: () => checking !== null,
    /** The newest result, the newest readable one, and the purchase waiting for confirmation; picks up a late SMS reply. */
    async balance() {
      if (!checking) await lateUssd();
      const wait = awaiting;
      if (wait && !checking) {
        const text = await smsReply().catch(() => null);
        if (text !== null) await wait.handle(text);
      }
      return { result, known, purchase };
    },
    /** Buys a top-up the config offers; it counts once the operator confirms it. */
    async buyTopup(bytes: number, by: string): Promise<Purchase> {
      const offer = (await config()).topups.find((t) => t.bytes === bytes);
      if (!offer) throw new ModemError('network', 'this top-up cannot be bought here', 0, 'not-configured');
      if (purchase?.state === 'pending' && deps.now() - purchase.at < 86_400_000) throw new ModemError('busy', 'a top-up is waiting for the operator', 0, 'purchase-pending');
      limit('topup', 60);
      const { state, used: now } = deps.runtime.usage();
      const base = known?.reading?.dataBytes != null ? { dataBytes: known.reading.dataBytes, used: known.used } : state.allowance === null ? null : { dataBytes: state.allowance - now, used: now };
      const p: Purchase = { bytes, at: deps.now(), by, state: 'pending', reply: null, base };
      const confirmed = (text: string) => offer.confirm !== null && compileTemplate(offer.confirm).test(text);
      const late = async (text: string) => {
        p.reply = text;
        if (confirmed(text) && p.state === 'pending') await confirm(p);
      };
      purchase = p;
      try {
        await late(await send(offer, late));
      } catch (error) {
        // Sent but not answered: the next balance check can still confirm it.
        if (asModemError(error)?.fault !== 'timeout') {
          purchase = null;
          throw error;
        }
      }
      deps.log(`modem: top-up of ${bytes} bytes bought by ${by}: ${p.state}`);
      return p;
    },
    /** A quick action or the console: the network's reply; a menu stays open for `ussdRespond`. */
    async ussd(code: string, keepOpen: boolean): Promise<UssdReply> {
      if (!keepOpen) return { text: await dial(code), final: true };
      const reply = await exclusive(async (signal) => {
        if (sessionOpen) await modem.ussdCancel(signal);
        const first = await modem.ussd(code, signal);
        return first.text ? first : ((await modem.ussdPending(signal)) ?? first);
      });
      sessionOpen = !reply.final;
      return reply;
    },
    async ussdRespond(text: string): Promise<UssdReply> {
      const reply = await exclusive((signal) => modem.ussdRespond(text, signal));
      sessionOpen = !reply.final;
      return reply;
    },
    ussdCancel: () => exclusive(async (signal) => void (await modem.ussdCancel(signal), (sessionOpen = false))),
    listSms: () => exclusive((signal) => modem.listSms(signal)),
    deleteSms: (id: string) => exclusive((signal) => modem.deleteSms(id, signal)),
    sendSms: (to: string, text: string) => retried((signal) => modem.sendSms(to, text, signal)),
    exclusive,
  };
}

export type ModemService = ReturnType<typeof createModemService>;

/** Everything the modem routes need, built once by the daemon (and by route tests). */
export function createModemFeature(deps: ModemServiceDeps & { statusEvents: Hub<Status>; meter?: SignalMeter }) {
  const service = createModemService(deps);
  return {
    service,
    mobile: mobileSettings({ uci: deps.uci, modem: deps.modem, exclusive: service.exclusive, pkg: deps.pkg, scanTimeoutMs: deps.scanTimeoutMs }),
    // The app shares one meter with the commissioning record (its best reading); tests make their own.
    meter: deps.meter ?? createSignalMeter({ statusEvents: deps.statusEvents, now: deps.now, watch: deps.runtime.watchSignal, cell: () => deps.modem.cell() }),
  };
}

export type ModemFeature = ReturnType<typeof createModemFeature>;
