// The installer's audit log: who changed what, newest first, in the plan's time zone.
// The events are the daemon's own English sentences.
import { en } from '../i18n/en/audit.ts';
import { formatDate, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Loading, Table, useLoad } from '../ui.tsx';

strings(en);

export function Audit() {
  const [{ status }] = useApp();
  const [log, error] = useLoad((api) => api.get('/api/audit'));
  const tz = status?.usage.timeZone ?? 'UTC';
  return (
    <Card title="nav.audit" h1>
      {!log ? (
        <Loading error={error} />
      ) : log.entries.length ? (
        <Table
          class="audit"
          head={[t('au.time'), t('au.role'), t('au.event')]}
          rows={log.entries.map((e) => {
            const role = `r.${e.role}`;
            return [<time datetime={e.at}>{formatDate(e.at, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>, hasKey(role) ? t(role) : e.role, e.event];
          })}
        />
      ) : (
        <p class="muted">{t('au.none')}</p>
      )}
    </Card>
  );
}
