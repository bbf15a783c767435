// The password: a customer proves the current one; an installer sets the customer's.
// Signing out is in the header of every page.
import { Field, Form } from '../ui.tsx';
import { en } from '../i18n/en/account.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings(en);

export function Account() {
  const [{ role }, state] = useApp();
  const installer = role === 'installer';
  return (
    <>
      <Form
        h1
        title={installer ? 'ac.titleInstaller' : 'ac.title'}
        submit="ac.title"
        done="ac.changed"
        reset
        onSubmit={async (data) => {
          const password = String(data.get('password'));
          if (password !== data.get('password2')) throw new Error(t('pw.mismatch'));
          await state.api.send('POST /api/password', { current: installer ? undefined : String(data.get('current')), password });
        }}
      >
        {!installer && <Field name="current" type="password" label="ac.current" autocomplete="current-password" />}
        <Field name="password" type="password" label="pw.new" hint="pw.hint" autocomplete="new-password" />
        <Field name="password2" type="password" label="pw.again" autocomplete="new-password" />
      </Form>
    </>
  );
}
