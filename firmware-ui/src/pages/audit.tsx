// The installer's audit log: who changed what, newest first, in the plan's time zone.
// Events with a key are translated (ev.<key>); others are the daemon's English sentences.
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
            // Entries with a key are said in the reader's language; older ones in the daemon's English.
            const ev = `ev.${e.key}`;
            return [<time datetime={e.at}>{formatDate(e.at, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>, hasKey(role) ? t(role) : e.role, e.key && hasKey(ev) ? t(ev, e.params) : e.event];
          })}
        />
      ) : (
        <p class="muted">{t('au.none')}</p>
      )}
    </Card>
  );
}
