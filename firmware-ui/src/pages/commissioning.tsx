// The installer's last step: finish commissioning. The daemon records the device, SIM,
// versions, plan, APN, best and final signal and a connection check; the record stays on the
// router and downloads as a printable page.
import { useState } from 'preact/hooks';
import type { RecordJson } from '../api.ts';
import { currentLang, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';
import { Field, Form, useLoad } from '../ui.tsx';

export function Commissioning() {
  const [, state] = useApp();
  const [loaded] = useLoad((api) => api.get('/api/commissioning'));
  const [made, setMade] = useState<RecordJson | null>(null);
  const r = made ?? loaded?.record ?? null;
  return (
    <Form
      title="commissioning.title"
      intro="commissioning.intro"
      submit="commissioning.finish"
      onSubmit={async (data) => setMade((await state.api.send('POST /api/commissioning', { done: true, notes: String(data.get('notes')) })).record)}
    >
      <Field name="notes" label="commissioning.notes" required={false}>
        <textarea name="notes" maxLength={2000} rows={3} />
      </Field>
      {r && (
        <p class={r.tests.every((s) => s.ok) ? 'ok' : 'error'} role="status">
          {t(r.tests.every((s) => s.ok) ? 'commissioning.passed' : 'commissioning.failed', { at: new Date(r.at).toLocaleString() })}{' '}
          <a href={`/api/commissioning/record.html?lang=${currentLang()}`} download>
            {t('commissioning.print')}
          </a>
        </p>
      )}
    </Form>
  );
}
