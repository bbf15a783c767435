// This cycle in detail: the daily chart, who used what, the forecast, top-ups and
// corrections, and past cycles. Every date is in the plan's time zone. Refreshed each 30 s.
import { useEffect, useState } from 'preact/hooks';
import type { HistoryJson, UsageJson } from '../api.ts';
import { errorText } from '../error-text.ts';
import { en } from '../i18n/en/usage.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { DailyChart } from './daily-chart.tsx';
import './usage.css';

strings(en);

export function Usage() {
  const [, state] = useApp();
  const [data, setData] = useState<[UsageJson, HistoryJson] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    const load = () =>
      Promise.all([state.api.usage(), state.api.history()]).then(
        (d) => (setData(d), setError('')),
        (e) => setError(errorText(e)),
      );
    load();
    const timer = setInterval(load, 30_000);
    return () => clearInterval(timer);
  }, [state]);
  if (!data) return <p class={error ? 'error' : 'muted'}>{error || t('app.loading')}</p>;
  const [u, history] = data;
  const tz = u.timeZone;
  const period = (start: string, end: string) =>
    t('usage.period', { from: formatDate(start, tz), to: formatDate(new Date(Date.parse(end) - 1).toISOString(), tz) });
  return (
    <>
      {error && <p class="banner warning">{error}</p>}
      <section class="card">
        <h1>{t('daily.title')}</h1>
        <p class="muted">{period(u.cycleStart, u.cycleEnd)}</p>
        <DailyChart usage={u} />
      </section>
      <Devices devices={u.devices} />
      <section class="card">
        <h2>{t('forecast.title')}</h2>
        <dl>
          <dt>{t('forecast.average')}</dt>
          <dd>{formatBytes(u.forecast.averagePerDay)}</dd>
          {u.allowance !== null && (
            <>
              <dt>{t('forecast.capAt')}</dt>
              <dd>{u.forecast.capReachedAt ? formatDate(u.forecast.capReachedAt, tz) : t('forecast.lasts')}</dd>
              <dt>{t('forecast.perDay')}</dt>
              <dd>{t('forecast.perDayValue', { size: formatBytes(u.forecast.perDayLeft ?? 0) })}</dd>
            </>
          )}
        </dl>
      </section>
      <section class="card">
        <h2>{t('extra.title')}</h2>
        {u.topups.length + u.corrections.length ? (
          <ul class="plain">
            {u.topups.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>: {t('extra.topup', { size: formatBytes(x.bytes) })}
              </li>
            ))}
            {u.corrections.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>:{' '}
                {t('extra.correction', { operator: formatBytes(x.operatorBytes), counted: formatBytes(x.countedBytes) })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('extra.none')}</p>
        )}
      </section>
      <section class="card">
        <h2>{t('history.title')}</h2>
        {history.cycles.length ? (
          <table>
            <tr>
              <th>{t('history.period')}</th>
              <th class="num">{t('history.total')}</th>
              <th class="num">{t('history.topups')}</th>
            </tr>
            {history.cycles.map((c) => (
              <tr>
                <td>{period(c.start, c.end)}</td>
                <td class="num">{formatBytes(c.total)}</td>
                <td class="num">{c.topupBytes ? formatBytes(c.topupBytes) : '–'}</td>
              </tr>
            ))}
          </table>
        ) : (
          <p class="muted">{t('history.none')}</p>
        )}
      </section>
    </>
  );
}

/** Names come from the devices themselves (DHCP host names): always text, never HTML. */
function Devices({ devices }: { devices: UsageJson['devices'] }) {
  const sum = devices.reduce((s, d) => s + d.down + d.up, 0) || 1;
  return (
    <section class="card">
      <h2>{t('devices.title')}</h2>
      {devices.length ? (
        <table class="devices">
          <tr>
            <th>{t('devices.device')}</th>
            <th class="num">
              <span aria-hidden="true">↓</span>
              <span class="sr-only">{t('daily.down')}</span>
            </th>
            <th class="num">
              <span aria-hidden="true">↑</span>
              <span class="sr-only">{t('daily.up')}</span>
            </th>
            <th class="num">{t('devices.share')}</th>
          </tr>
          {devices.map((d) => (
            <tr>
              <td>
                {d.name ?? d.key}
                {d.name && <small>{d.key}</small>}
              </td>
              <td class="num">{formatBytes(d.down)}</td>
              <td class="num">{formatBytes(d.up)}</td>
              <td class="num">{Math.round(((d.down + d.up) / sum) * 100)}%</td>
            </tr>
          ))}
        </table>
      ) : (
        <p class="muted">{t('devices.none')}</p>
      )}
    </section>
  );
}
