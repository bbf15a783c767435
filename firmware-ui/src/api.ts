// The only module that talks to the daemon (fetch and EventSource). It keeps the CSRF token
// from the session replies and sends it on every state-changing request. Endpoints are typed
// by path (types only: the paths are the whole runtime cost, so the entry stays small).
import type {
  AuditJson,
  BalanceJson,
  CheckBody,
  CheckJson,
  RecordJson,
  ScanJson,
  SystemJson,
  ClientJson,
  ErrorCode,
  ErrorJson,
  Issue,
  modemRoutes,
  CorrectionBody,
  HistoryJson,
  MobileBody,
  MobileJson,
  PasswordBody,
  PinBody,
  PlanJson,
  PurchaseBody,
  QuickActionBody,
  SessionInfo,
  SessionState,
  SignalFrame,
  SignalLimits,
  SignalSample,
  SmsBody,
  SmsJson,
  Status,
  TopupBody,
  UpdatesJson,
  UsageJson,
  UssdActionsJson,
  UssdAnswerBody,
  UssdBody,
  UssdReply,
  WifiInputJson,
  WifiJson,
} from '../../device-daemon/src/api/index.ts';

export type { AuditJson, BalanceJson, CheckJson, ClientJson, HistoryJson, MobileJson, PlanJson, RecordJson, ScanJson, SignalFrame, SignalLimits, SignalSample, SmsJson, SystemJson, UpdatesJson, UsageJson, UssdReply, WifiInputJson, WifiJson };
/** The first `signal` event also carries the last two minutes. */
export type SignalEvent = SignalFrame & { history?: SignalSample[]; limits?: SignalLimits };

/** GET path → reply. */
type Gets = {
  '/api/usage': UsageJson;
  '/api/usage/history': HistoryJson;
  '/api/plan': PlanJson;
  '/api/audit': AuditJson;
  '/api/balance': BalanceJson;
  '/api/ussd': UssdActionsJson;
  '/api/sms': SmsJson;
  '/api/mobile': MobileJson;
  '/api/wifi': WifiJson;
  '/api/wifi?reveal=1': WifiJson;
  '/api/clients': { clients: ClientJson[] };
  '/api/system': SystemJson;
  '/api/commissioning': { record: RecordJson | null };
  '/api/updates': UpdatesJson;
};
/** "METHOD path" → [body, reply]. */
type Sends = {
  'PUT /api/plan': [PlanJson, PlanJson];
  'POST /api/topups': [TopupBody, unknown];
  'POST /api/password': [PasswordBody, unknown];
  'POST /api/balance/check': [CheckBody, BalanceJson];
  'POST /api/usage/correction': [CorrectionBody, unknown];
  'POST /api/topups/purchase': [PurchaseBody, BalanceJson['purchase']];
  'POST /api/ussd/action': [QuickActionBody, UssdReply];
  'POST /api/ussd': [UssdBody, UssdReply];
  'POST /api/ussd/respond': [UssdAnswerBody, UssdReply];
  'DELETE /api/ussd': [{}, unknown];
  'POST /api/sms': [SmsBody, unknown];
  [del: `DELETE /api/sms/${string}`]: [{}, unknown];
  'PUT /api/mobile': [MobileBody, MobileJson];
  'POST /api/mobile/pin': [PinBody, unknown];
  'POST /api/mobile/puk': [{ puk: string; newPin: string }, unknown];
  'POST /api/mobile/scan': [{ check: true }, ScanJson];
  'PUT /api/mobile/operator': [{ code: string | null }, MobileJson];
  'PUT /api/mobile/bands': [{ bands: string[] | null }, MobileJson];
  'DELETE /api/signal/best': [{}, unknown];
  'POST /api/system/reboot': [{ confirm: true }, unknown];
  'POST /api/system/factory-reset': [{ confirm: string }, unknown];
  'POST /api/system/connectivity': [{ check: true; target?: string }, CheckJson];
  'POST /api/system/restore': [unknown, unknown];
  'POST /api/commissioning': [{ done: true; notes: string }, { record: RecordJson }];
  'PUT /api/wifi': [WifiInputJson, WifiJson];
  [block: `${'POST' | 'DELETE'} /api/clients/${string}/block`]: [{}, unknown];
  [name: `PUT /api/clients/${string}/name`]: [{ name: string }, unknown];
  'POST /api/updates/defer': [{ days: number }, { deferredUntil: number }];
  'POST /api/updates/install-now': [{}, { ok: boolean; message: string }];
  'POST /api/updates/check': [{}, { ok: boolean; message: string }];
};

export type { ErrorCode, Issue };

/**
 * A failed call: `code` and `params` as the server sent them (api/errors.ts; the page words
 * them), `message` its English text for the console, `status` 0 when the modem was unreachable.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: ErrorCode | null = null,
    readonly params: Record<string, string | number> = {},
    readonly issues: Issue[] = [],
    readonly retryAfter = 0,
  ) {
    super(message);
  }
}

export type Api = ReturnType<typeof createApi>;

/** `onUnauthorized` runs on any 401 except a refused password, which the sign-in page shows. */
export function createApi(onUnauthorized: () => void) {
  let csrfToken = '';

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const init: RequestInit = { method };
    if (method != 'GET') init.headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken };
    if (body) init.body = JSON.stringify(body);
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch {
      throw new ApiError(0, '');
    }
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      if (data.csrfToken) csrfToken = data.csrfToken;
      return data;
    }
    if (res.status == 401 && path + method != '/api/sessionPOST') onUnauthorized();
    const e = data as Partial<ErrorJson>;
    throw new ApiError(res.status, e.error ?? res.statusText, e.code ?? null, e.params ?? {}, e.issues ?? [], Number(res.headers.get('Retry-After')) || 0);
  }

  /** Server-sent events of one name; returns the function that stops them. */
  function listen<T>(path: string, name: string, on: (data: T) => void, onError?: () => void): () => void {
    const events = new EventSource(path);
    events.addEventListener(name, (e) => on(JSON.parse((e as MessageEvent<string>).data)));
    if (onError) events.onerror = onError;
    return () => events.close();
  }

  return {
    session: () => call<SessionState>('GET', '/api/session'),
    setup: (secret: string, password: string) => call<SessionInfo>('POST', '/api/setup', { secret, password }),
    signIn: (password: string) => call<SessionInfo>('POST', '/api/session', { password }),
    signOut: () => call<void>('DELETE', '/api/session').finally(() => (csrfToken = '')),
    status: () => call<Status>('GET', '/api/status'),
    get: <P extends keyof Gets>(path: P) => call<Gets[P]>('GET', path),
    /** A state-changing request: `send('PUT /api/wifi', body)`. */
    send<K extends keyof Sends>(what: K, body: Sends[K][0]): Promise<Sends[K][1]> {
      const [method, path] = what.split(' ');
      return call(method!, path!, body);
    },
    signal: (on: (frame: SignalEvent) => void, onError: () => void) => listen('/api/signal/events', 'signal', on, onError),

    /**
     * Live status: the event stream, or polling every 5 s once the stream fails.
     * `onStatus(null)` says the modem stopped answering. Returns the function that stops it.
     */
    watchStatus(onStatus: (status: Status | null) => void): () => void {
      let timer = 0;
      const poll = () => call<Status>('GET', '/api/status').then(onStatus, () => onStatus(null));
      const stop = listen('/api/events', 'status', onStatus, () => {
        stop();
        timer ||= (poll(), window.setInterval(poll, 5000));
      });
      poll();
      return () => {
        stop();
        clearInterval(timer);
      };
    },
  };
}
