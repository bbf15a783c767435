// The installer's live signal meter, for aiming the antenna: RSRP, RSRQ and SINR as big
// numbers with their quality band and the trend against 10 s ago, each with a two-minute
// sparkline (inline SVG). One `signal` event a second; the first brings the history.
import { useEffect, useState } from 'preact/hooks';
import type { SignalEvent, SignalSample } from '../api.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading } from '../ui.tsx';

strings({ en: () => import('../i18n/en/signal.ts'), pl: () => import('../i18n/pl/signal.ts') });

const SPAN = 120_000;
const METRICS = [
  ['rsrp', 'RSRP', 'dBm'],
  ['rsrq', 'RSRQ', 'dB'],
  ['sinr', 'SINR', 'dB'],
] as const;

export function Signal() {
  const [, state] = useApp();
  const [frame, setFrame] = useState<SignalEvent | null>(null);
  const [history, setHistory] = useState<SignalSample[]>([]);
  const [lost, setLost] = useState(false);
  useEffect(
    () =>
      state.api.signal(
        (f) => {
          setFrame(f);
          setLost(false);
          setHistory((h) => [...(f.history ?? h), ...(f.history ? [] : [f.sample])].filter((s) => s.t > f.sample.t - SPAN));
        },
        () => setLost(true),
      ),
    [],
  );
  return (
    <Card title="nav.signal" h1 class="signal">
      <p class="note">{t('signal.intro')}</p>
      {lost && <p class="banner warning">{t('app.lost')}</p>}
      {!frame ? (
        <Loading error="" />
      ) : (
        <>
          <p class="muted" aria-live="polite">
            {[frame.technology?.toUpperCase(), frame.state].filter(Boolean).join(' · ')}
          </p>
          {METRICS.map(([key, name, unit]) => {
            const m = frame[key];
            return (
              <div class={`meter-row ${m.band ?? ''}`}>
                <p>
                  {name}
                  <data value={m.value ?? ''}>
                    {m.value ?? '–'} <small>{unit}</small>
                  </data>
                  {m.band && <strong>{t(`signal.band.${m.band}`)}</strong>}
                  {m.trend && <span class={m.trend}>{t(`signal.trend.${m.trend}`)}</span>}
                </p>
                <Spark name={name} values={history.map((s) => [s.t, s[key]])} end={frame.sample.t} />
              </div>
            );
          })}
        </>
      )}
    </Card>
  );
}

/** The last two minutes as a line, scaled to its own range; gaps where the modem gave no figure. */
function Spark({ name, values, end }: { name: string; values: [number, number | null][]; end: number }) {
  const known = values.flatMap(([, v]) => (v == null ? [] : [v]));
  const lo = Math.min(...known) - 1;
  const hi = Math.max(...known) + 1;
  const path = values
    .map(([time, v], i) => (v == null ? '' : `${i && values[i - 1]![1] != null ? 'L' : 'M'}${(120 - (end - time) / 1000).toFixed(1)} ${(30 - ((v - lo) / (hi - lo)) * 28).toFixed(1)}`))
    .join('');
  return (
    <svg viewBox="0 0 120 31" preserveAspectRatio="none" role="img" aria-label={t('signal.spark', { name })}>
      <path d={path} />
    </svg>
  );
}
