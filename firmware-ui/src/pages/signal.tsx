// The installer's live signal meter, for aiming the antenna: one large quality word in its
// colour (readable at arm's length) with the direction of change; RSRP, RSRQ and SINR as big
// numbers, each with a two-minute sparkline on a fixed scale with the quality bands and the
// best-so-far marked; the best reading with its time and cell; the serving cell; an optional
// tone whose pitch follows RSRP. One `signal` event a second; the first brings the history.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SignalEvent, SignalLimits, SignalSample } from '../api.ts';
import { formatNumber, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading } from '../ui.tsx';
import { Cell } from './signal-cell.tsx';
import { tone, type Tone } from './signal-tone.ts';

strings({ en: () => import('../i18n/en/signal.ts'), pl: () => import('../i18n/pl/signal.ts') });
// The modem's state in the words of the overview's connection card.
strings({ en: () => import('../i18n/en/overview.ts'), pl: () => import('../i18n/pl/overview.ts') });

const stateWords = (state: string) => {
  const key = `connection.state.${state}`;
  return hasKey(key) ? t(key) : state;
};
const reading = (value: number | null | undefined) => (value == null ? '–' : formatNumber(value));

const SPAN = 120_000;
/** Each metric's fixed scale (low, high), so a sparkline's height means the same every time. */
const METRICS = [
  ['rsrp', 'RSRP', 'dBm', -125, -65],
  ['rsrq', 'RSRQ', 'dB', -25, -3],
  ['sinr', 'SINR', 'dB', -5, 30],
] as const;

export function Signal() {
  const [, state] = useApp();
  const [frame, setFrame] = useState<SignalEvent | null>(null);
  const [history, setHistory] = useState<SignalSample[]>([]);
  // The bands' limits come with the first event (the daemon's own, so both sides agree).
  const [limits, setLimits] = useState<SignalLimits | null>(null);
  const [lost, setLost] = useState(false);
  // The tone plays while `player` holds one: off by default, on and off by the button.
  const player = useRef<Tone | null>(null);
  const [sound, setSound] = useState(false);
  useEffect(
    () =>
      state.api.signal(
        (f) => {
          setFrame(f);
          if (f.limits) setLimits(f.limits);
          setLost(false);
          setHistory((h) => [...(f.history ?? h), ...(f.history ? [] : [f.sample])].filter((s) => s.t > f.sample.t - SPAN));
          player.current?.play(f.sample.rsrp);
        },
        () => setLost(true),
      ),
    [],
  );
  useEffect(() => () => player.current?.stop(), []);
  if (!frame) return <Loading error="" />;
  const best = frame.best;
  return (
    <>
      <Card title="nav.signal" h1 class="signal">
        {lost && <p class="banner warning">{t('app.lost')}</p>}
        <p class={`quality ${frame.quality ?? ''}`} aria-live="polite">
          <strong>{frame.quality ? t(`signal.band.${frame.quality}`) : t('signal.none')}</strong>
          {frame.rsrp.trend && <span class={frame.rsrp.trend}>{t(`signal.trend.${frame.rsrp.trend}`)}</span>}
        </p>
        <p class="muted">{[frame.technology?.toUpperCase(), frame.state && stateWords(frame.state)].filter(Boolean).join(' · ')}</p>
        <button
          type="button"
          aria-pressed={sound}
          onClick={() => {
            player.current?.stop();
            player.current = sound ? null : tone();
            player.current?.play(frame.sample.rsrp);
            setSound(!sound);
          }}
        >
          {t(sound ? 'signal.toneOff' : 'signal.toneOn')}
        </button>
        {METRICS.map(([key, name, unit, lo, hi]) => {
          const m = frame[key];
          return (
            <div class={`meter-row ${m.band ?? ''}`}>
              <p>
                {name}
                <data value={m.value ?? ''}>
                  {reading(m.value)} <small>{unit}</small>
                </data>
                {m.band && <strong>{t(`signal.band.${m.band}`)}</strong>}
                {m.trend && <span class={m.trend}>{t(`signal.trend.${m.trend}`)}</span>}
              </p>
              <Spark name={name} values={history.map((s) => [s.t, s[key]])} end={frame.sample.t} lo={lo} hi={hi} limits={limits?.[key] ?? []} best={best?.[key] ?? null} />
            </div>
          );
        })}
        {best && (
          <p class="best">
            {t('signal.best', { rsrp: reading(best.rsrp), sinr: reading(best.sinr), time: new Date(best.t).toLocaleTimeString(), cell: best.cell?.cellId ?? '–' })}{' '}
            <button type="button" onClick={() => state.api.send('DELETE /api/signal/best', {})}>
              {t('signal.bestReset')}
            </button>
          </p>
        )}
      </Card>
      <Cell cell={frame.cell} />
    </>
  );
}


/**
 * The last two minutes as a line on the metric's fixed scale, over the quality bands (each
 * labelled at its lower edge); the best so far as a dashed line. Gaps where the modem gave no figure.
 */
function Spark(props: { name: string; values: [number, number | null][]; end: number; lo: number; hi: number; limits: number[]; best: number | null }) {
  const { values, lo, hi } = props;
  const y = (v: number) => (30 - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * 30).toFixed(1);
  const path = values
    .map(([time, v], i) => (v == null ? '' : `${i && values[i - 1]![1] != null ? 'L' : 'M'}${(120 - (props.end - time) / 1000).toFixed(1)} ${y(v)}`))
    .join('');
  const edges = [hi, ...props.limits, lo];
  return (
    <svg viewBox="0 0 140 31" preserveAspectRatio="none" role="img" aria-label={t('signal.spark', { name: props.name })}>
      {[0, 1, 2, 3].map((i) => (
        <rect class={`zone z${i}`} x="0" width="120" y={y(edges[i]!)} height={Number(y(edges[i + 1]!)) - Number(y(edges[i]!))} />
      ))}
      {props.limits.map((l) => (
        <text x="122" y={Number(y(l)) + 3}>
          {l}
        </text>
      ))}
      {props.best != null && <line class="best" x1="0" x2="120" y1={y(props.best)} y2={y(props.best)} />}
      <path d={path} />
    </svg>
  );
}
