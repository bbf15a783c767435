// First boot: the secret from the label opens the forced choice of a password.
import { signedIn } from '../actions.ts';
import { Field, Form } from '../form.tsx';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/setup.ts'), pl: () => import('../i18n/pl/setup.ts') });

export function Setup() {
  const [, state] = useApp();
  return (
    <Form
      h1
      title="setup.title"
      intro="setup.intro"
      submit="setup.submit"
      onSubmit={async (data) => {
        const password = String(data.get('password'));
        if (password !== data.get('password2')) throw new Error(t('password.mismatch'));
        signedIn(state, await state.api.setup(String(data.get('secret')).trim(), password));
      }}
    >
      <Field name="secret" label="setup.secret" autocomplete="off" />
      <Field name="password" type="password" label="password.new" hint="password.hint" autocomplete="new-password" />
      <Field name="password2" type="password" label="password.again" autocomplete="new-password" />
    </Form>
  );
}
