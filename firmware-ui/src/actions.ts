// The functions that change the app state (kept apart from state.ts, as in preact's examples).
import type { SessionInfo } from '../../device-daemon/src/api/index.ts';
import { setLang, type Lang } from './i18n/index.ts';
import { navigate } from './router.tsx';
import type { AppState } from './state.ts';

export async function loadSession(state: AppState): Promise<void> {
  const { role, setupRequired } = await state.api.session();
  state.set({ role, setupRequired });
}

/** After setup or sign-in: remember the role and go to the overview. */
export function signedIn(state: AppState, info: SessionInfo): void {
  state.set({ role: info.role, setupRequired: false });
  navigate('/', true);
}

export async function signOut(state: AppState): Promise<void> {
  await state.api.signOut().catch(() => {});
  state.set({ role: null, status: null });
  navigate('/sign-in', true);
}

export async function chooseLang(state: AppState, lang: Lang): Promise<void> {
  await setLang(lang, true);
  state.set({ lang });
}

/** The ISP's notices and a planned update, now and every ten minutes; returns the function that stops it. */
export function watchUpdates(state: AppState): () => void {
  const load = () => state.api.get('/api/updates').then((updates) => state.set({ updates }), () => {});
  load();
  const timer = setInterval(load, 600_000);
  return () => clearInterval(timer);
}

/** Follows the live status while signed in; returns the function that stops it. */
export function watchStatus(state: AppState): () => void {
  return state.api.watchStatus((status) => state.set(status ? { status, lost: false } : { lost: true }));
}
