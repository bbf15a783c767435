// What the routes ask of the modem: the balance check, top-up purchases, USSD
// and SMS. One modem action at a time (a queue), each bounded by a timeout;
// network errors get one more try; repeats are rate limited.
import { readBalance, compileTemplate, type BalanceReading } from '../../core/balance.ts';
import { readModemConfig, type SendSpec } from '../../core/modem-config.ts';
import { ModemError, transient } from '../../ports/modem/modem-error.ts';
import type { ModemPort, UciPort, UssdReply } from '../../ports/types.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import type { Status } from '../status/schemas.ts';
import type { Hub } from '../../core/hub.ts';
import { createSignalMeter, type SignalMeter } from './signal-meter.ts';
import { mobileSettings } from './mobile-settings.ts';

export type ModemServiceDeps = {
  modem: ModemPort;
  uci: UciPort;
  pkg: string;
  runtime: Pick<Runtime, 'usage' | 'addTopup'> & Partial<Pick<Runtime, 'watchSignal'>>;
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
  let tail: Promise<unknown> = Promise.resolve();
  const nextAllowed = new Map<string, number>();
  let result: BalanceResult | null = null;
  let known: BalanceResult | null = null;
  let checking: Promise<BalanceResult> | null = null;
  let purchase: Purchase | null = null;
  let sessionOpen = false;
  // A balance or purchase SMS whose reply has not come yet.
  let awaiting: { number: string; before: Set<string>; handle: (text: string) => Promise<void> } | null = null;

  const config = async () => readModemConfig(await deps.uci.show(deps.pkg));
  const used = () => deps.runtime.usage().used;

  /** Runs `work` after every earlier action; gives up after timeoutMs (a later result goes to `late`). */
  function exclusive<T>(work: () => Promise<T>, late?: (value: T) => void, limitMs = timeoutMs): Promise<T> {
    const run = tail.then(() => {
      let timer: NodeJS.Timeout | undefined;
      let timedOut = false;
      const done = work();
      done.then((value) => timedOut && late?.(value), () => {});
      return Promise.race([
        done,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            timedOut = true;
            reject(new ModemError('timeout', 'the modem did not answer in time'));
          }, limitMs);
        }),
      ]).finally(() => clearTimeout(timer));
    });
    tail = run.catch(() => {});
    return run;
  }

  /** `exclusive`, once more after a network error. */
  async function retried<T>(work: () => Promise<T>, late?: (value: T) => void): Promise<T> {
    try {
      return await exclusive(work, late);
    } catch (error) {
      if (!transient(error)) throw error;
      await sleep(2000);
      return exclusive(work, late);
    }
  }

  /** Throws a 'busy' ModemError with Retry-After when `key` ran less than `seconds` ago. */
  function limit(key: string, seconds: number): void {
    const now = deps.monotonic();
    const at = nextAllowed.get(key) ?? 0;
    if (now < at) throw new ModemError('busy', 'asked too often; try again shortly', Math.ceil((at - now) / 1000));
    nextAllowed.set(key, now + seconds * 1000);
  }

  /** Dials `code` and returns the network's text; a menu reply is read and closed. */
  function dial(code: string, late?: (text: string) => void): Promise<string> {
    return retried(async () => {
      if (sessionOpen) await modem.ussdCancel();
      sessionOpen = false;
      let reply: UssdReply = await modem.ussd(code);
      // Some networks send a release message (no text) before the result.
      for (let i = 0; !reply.text && i < 5; i++) {
        await sleep(1000);
        reply = (await modem.ussdPending()) ?? reply;
      }
      if (!reply.final) await modem.ussdCancel();
      if (!reply.text) throw new ModemError('timeout', 'no reply from the network');
      return reply.text;
    }, late);
  }

  async function smsReply(): Promise<string | null> {
    const wait = awaiting;
    if (!wait) return null;
    const reply = (await exclusive(() => modem.listSms())).find((m) => m.incoming && !wait.before.has(m.id) && digits(m.from).endsWith(digits(wait.number)));
    if (!reply) return null;
    awaiting = null;
    return reply.text;
  }

  /** Sends the USSD code or SMS of `spec`; resolves with the reply, or throws a timeout and hands a late reply to `late`. */
  async function send(spec: SendSpec, late: (text: string) => Promise<void>): Promise<string> {
    if (spec.ussd) return dial(spec.ussd, (text) => void late(text));
    const number = spec.smsNumber!;
    const text = spec.smsText ?? (await exclusive(() => modem.sim())).ownNumber ?? '';
    const before = new Set((await exclusive(() => modem.listSms())).map((m) => m.id));
    await retried(() => modem.sendSms(number, text));
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

  async function record(at: number, text: string | null, error: unknown, template: string, late = false): Promise<BalanceResult> {
    if (error && !(error instanceof ModemError)) throw error;
    const e = error as ModemError | null;
    const reading = text === null ? null : readBalance(text, template);
    const r: BalanceResult = { at, text, reading, error: e && { code: e.fault, message: e.message }, late, used: used() };
    // A late reply never replaces a newer result.
    if (!late || !result || result.at <= at) result = r;
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
      if (!cfg) throw new ModemError('network', 'no balance check is configured');
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
      if (!offer) throw new ModemError('network', 'this top-up cannot be bought here');
      if (purchase?.state === 'pending' && deps.now() - purchase.at < 86_400_000) throw new ModemError('busy', 'a top-up is waiting for the operator');
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
        if (!(error instanceof ModemError && error.fault === 'timeout')) {
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
      const reply = await exclusive(async () => {
        if (sessionOpen) await modem.ussdCancel();
        const first = await modem.ussd(code);
        return first.text ? first : ((await modem.ussdPending()) ?? first);
      });
      sessionOpen = !reply.final;
      return reply;
    },
    async ussdRespond(text: string): Promise<UssdReply> {
      const reply = await exclusive(() => modem.ussdRespond(text));
      sessionOpen = !reply.final;
      return reply;
    },
    ussdCancel: () => exclusive(async () => void (await modem.ussdCancel(), (sessionOpen = false))),
    listSms: () => exclusive(() => modem.listSms()),
    deleteSms: (id: string) => exclusive(() => modem.deleteSms(id)),
    sendSms: (to: string, text: string) => retried(() => modem.sendSms(to, text)),
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
