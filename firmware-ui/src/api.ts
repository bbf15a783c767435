// The only module that talks to the daemon (fetch and EventSource). It keeps the CSRF token
// from the session replies and sends it on every state-changing request.
import type { SessionInfo, SessionState } from '../../device-daemon/src/api/session.ts';
import type { Status } from '../../device-daemon/src/api/status.ts';
import type { PlanJson } from '../../device-daemon/src/api/plan.ts';
import type { ExtractSchema } from 'hono/types';
import type { auditRoutes } from '../../device-daemon/src/routes/audit.ts';
import type { usageRoutes } from '../../device-daemon/src/routes/usage.ts';

// The daemon declares these replies only in its routes; their types follow the routes.
type UsageSchema = ExtractSchema<ReturnType<typeof usageRoutes>>;
export type UsageJson = UsageSchema['/usage']['$get']['output'];
export type HistoryJson = UsageSchema['/usage/history']['$get']['output'];
export type AuditJson = ExtractSchema<ReturnType<typeof auditRoutes>>['/audit']['$get']['output'];

export type Issue = { path: string; message: string };

/** A failed call: `message` is the server's text, `status` 0 when the modem was unreachable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
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
    const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
    if (method !== 'GET') {
      init.headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken };
      if (body !== undefined) init.body = JSON.stringify(body);
    }
    let res: Response;
    try {
      res = await fetch(path, init);
    } catch {
      throw new ApiError(0, '');
    }
    if (res.status === 204) return undefined as T;
    const data = await res.json().catch(() => ({}));
    if (res.ok) {
      if (typeof data.csrfToken === 'string') csrfToken = data.csrfToken;
      return data as T;
    }
    if (res.status === 401 && !(method === 'POST' && path === '/api/session')) onUnauthorized();
    throw new ApiError(res.status, data.error ?? res.statusText, data.issues, Number(res.headers.get('Retry-After')) || 0);
  }

  return {
    session: () => call<SessionState>('GET', '/api/session'),
    setup: (secret: string, password: string) => call<SessionInfo>('POST', '/api/setup', { secret, password }),
    signIn: (password: string) => call<SessionInfo>('POST', '/api/session', { password }),
    signOut: () => call<void>('DELETE', '/api/session').finally(() => (csrfToken = '')),
    status: () => call<Status>('GET', '/api/status'),
    usage: () => call<UsageJson>('GET', '/api/usage'),
    history: () => call<HistoryJson>('GET', '/api/usage/history'),
    plan: () => call<PlanJson>('GET', '/api/plan'),
    savePlan: (plan: PlanJson) => call<PlanJson>('PUT', '/api/plan', plan),
    topup: (bytes: number) => call<unknown>('POST', '/api/topups', { bytes }),
    /** `current` is left out when an installer sets the customer's password. */
    changePassword: (password: string, current?: string) => call<unknown>('POST', '/api/password', { current, password }),
    audit: () => call<AuditJson>('GET', '/api/audit'),

    /**
     * Live status: the event stream, or polling every 5 s once the stream fails.
     * `onStatus(null)` says the modem stopped answering. Returns the function that stops it.
     */
    watchStatus(onStatus: (status: Status | null) => void): () => void {
      let timer = 0;
      const poll = () => call<Status>('GET', '/api/status').then(onStatus, () => onStatus(null));
      const events = new EventSource('/api/events');
      events.addEventListener('status', (e) => onStatus(JSON.parse((e as MessageEvent<string>).data)));
      events.onerror = () => {
        events.close();
        if (!timer) {
          poll();
          timer = window.setInterval(poll, 5000);
        }
      };
      poll();
      return () => {
        events.close();
        clearInterval(timer);
      };
    },
  };
}
