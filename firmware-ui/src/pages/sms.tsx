// The modem's text messages, newest first: read and delete; installers can send. The texts
// are the operator's (or anyone's) bytes: rendered as text only.
import { useState } from 'preact/hooks';
import { errorText } from '../error-text.ts';
import { en } from '../i18n/en/sms.ts';
import { formatDate, strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Card, Field, Form, Loading, Note, useLoad } from '../ui.tsx';

strings(en);

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
                  <strong>{t(m.incoming ? 's.from' : 's.to', { n: m.from })}</strong>
                  {m.time && <time datetime={m.time}>{formatDate(m.time, tz, { dateStyle: 'short', timeStyle: 'short' })}</time>}
                </p>
                <p class="reply">{m.text}</p>
                <button type="button" class="second" onClick={() => state.api.send(`DELETE /api/sms/${m.id}`, {}).then(reload, (e) => setFailed(errorText(e)))}>
                  {t('s.delete')}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t('s.none')}</p>
        )}
        <Note text={failed} />
      </Card>
      {role == 'installer' && (
        <Form
          title="s.send"
          submit="s.send"
          done="s.sent"
          reset
          onSubmit={async (data) => {
            await state.api.send('POST /api/sms', { to: String(data.get('to')).trim(), text: String(data.get('text')) });
            reload();
          }}
        >
          <Field name="to" label="s.number" type="tel" autocomplete="off" pattern="\+?[0-9]{3,20}" />
          <Field name="text" label="s.text">
            <textarea name="text" required maxLength={640} rows={3} aria-describedby="text-note" />
          </Field>
        </Form>
      )}
    </>
  );
}
