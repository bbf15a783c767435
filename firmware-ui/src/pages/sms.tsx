// The modem's text messages, newest first: read and delete; installers can send. The texts
// are the operator's (or anyone's) bytes: rendered as text only.
import { useState } from 'preact/hooks';
import { explain } from '../error-text.ts';
import { formatDate, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Field, Form, Loading, Note, useLoad } from '../ui.tsx';

strings({ en: () => import('../i18n/en/sms.ts'), pl: () => import('../i18n/pl/sms.ts') });

export function Sms() {
  const [{ role, status }, state] = useApp();
  const [list, error, reload] = useLoad((api) => api.get('/api/sms'), 15_000);
  const [failed, setFailed] = useState('');
  const tz = status?.usage.timeZone ?? 'UTC';
  return (
    <>
      <Card title="nav.sms" h1>
        {!list ? (
          <Loading error={error} />
        ) : list.messages.length ? (
          <ul class="plain list">
            {list.messages.map((m) => (
              <li key={m.id}>
                <p class="row">
                  <strong>{t(m.incoming ? 'sms.from' : 'sms.to', { n: m.from })}</strong>
                  {m.time && <time datetime={m.time}>{formatDate(m.time, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>}
                </p>
                <p class="reply" translate={false}>{m.text}</p>
                <button type="button" class="second" onClick={() => state.api.send(`DELETE /api/sms/${m.id}`, {}).then(reload, async (e) => setFailed(await explain(e)))}>
                  {t('sms.delete')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('sms.none')}</p>
        )}
        <Note text={failed} />
      </Card>
      {role == 'installer' && (
        <Form
          title="sms.send"
          submit="sms.send"
          done="sms.sent"
          reset
          onSubmit={async (data) => {
            await state.api.send('POST /api/sms', { to: String(data.get('to')).trim(), text: String(data.get('text')) });
            reload();
          }}
        >
          <Field name="to" label="sms.number" type="tel" autocomplete="off" pattern="\+?[0-9]{3,20}" />
          <Field name="text" label="sms.text">
            <textarea name="text" required maxLength={640} rows={3} aria-describedby="text-note" />
          </Field>
        </Form>
      )}
    </>
  );
}
