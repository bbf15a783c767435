// The modem's endpoints: balance and top-up purchase, USSD, SMS, the live signal
// meter and the mobile settings. Who may call each is in manifest.ts; modem faults
// answer with their code ({"error", "code"}).
import { Hono } from 'hono/tiny';
import type { Context } from 'hono';
import { BandsInput, CheckInput, MobileInput, OperatorInput, PinInput, PukInput, PurchaseInput, QuickActionInput, SmsInput, UssdAnswerInput, UssdInput } from './schemas.ts';
import type { Sessions } from '../../auth/sessions.ts';
import type { Audit } from '../../auth/audit-log.ts';
import { INSTALLER_ACTIONS } from '../../core/modem-config.ts';
import { THRESHOLDS } from '../../core/signal-meter.ts';
import { operatorCorrection, validDays } from '../../core/operator-figures.ts';
import type { SignalFrame, SignalMeter } from './signal-meter.ts';
import type { AccessEnv } from '../../middleware/access-control.ts';
import type { MobileSettings } from './mobile-settings.ts';
import type { ModemService } from './service.ts';
import { asModemError } from '../../ports/modem/modem-error.ts';
import type { Runtime } from '../../jobs/runtime.ts';
import { HttpError, readJson } from '../../middleware/validate.ts';
import type { ErrorJson } from '../../api/errors.ts';

export type ModemDeps = {
  service: ModemService;
  mobile: MobileSettings;
  meter: SignalMeter;
  runtime: Pick<Runtime, 'usage'>;
  sessions: Sessions;
  audit: Audit;
};

const STATUS = { 'no-modem': 503, 'no-sim': 503, pin: 503, timeout: 504, network: 502, busy: 409 } as const;
const iso = (ms: number) => new Date(ms).toISOString();

export function modemRoutes(deps: ModemDeps) {
  const { service } = deps;
  const role = (c: Context<AccessEnv>) => c.get('session')!.role;

  async function balance() {
    const cfg = await service.config();
    const { result, known, purchase } = await service.balance();
    const { state, used } = deps.runtime.usage();
    const allowance = state.allowance;
    const r = known?.reading ?? null;
    const method = (s: { ussd: string | null }) => (s.ussd ? 'ussd' : 'sms');
    const operatorBytes = r ? operatorCorrection({ allowance, dataLeft: r.dataBytes, usedAtReading: known!.used, usedNow: used }) : null;
    return {
      configured: cfg.balance !== null,
      method: cfg.balance && method(cfg.balance),
      checking: service.checking(),
      result: result && { at: iso(result.at), text: result.text, unreadable: result.unreadable, error: result.error, late: result.late, reading: result.reading },
      operator: r && {
        at: iso(known!.at),
        dataBytes: r.dataBytes,
        money: r.money,
        expiry: r.expiry,
        validDays: validDays(r, service.now()),
      },
      counted: { used, allowance, left: allowance === null ? null : Math.max(0, allowance - used) },
      // What POST /api/usage/correction takes to set our count to the operator's.
      correction: operatorBytes === null ? null : { operatorBytes },
      topups: cfg.topups.map((t) => ({ bytes: t.bytes, method: method(t), price: t.price })),
      purchase: purchase && { bytes: purchase.bytes, at: iso(purchase.at), state: purchase.state, reply: purchase.reply },
    };
  }

  return new Hono<AccessEnv>()
    .onError((error, c) => {
      if (error instanceof HttpError) return c.json(error.json(), error.status);
      const fault = asModemError(error);
      if (!fault) throw error;
      const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': String(fault.retryAfter) } : {};
      const body: ErrorJson = { error: fault.message, code: fault.code ?? fault.fault, params: fault.params ?? {}, ...(fault.retryAfter ? { retryAfter: fault.retryAfter } : {}) };
      return c.json(body, fault.retryAfter ? 429 : STATUS[fault.fault], headers);
    })
    .get('/balance', async (c) => c.json(await balance()))
    .post('/balance/check', async (c) => {
      await readJson(c, CheckInput);
      await service.checkBalance();
      return c.json(await balance());
    })
    .post('/topups/purchase', async (c) => {
      const { bytes } = await readJson(c, PurchaseInput);
      const p = await service.buyTopup(bytes, role(c));
      deps.audit(role(c), `bought a top-up of ${bytes} bytes (${p.state})`, 'topup-bought', { bytes, state: p.state });
      return c.json({ bytes: p.bytes, at: iso(p.at), state: p.state, reply: p.reply }, 202);
    })
    .get('/ussd', async (c) => {
      const actions = Object.entries((await service.config()).actions)
        .filter(([id]) => role(c) === 'installer' || !INSTALLER_ACTIONS.includes(id))
        .map(([id, code]) => ({ id, code, installer: INSTALLER_ACTIONS.includes(id) }));
      return c.json({ actions });
    })
    .post('/ussd/action', async (c) => {
      const { action } = await readJson(c, QuickActionInput);
      const code = (await service.config()).actions[action];
      if (!code || (INSTALLER_ACTIONS.includes(action) && role(c) !== 'installer')) throw new HttpError(404, 'no-such-action', 'no such action', { action });
      service.limit(`action:${action}`, 5);
      if (INSTALLER_ACTIONS.includes(action)) deps.audit(role(c), `ran ${action} (${code})`, 'ussd-action', { action, code });
      return c.json(await service.ussd(code, false));
    })
    .post('/ussd', async (c) => {
      const { code } = await readJson(c, UssdInput);
      service.limit('console', 2);
      deps.audit(role(c), `dialled ${code}`, 'ussd-dialled', { code });
      return c.json(await service.ussd(code, true));
    })
    .post('/ussd/respond', async (c) => c.json(await service.ussdRespond((await readJson(c, UssdAnswerInput)).text)))
    .delete('/ussd', async (c) => {
      await service.ussdCancel();
      return c.json({ ok: true });
    })
    .get('/sms', async (c) => {
      const messages = await service.listSms();
      return c.json({ messages: messages.sort((a, b) => Number(b.id) - Number(a.id)) });
    })
    .delete('/sms/:id{[0-9]{1,9}}', async (c) => {
      await service.deleteSms(c.req.param('id'));
      return c.json({ ok: true });
    })
    .post('/sms', async (c) => {
      const { to, text } = await readJson(c, SmsInput);
      service.limit('sms', 5);
      await service.sendSms(to, text);
      deps.audit(role(c), `sent an SMS to ${to}`, 'sms-sent', { to });
      return c.json({ ok: true }, 201);
    })
    .get('/signal/events', (c) => {
      const session = c.get('session')!;
      const encoder = new TextEncoder();
      let stop = () => {};
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          // The first event also carries the last two minutes and the bands' limits the sparklines draw.
          const send = (frame: SignalFrame, first?: { history: unknown; limits: typeof THRESHOLDS }) => {
            // The stream ends with the session.
            if (!deps.sessions.get(session.id, false)) {
              stop();
              return controller.close();
            }
            if ((controller.desiredSize ?? 1) > 0) controller.enqueue(encoder.encode(`event: signal\ndata: ${JSON.stringify(first ? { ...frame, ...first } : frame)}\n\n`));
          };
          let first = true;
          stop = deps.meter.subscribe((frame) => {
            send(frame, first ? { history: deps.meter.history(), limits: THRESHOLDS } : undefined);
            first = false;
          });
        },
        cancel: () => stop(),
      });
      return c.body(body, 200, { 'Content-Type': 'text/event-stream', 'X-Accel-Buffering': 'no' });
    })
    .delete('/signal/best', (c) => {
      deps.meter.resetBest();
      deps.audit(role(c), 'started a new best signal', 'best-reset');
      return c.json({ ok: true });
    })
    .get('/mobile', async (c) => c.json(await deps.mobile.get()))
    .put('/mobile', async (c) => {
      const input = await readJson(c, MobileInput);
      await deps.mobile.set(input);
      deps.audit(role(c), `changed the mobile settings: APN ${input.apn}, mode ${input.mode}`, 'mobile-changed', { apn: input.apn, mode: input.mode });
      return c.json(await deps.mobile.get());
    })
    .post('/mobile/pin', async (c) => {
      const { pin, newPin } = await readJson(c, PinInput);
      await deps.mobile.pin(pin, newPin);
      deps.audit(role(c), newPin ? 'changed the SIM PIN' : 'unlocked the SIM', newPin ? 'pin-changed' : 'pin-unlocked');
      return c.json({ ok: true });
    })
    .post('/mobile/puk', async (c) => {
      const { puk, newPin } = await readJson(c, PukInput);
      await deps.mobile.puk(puk, newPin);
      deps.audit(role(c), 'unblocked the SIM with its PUK and set a new PIN', 'puk-used');
      return c.json({ ok: true });
    })
    .post('/mobile/scan', async (c) => {
      await readJson(c, CheckInput);
      service.limit('scan', 30);
      const networks = await deps.mobile.scan();
      deps.audit(role(c), `scanned for networks: ${networks.length} found`, 'networks-scanned', { n: networks.length });
      return c.json({ networks });
    })
    .put('/mobile/operator', async (c) => {
      const { code } = await readJson(c, OperatorInput);
      await deps.mobile.register(code);
      deps.audit(role(c), code ? `chose the network ${code}` : 'chose automatic network selection', code ? 'operator-chosen' : 'operator-auto', code ? { code } : {});
      return c.json(await deps.mobile.get());
    })
    .put('/mobile/bands', async (c) => {
      const { bands } = await readJson(c, BandsInput);
      await deps.mobile.setBands(bands);
      deps.audit(role(c), bands ? `limited the modem to bands ${bands.join(', ')}` : 'let the modem use any band', bands ? 'bands-limited' : 'bands-any', bands ? { bands: bands.join(', ') } : {});
      return c.json(await deps.mobile.get());
    });
}
