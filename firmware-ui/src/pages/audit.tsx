// The installer's audit log: who changed what, newest first, in the plan's time zone.
// Events are worded by their code in the reader's language.
import type { AuditEntry } from '../../../device-daemon/src/api/index.ts';
import { formatBytes, formatDate, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading, Table, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/audit.ts'), pl: () => import('../i18n/pl/audit.ts') });

export function Audit() {
  const [{ status }] = useApp();
  const [log, error] = useLoad((api) => api.get('/api/audit'));
  const tz = status?.usage.timeZone ?? 'UTC';
  return (
    <Card title="nav.audit" h1>
      <p>{t('audit.intro')}</p>
      {!log ? (
        <Loading error={error} />
      ) : log.entries.length ? (
        <Table
          class="audit"
          head={[t('audit.time'), t('audit.role'), t('audit.event')]}
          rows={log.entries.map((e) => {
            const role = `role.${e.role}`;
            return [<time datetime={e.at}>{formatDate(e.at, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>, hasKey(role) ? t(role) : e.role, <Event entry={e} />];
          })}
        />
      ) : (
        <p class="muted">{t('audit.none')}</p>
      )}
    </Card>
  );
}

/** An event in the reader's language; one recorded before events had codes keeps its English, marked as such. */
function Event({ entry: e }: { entry: AuditEntry }) {
  const key = `audit.event.${e.code}`;
  if (!e.code || !hasKey(key)) {
    return (
      <>
        {t('audit.event.older')}{' '}
        <span lang="en" translate={false}>
          {e.event}
        </span>
      </>
    );
  }
  const params = e.params ?? {};
  // Device data (names, codes, addresses) is shown as it is.
  return <>{t(key, { ...params, size: typeof params.bytes === 'number' ? formatBytes(params.bytes) : '' })}</>;
}
