// This cycle in detail: the daily chart, who used what, the forecast, top-ups and
// corrections, and past cycles. Every date is in the plan's time zone. Refreshed each 30 s.
import type { UsageJson } from '../api.ts';
import { en } from '../i18n/en/usage.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { Card, Loading, Table, useLoad } from '../ui.tsx';
import { DailyChart } from './daily-chart.tsx';

strings(en);

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
      <Card title="d.title" h1>
        <p class="muted">{period(u.cycleStart, u.cycleEnd)}</p>
        <DailyChart usage={u} />
      </Card>
      <Devices devices={u.devices} />
      <Card title="f.title">
        <dl>
          <dt>{t('f.average')}</dt>
          <dd>{formatBytes(u.forecast.averagePerDay)}</dd>
          {u.allowance !== null && (
            <>
              <dt>{t('f.capAt')}</dt>
              <dd>{u.forecast.capReachedAt ? formatDate(u.forecast.capReachedAt, tz) : t('f.lasts')}</dd>
              <dt>{t('f.perDay')}</dt>
              <dd>{t('f.perDayValue', { size: formatBytes(u.forecast.perDayLeft ?? 0) })}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="x.title">
        {u.topups.length + u.corrections.length ? (
          <ul class="plain">
            {u.topups.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>: {t('x.topup', { size: formatBytes(x.bytes) })}
              </li>
            ))}
            {u.corrections.map((x) => (
              <li>
                <time datetime={x.at}>{formatDate(x.at, tz)}</time>:{' '}
                {t('x.correction', { operator: formatBytes(x.operatorBytes), counted: formatBytes(x.countedBytes) })}
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('x.none')}</p>
        )}
      </Card>
      <Card title="h.title">
        {history.cycles.length ? (
          <Table
            num={1}
            head={[t('h.period'), t('u.used'), t('h.topups')]}
            rows={history.cycles.map((c) => [period(c.start, c.end), formatBytes(c.total), c.topupBytes ? formatBytes(c.topupBytes) : '–'])}
          />
        ) : (
          <p class="muted">{t('h.none')}</p>
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
          head={[t('dv.device'), <Arrow k="d.down" a="↓" />, <Arrow k="d.up" a="↑" />, t('dv.share')]}
          rows={devices.map((d) => [
            <>
              {d.name ?? d.key}
              {d.name && <small>{d.key}</small>}
            </>,
            formatBytes(d.down),
            formatBytes(d.up),
            `${Math.round(((d.down + d.up) / sum) * 100)}%`,
          ])}
        />
      ) : (
        <p class="muted">{t('dv.none')}</p>
      )}
    </Card>
  );
}

/** A column heading shown as an arrow, read out as its word. */
const Arrow = ({ k, a }: { k: 'd.down' | 'd.up'; a: string }) => (
  <>
    <span aria-hidden="true">{a}</span>
    <span class="sr-only">{t(k)}</span>
  </>
);
