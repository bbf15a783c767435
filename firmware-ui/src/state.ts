// App state: a createAppState() factory with a tiny subscribe/set store, passed through
// context. The functions that change it live in actions.ts.
import { createContext } from 'preact';
import { useContext, useEffect, useReducer } from 'preact/hooks';
import { createApi, type Api, type UpdatesJson } from './api.ts';
import { currentLang, setSizeFamily, type Lang } from './i18n/index.ts';
import type { Role, Status } from '../../device-daemon/src/api/index.ts';
import { navigate } from './router.tsx';

export type AppData = {
  /** undefined until GET /api/session answered. */
  role: Role | null | undefined;
  setupRequired: boolean;
  lang: Lang;
  /** The live status while signed in (every page's banner needs it); null until the first. */
  status: Status | null;
  /** The modem stopped answering; `status` is the last one seen. */
  lost: boolean;
  /** The ISP's notices and a planned update, for the banner; null until the first answer. */
  updates: UpdatesJson | null;
};

export type AppState = {
  api: Api;
  get(): AppData;
  set(patch: Partial<AppData>): void;
  subscribe(listener: () => void): () => void;
};

export function createAppState(): AppState {
  let data: AppData = { role: undefined, setupRequired: false, lang: currentLang(), status: null, lost: false, updates: null };
  const listeners = new Set<() => void>();
  const state: AppState = {
    api: createApi(() => {
      state.set({ role: null, status: null });
      navigate('/sign-in', true);
    }),
    get: () => data,
    set(patch) {
      data = { ...data, ...patch };
      // Every page shows sizes in the family the plan was written in.
      if (patch.status) setSizeFamily(patch.status.plan.units);
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return state;
}

export const AppContext = createContext<AppState>(null as unknown as AppState);

/** The current data and the state object; re-renders the caller on every change. */
export function useApp(): [AppData, AppState] {
  const state = useContext(AppContext);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useEffect(() => state.subscribe(() => rerender(0)), [state]);
  return [state.get(), state];
}
