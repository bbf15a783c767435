// Updates: what runs, what is planned and when (in the plan's time zone), postponing
// within the ISP's limit, and for installers install-now and check-now. Notes come
// from the ISP's signed manifest and are shown as text.
import { useState } from 'preact/hooks';
import type { UpdatesJson } from '../api.ts';
import { explain } from '../error-text.ts';
import { currentLang, formatBytes, formatDate, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading, Note, Table, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/updates.ts'), pl: () => import('../i18n/pl/updates.ts') });

const iso = (ms: number) => new Date(ms).toISOString();

export function Updates() {
  const [{ role, status }, state] = useApp();
  // Each answer also feeds the banner above the page (app state), so an action shows there at once.
  const [view, error, reload] = useLoad((api) => api.get('/api/updates').then((updates) => (state.set({ updates }), updates)), 60_000);
  const [note, setNote] = useState<[string, boolean]>(['', true]);
  const [busy, setBusy] = useState(false);
  const tz = status?.usage.timeZone ?? 'UTC';
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    const result = await work().then((text) => [text, true] as [string, boolean], async (e) => [await explain(e), false] as [string, boolean]);
    // The page (and the banner above it) shows the new state before it says what happened.
    await reload();
    setNote(result);
    setBusy(false);
  };
  if (!view) return <Loading error={error} />;
  const p: UpdatesJson['pending'] = view.pending;
  const time = (ms: number) => formatDate(iso(ms), tz, { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <Card title="nav.updates" h1>
        <p>
          {t('updates.current')}: {t('updates.package', { version: view.current.package })}, {t('updates.firmware', { version: view.current.firmware })}
        </p>
        {view.updaterBytes > 0 && <p class="muted own">{t('updates.bytes', { size: formatBytes(view.updaterBytes) })}</p>}
        {!p ? (
          <p class="muted">{t('updates.none')}</p>
        ) : (
          <section class="pending" aria-label={t('updates.pending')}>
            <h2>{t('updates.what', { kind: t(p.kind === 'package' ? 'updates.kind.package' : 'updates.kind.firmware'), version: p.version })}</h2>
            <p class="notes">{p.notes[currentLang()]}</p>
            <p class="when">
              {t('updates.when', { date: formatDate(iso(p.installAt), tz, { weekday: 'long', day: 'numeric', month: 'long' }), from: time(p.installAt), to: time(p.windowEnd), minutes: p.durationMinutes })}
            </p>
            {p.critical && <p>{t('updates.critical')}</p>}
            {p.waiting && <p class="muted">{t('updates.waiting', { reason: p.waiting })}</p>}
            {p.canDefer ? (
              <p>
                <button type="button" disabled={busy} onClick={() => act(() => state.api.send('POST /api/updates/defer', { days: 1 }).then(() => t('updates.deferred')))}>
                  {t('updates.defer')}
                </button>{' '}
                <span class="muted">{t('updates.deferLimit', { date: formatDate(iso(p.deferLimit), tz) })}</span>
              </p>
            ) : (
              !p.critical && <p class="muted">{t('updates.noDefer')}</p>
            )}
          </section>
        )}
        {role === 'installer' && (
          <p class="actions">
            {p && (
              <button type="button" disabled={busy} onClick={() => act(() => state.api.send('POST /api/updates/install-now', {}).then((r) => r.message))}>
                {busy ? t('updates.installing') : t('updates.installNow')}
              </button>
            )}{' '}
            <button type="button" disabled={busy} onClick={() => act(() => state.api.send('POST /api/updates/check', {}).then((r) => t('updates.checked', { message: r.message })))}>
              {t('updates.check')}
            </button>
          </p>
        )}
        <Note text={note[0]} ok={note[1]} />
      </Card>
      {view.history.length > 0 && (
        <Card title="updates.history">
          <Table
            head={['', '', '']}
            rows={view.history.map((h) => {
              const result = `updates.result.${h.result}`;
              return [formatDate(iso(h.at), tz, { dateStyle: 'short', timeStyle: 'short' }), t('updates.what', { kind: t(h.kind === 'package' ? 'updates.kind.package' : 'updates.kind.firmware'), version: h.version }), hasKey(result) ? t(result) : h.result];
            })}
          />
        </Card>
      )}
    </>
  );
}
