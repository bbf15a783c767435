// The password: a customer proves the current one; an installer sets the customer's.
// Signing out is in the header of every page.
import { Field, Form } from '../ui.tsx';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/account.ts'), pl: () => import('../i18n/pl/account.ts') });

export function Account() {
  const [{ role }, state] = useApp();
  const installer = role === 'installer';
  return (
    <>
      <Form
        h1
        title={installer ? 'account.titleInstaller' : 'account.title'}
        intro={installer ? 'account.introInstaller' : undefined}
        submit="account.title"
        done="account.changed"
        reset
        onSubmit={async (data) => {
          const password = String(data.get('password'));
          if (password !== data.get('password2')) throw new Error(t('password.mismatch'));
          await state.api.send('POST /api/password', { current: installer ? undefined : String(data.get('current')), password });
        }}
      >
        {!installer && <Field name="current" type="password" label="account.current" autocomplete="current-password" />}
        <Field name="password" type="password" label="password.new" hint="password.hint" autocomplete="new-password" />
        <Field name="password2" type="password" label="password.again" autocomplete="new-password" />
      </Form>
    </>
  );
}
