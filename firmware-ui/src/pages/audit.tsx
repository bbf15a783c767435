// The installer's audit log: who changed what, newest first, in the plan's time zone.
// The events are the daemon's own English sentences.
import { useEffect, useState } from 'preact/hooks';
import type { AuditJson } from '../api.ts';
import { errorText } from '../error-text.ts';
import { en } from '../i18n/en/audit.ts';
import { formatDate, hasKey, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import './usage.css';

strings(en);

export function Audit() {
  const [{ status }, state] = useApp();
  const [entries, setEntries] = useState<AuditJson['entries'] | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    state.api.audit().then((a) => setEntries(a.entries), (e) => setError(errorText(e)));
  }, [state]);
  const tz = status?.usage.timeZone ?? 'UTC';
  return (
    <section class="card">
      <h1>{t('audit.title')}</h1>
      <p>{t('audit.intro')}</p>
      {error && <p class="error">{error}</p>}
      {!entries ? (
        !error && <p class="muted">{t('app.loading')}</p>
      ) : entries.length ? (
        <table class="audit">
          <tr>
            <th>{t('audit.time')}</th>
            <th>{t('audit.role')}</th>
            <th>{t('audit.event')}</th>
          </tr>
          {entries.map((e) => {
            const role = `role.${e.role}`;
            return (
              <tr>
                <td>
                  <time datetime={e.at}>{formatDate(e.at, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>
                </td>
                <td>{hasKey(role) ? t(role) : e.role}</td>
                <td>{e.event}</td>
              </tr>
            );
          })}
        </table>
      ) : (
        <p class="muted">{t('audit.none')}</p>
      )}
    </section>
  );
}
