// What a customer checks on a phone: how much data is used and left, first and big; then
// days left, the connection, and that the operator's count is the billed one. Live (the
// layout follows the status; the banner above shows the cap and notices).
import type { Status } from '../../../device-daemon/src/api/index.ts';
import { en } from '../i18n/en/overview.ts';
import { formatBytes, formatDate, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings(en);

export function Overview() {
  const [{ status, lost }] = useApp();
  if (!status) return <p class="muted">{t(lost ? 'l.lost' : 'ap.loading')}</p>;
  return (
    <>
      <Usage status={status} />
      <Connection connection={status.connection} />
    </>
  );
}

function Usage({ status: { usage: u, timeTrusted, plan } }: { status: Status }) {
  const date = formatDate(u.cycleEnd, u.timeZone);
  // Sizes in the family the plan is written in ("20GB" in GB, "20GiB" in GiB).
  const size = (bytes: number) => formatBytes(bytes, plan.units);
  const share = u.allowance ? Math.min(1, u.total / u.allowance) : 0;
  // Prepaid validity that ended leaves no allowance to measure against: only what was used shows.
  const lapsed = u.validity?.lapsed === true;
  return (
    <section class={`card usage ${u.state}`}>
      <h1>{t('u.title')}</h1>
      <div class="figures">
        <Figure class="used" label="u.used" bytes={u.total} size={size} />
        {lapsed ? null : u.overCap && u.allowance !== null ? (
          <Figure class="left" label="u.over" bytes={u.total - u.allowance} size={size} />
        ) : (
          u.left !== null && <Figure class="left" label="u.left" bytes={u.left} size={size} />
        )}
      </div>
      {lapsed ? null : u.allowance === null ? (
        <p>{t('u.noCap')}</p>
      ) : (
        <>
          <div
            class="meter"
            role="meter"
            aria-label={t('u.used')}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(share * 100)}
          >
            <div style={{ width: `${share * 100}%` }} />
          </div>
          <p class="row">
            <span>{t('u.of', { total: size(u.allowance) })}</span>
            <strong class="state">{t(`u.state.${u.state}`)}</strong>
          </p>
        </>
      )}
      {u.validity ? (
        // Prepaid: the period is the funds' validity, moved by each top-up.
        u.validity.lapsed ? (
          <p class="validity ended" role="status">
            {t('u.validity.ended', { date: formatDate(u.validity.endsAt, u.timeZone) })}
          </p>
        ) : (
          <p class="row validity">
            <strong>{t('u.validity.left', { n: u.validity.daysLeft })}</strong>
            {/* endsAt is the first instant without validity: the last valid day is the one before it. */}
            <span>{t('u.validity.until', { date: formatDate(new Date(Date.parse(u.validity.endsAt) - 1).toISOString(), u.timeZone) })}</span>
          </p>
        )
      ) : (
        <p class="row">
          <strong>{t('u.daysLeft', { n: u.daysLeft })}</strong>
          <span>{t('u.resets', { date })}</span>
        </p>
      )}
      <p class="note">{t('u.billed')}</p>
      {!timeTrusted && <p class="note">{t('u.clock')}</p>}
    </section>
  );
}

function Figure(props: { class: string; label: 'u.used' | 'u.left' | 'u.over'; bytes: number; size: (bytes: number) => string }) {
  return (
    <p class={props.class}>
      {t(props.label)}
      <data value={props.bytes}>{props.size(props.bytes)}</data>
    </p>
  );
}

function Connection({ connection: c }: { connection: Status['connection'] }) {
  return (
    <section class="card">
      <h2>{t('c.title')}</h2>
      <p class={`conn ${c.state}`}>
        {t(`c.state.${c.state}`)}
        {c.roaming && <span class="badge">{t('c.roaming')}</span>}
      </p>
      <dl>
        <dt>{t('c.operator')}</dt>
        <dd>{c.operator ?? '–'}</dd>
        <dt>{t('c.network')}</dt>
        <dd>{c.technology ? network(c.technology) : '–'}</dd>
        <dt>{t('nav.signal')}</dt>
        <dd>
          <span class="bars" role="img" aria-label={t('c.bars', { n: c.bars })}>
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
