// What a customer checks on a phone: how much data is used and left, first and big; then
// days left, near the cap when it would run out and what a day may use, the connection (which
// says when the cap slows or stops it), and that the operator's count is the billed one. Live
// (the layout follows the status; the banner above shows the cap and notices).
import type { Status } from '../../../device-daemon/src/api/index.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { Link } from '../router.tsx';
import { useApp } from '../state.ts';
import '../cards.ts';

strings({ en: () => import('../i18n/en/overview.ts'), pl: () => import('../i18n/pl/overview.ts') });

export function Overview() {
  const [{ status, lost }] = useApp();
  if (!status) return <p class="muted">{t(lost ? 'app.lost' : 'app.loading')}</p>;
  return (
    <>
      <Usage status={status} />
      <Connection status={status} />
      <p class="card">
        <Link href="/why">{t('why.link')}</Link>
      </p>
    </>
  );
}

function Usage({ status }: { status: Status }) {
  const { usage: u, timeTrusted } = status;
  const date = formatDate(u.cycleEnd, u.timeZone);
  const share = u.allowance ? Math.min(1, u.total / u.allowance) : 0;
  // Prepaid validity that ended leaves no allowance to measure against: only what was used shows.
  const lapsed = u.validity?.lapsed === true;
  return (
    <section class={`card usage ${u.state}`}>
      <h1>{t('usage.title')}</h1>
      <div class="figures">
        <Figure class="used" label="usage.used" bytes={u.total} />
        {lapsed ? null : u.overCap && u.allowance !== null ? (
          <Figure class="left" label="usage.over" bytes={u.total - u.allowance} />
        ) : (
          u.left !== null && <Figure class="left" label="usage.left" bytes={u.left} />
        )}
      </div>
      {lapsed ? null : u.allowance === null ? (
        <p>{t('usage.noCap')}</p>
      ) : (
        <>
          <div
            class="meter"
            role="meter"
            aria-label={t('usage.used')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <div style={{ width: `${share * 100}%` }} />
          </div>
          <p class="row">
            <span>{t('usage.of', { total: formatBytes(u.allowance) })}</span>
            <strong class="state">{t(`usage.state.${u.state}`)}</strong>
          </p>
        </>
      )}
      {u.validity ? (
        // Prepaid: the period is the funds' validity, moved by each top-up.
        u.validity.lapsed ? (
          <p class="validity ended" role="status">
            {t('validity.ended', { date: formatDate(u.validity.endsAt, u.timeZone) })}
          </p>
        ) : (
          <p class="row validity">
            <strong>{t('validity.left', { n: u.validity.daysLeft })}</strong>
            {/* endsAt is the first instant without validity: the last valid day is the one before it. */}
            <span>{t('validity.until', { date: formatDate(new Date(Date.parse(u.validity.endsAt) - 1).toISOString(), u.timeZone) })}</span>
          </p>
        )
      ) : (
        <p class="row">
          <strong>{t('usage.daysLeft', { n: u.daysLeft })}</strong>
          <span>{t('usage.resets', { date })}</span>
        </p>
      )}
      {u.state === 'warning' && <Forecast status={status} />}
      <p class="note">{t('usage.billed')}</p>
      {!timeTrusted && <p class="note">{t('usage.clock')}</p>}
    </section>
  );
}

const DAY = 86_400_000;

/**
 * Near the cap (from the first alert threshold): when the data runs out at this period's pace,
 * and how much a day may use to last until the reset.
 */
function Forecast({ status: { usage: u, time } }: { status: Status }) {
  const now = Date.parse(time);
  const end = Date.parse(u.cycleEnd);
  const perDay = u.total / Math.max(1, (now - Date.parse(u.cycleStart)) / DAY);
  const runOut = perDay > 0 && u.left !== null ? now + (u.left / perDay) * DAY : Infinity;
  const days = Math.max(1, (end - now) / DAY);
  return (
    <div class="forecast">
      <p>{runOut < end ? t('usage.runsOut', { date: formatDate(runOut, u.timeZone) }) : t('usage.lasts')}</p>
      {u.left !== null && <p>{t('usage.budget', { size: formatBytes(u.left / days) })}</p>}
    </div>
  );
}

function Figure(props: { class: string; label: 'usage.used' | 'usage.left' | 'usage.over'; bytes: number }) {
  return (
    <p class={props.class}>
      {t(props.label)}
      <data value={props.bytes}>{formatBytes(props.bytes)}</data>
    </p>
  );
}

function Connection({ status: { connection: c, usage: u } }: { status: Status }) {
  // Connected but throttled or stopped by the cap is not "Connected" in green: say what the customer gets.
  const capped = c.state === 'connected' && (u.state === 'throttled' || u.state === 'blocked');
  return (
    <section class="card">
      <h2>{t('connection.title')}</h2>
      <p class={`conn ${capped ? u.state : c.state}`}>
        {capped ? t(`connection.capped.${u.state as 'throttled' | 'blocked'}`) : t(`connection.state.${c.state}`)}
        {c.roaming && <span class="badge">{t('connection.roaming')}</span>}
      </p>
      <dl>
        <dt>{t('connection.operator')}</dt>
        <dd translate={false}>{c.operator ?? '–'}</dd>
        <dt>{t('connection.network')}</dt>
        <dd>{c.technology ? network(c.technology) : '–'}</dd>
        <dt>{t('nav.signal')}</dt>
        <dd>
          <span class="bars" role="img" aria-label={t('connection.bars', { n: c.bars })}>
            {[1, 2, 3, 4, 5].map((i) => (
              <i class={i <= c.bars ? 'on' : undefined} style={`height:${i * 20}%`} />
            ))}
          </span>
        </dd>
      </dl>
    </section>
  );
}

/** ModemManager's technology names ("lte", "hspa-plus") as phones show them: "4G (LTE)". */
function network(technology: string): string {
  const g = /5g/.test(technology) ? 5 : /lte/.test(technology) ? 4 : /umts|hs|evdo/.test(technology) ? 3 : /gsm|gprs|edge/.test(technology) ? 2 : 0;
  const name = technology.toUpperCase();
  return g ? `${g}G (${name})` : name;
}
