// At the cap: what is happening in plain words, until when, and the next step this device
// offers: buy a top-up from the operator (confirm, price, result), an installer's top-up, or
// how to reach the ISP. A chunk of its own: most visits are not at the cap.
import { useEffect, useState } from 'preact/hooks';
import type { BalanceJson } from './api.ts';
import { explain } from './error-text.ts';
import { formatBytes, formatDate, strings, t } from './i18n/index.ts';
import { Support } from './support.tsx';
import { useApp, type AppState } from './state.ts';

strings({ en: () => import('./i18n/en/cap.ts'), pl: () => import('./i18n/pl/cap.ts') });

/** An installer's top-up; the fresh status shows at once whether the cap is lifted. */
async function addTopup(state: AppState, bytes: number): Promise<void> {
  await state.api.send('POST /api/topups', { bytes });
  state.set({ status: await state.api.status() });
}

/** What the last top-up did; it outlives the cap banner that it lifted. */
export type Result = { text: string; failed: boolean } | null;

export function Cap({ onResult }: { onResult: (r: Result) => void }) {
  const [{ role, status }, state] = useApp();
  // The top-ups this device can buy from the operator, with their price when the ISP gave one.
  const [offers, setOffers] = useState<BalanceJson['topups'] | null>(null);
  const [sure, setSure] = useState<BalanceJson['topups'][number] | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    state.api.get('/api/balance').then((b) => setOffers(b.topups), () => setOffers([]));
  }, []);
  if (!status) return null;
  const { usage: u, plan } = status;
  const date = formatDate(u.cycleEnd, u.timeZone);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    onResult(await work().then((text) => ({ text, failed: false }), async (e) => ({ text: await explain(e), failed: true })));
    setBusy(false);
    setSure(null);
  };
  const buy = (bytes: number) =>
    run(async () => {
      const p = await state.api.send('POST /api/topups/purchase', { bytes, confirm: true });
      state.set({ status: await state.api.status() });
      return t(p?.state === 'confirmed' ? 'cap.bought' : 'cap.pending', { size: formatBytes(bytes) });
    });

  let next;
  if (sure) {
    const size = formatBytes(sure.bytes);
    next = (
      <>
        <p>{sure.price ? t('cap.sure.price', { size, price: sure.price }) : t('cap.sure', { size })}</p>
        <p class="actions">
          <button type="button" disabled={busy} onClick={() => buy(sure.bytes)}>
            {t('cap.yes', { size })}
          </button>
          <button type="button" class="second" disabled={busy} onClick={() => setSure(null)}>
            {t('cap.no')}
          </button>
        </p>
      </>
    );
  } else if (offers?.length) {
    next = (
      <>
        <p>{t('cap.buyIntro')}</p>
        <p class="actions">
          {offers.map((o) => (
            <button type="button" disabled={busy} onClick={() => setSure(o)}>
              {t('cap.buy', { size: formatBytes(o.bytes) })}
              {o.price && <small> · {o.price}</small>}
            </button>
          ))}
        </p>
      </>
    );
  } else if (offers && role !== 'installer') {
    next = <Support intro="cap.contact" />;
  }
  return (
    <div class="banner blocking" role="status">
      <p class="why">{t(u.state === 'blocked' ? 'cap.blocked' : 'cap.throttled', { date })}</p>
      {next}
      {/* An installer on site may also add a top-up of the plan's sizes, at no charge. */}
      {role === 'installer' && !sure && (
        <p class="actions">
          {plan.topupSizes.map((bytes) => (
            <button type="button" class="second" disabled={busy} onClick={() => run(() => addTopup(state, bytes).then(() => t('cap.added')))}>
              {t('cap.add', { size: formatBytes(bytes) })}
            </button>
          ))}
        </p>
      )}
    </div>
  );
}
