// The cycle's days as stacked bars (download below, upload above) in inline SVG. For screen
// readers the SVG has a <title> and <desc>, and the figures are in a visually hidden table.
import type { UsageJson } from '../api.ts';
import { formatBytes, formatDate, t } from '../i18n/index.ts';

const W = 320;
const H = 120;
const DAY = 86_400_000;

/** The plan-local day ("2025-12-01") of an instant; Swedish dates are ISO-shaped. */
export const localDay = (ms: number, timeZone: string): string =>
  new Intl.DateTimeFormat('sv', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

/** Every local day of the cycle, first to last. */
function cycleDays(u: UsageJson): string[] {
  const first = Date.parse(localDay(Date.parse(u.cycleStart), u.timeZone));
  const last = Date.parse(localDay(Date.parse(u.cycleEnd) - 1, u.timeZone));
  const days: string[] = [];
  for (let d = first; d <= last && days.length < 400; d += DAY) days.push(new Date(d).toISOString().slice(0, 10));
  return days;
}

export function DailyChart({ usage: u }: { usage: UsageJson }) {
  const byDay = new Map(u.daily.map((d) => [d.date, d]));
  const days = cycleDays(u).map((date) => byDay.get(date) ?? { date, down: 0, up: 0 });
  const max = Math.max(1, ...days.map((d) => d.down + d.up));
  const slot = W / days.length;
  const y = (bytes: number) => (bytes / max) * (H - 14);
  const day = (date: string, month?: boolean) => formatDate(date, 'UTC', month ? { day: 'numeric', month: 'short' } : { day: 'numeric' });
  const [from, to] = [days[0]!.date, days.at(-1)!.date];
  const counted = u.daily.at(-1)?.date ?? '';
  return (
    <figure class="chart">
      <svg viewBox={`0 0 ${W} ${H + 14}`} role="img" aria-labelledby="daily-t daily-d">
        <title id="daily-t">{t('daily.title')}</title>
        <desc id="daily-d">{t('daily.desc', { from: day(from, true), to: day(to, true), max: formatBytes(max) })}</desc>
        <line x1="0" x2={W} y1={H} y2={H} />
        <text x="0" y="9">
          {formatBytes(max)}
        </text>
        {days.map((d, i) => {
          const down = y(d.down);
          const up = y(d.up);
          const x = i * slot + slot * 0.15;
          const w = slot * 0.7;
          return (
            <g>
              <rect class="down" x={x} y={H - down} width={w} height={down} />
              <rect class="up" x={x} y={H - down - up} width={w} height={up} />
            </g>
          );
        })}
        <text x="0" y={H + 12}>
          {day(from, true)}
        </text>
        <text x={W} y={H + 12} text-anchor="end">
          {day(to, true)}
        </text>
      </svg>
      <figcaption>
        <span class="key down">{t('daily.down')}</span>
        <span class="key up">{t('daily.up')}</span>
      </figcaption>
      <table class="sr-only">
        <caption>{t('daily.title')}</caption>
        <tr>
          <th>{t('daily.day')}</th>
          <th>{t('daily.down')}</th>
          <th>{t('daily.up')}</th>
        </tr>
        {days
          .filter((d) => d.date <= counted)
          .map((d) => (
          <tr>
            <td>{day(d.date, true)}</td>
            <td>{formatBytes(d.down)}</td>
            <td>{formatBytes(d.up)}</td>
          </tr>
          ))}
      </table>
    </figure>
  );
}
