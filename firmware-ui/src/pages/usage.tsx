// This cycle in detail: the daily chart, who used what, the forecast, top-ups and
// corrections, and past cycles. Every date is in the plan's time zone. Refreshed each 30 s.
import type { UsageJson } from '../api.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { Card, Loading, Table, useLoad } from '../ui.tsx';
import { DailyChart } from './daily-chart.tsx';

strings({ en: () => import('../i18n/en/usage.ts'), pl: () => import('../i18n/pl/usage.ts') });

export function Usage() {
  const [data, error] = useLoad((api) => Promise.all([api.get('/api/usage'), api.get('/api/usage/history')]), 30_000);
  if (!data) return <Loading error={error} />;
  const [u, history] = data;
  const tz = u.timeZone;
  const period = (start: string, end: string) =>
    `${formatDate(start, tz)} – ${formatDate(new Date(Date.parse(end) - 1).toISOString(), tz)}`;
  return (
    <>
      {error && <p class="banner warning">{error}</p>}
      <Card title="daily.title" h1>
        <p class="muted">{period(u.cycleStart, u.cycleEnd)}</p>
        <DailyChart usage={u} />
      </Card>
      <Devices devices={u.devices} />
      <Card title="forecast.title">
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
      </Card>
      <Card title="changes.title">
        {u.topups.length + u.corrections.length ? (
          <ul class="plain">
            {u.topups.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>: {t('changes.topup', { size: formatBytes(x.bytes) })}
              </li>
            ))}
            {u.corrections.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>:{' '}
                {t('changes.correction', { operator: formatBytes(x.operatorBytes), counted: formatBytes(x.countedBytes) })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('changes.none')}</p>
        )}
      </Card>
      <Card title="history.title">
        {history.cycles.length ? (
          <Table
            num={1}
            head={[t('history.period'), t('usage.used'), t('history.topups')]}
            rows={history.cycles.map((c) => [period(c.start, c.end), formatBytes(c.total), c.topupBytes ? formatBytes(c.topupBytes) : '–'])}
          />
        ) : (
          <p class="muted">{t('history.none')}</p>
        )}
      </Card>
    </>
  );
}

/** Names come from the devices themselves (DHCP host names): always text, never HTML. */
function Devices({ devices }: { devices: UsageJson['devices'] }) {
  const sum = devices.reduce((s, d) => s + d.down + d.up, 0) || 1;
  return (
    <Card title="nav.devices">
      {devices.length ? (
        <Table
          class="devices"
          num={1}
          head={[t('device.device'), <Arrow k="daily.down" a="↓" />, <Arrow k="daily.up" a="↑" />, t('device.share')]}
          rows={devices.map((d) => [
            <span translate={false}>
              {d.name ?? d.key}
              {d.name && <small>{d.key}</small>}
            </span>,
            formatBytes(d.down),
            formatBytes(d.up),
            `${Math.round(((d.down + d.up) / sum) * 100)}%`,
          ])}
        />
      ) : (
        <p class="muted">{t('device.none')}</p>
      )}
    </Card>
  );
}

/** A column heading shown as an arrow, read out as its word. */
const Arrow = ({ k, a }: { k: 'daily.down' | 'daily.up'; a: string }) => (
  <>
    <span aria-hidden="true">{a}</span>
    <span class="sr-only">{t(k)}</span>
  </>
);
