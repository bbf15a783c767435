// First boot: the secret from the label opens the forced choice of a password.
import { signedIn } from '../actions.ts';
import { Field, Form } from '../ui.tsx';
import { en } from '../i18n/en/setup.ts';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings(en);

export function Setup() {
  const [, state] = useApp();
  return (
    <Form
      h1
      title="su.title"
      intro="su.intro"
      submit="su.submit"
      onSubmit={async (data) => {
        const password = String(data.get('password'));
        if (password !== data.get('password2')) throw new Error(t('pw.mismatch'));
        signedIn(state, await state.api.setup(String(data.get('secret')).trim(), password));
      }}
    >
      <Field name="secret" label="su.secret" autocomplete="off" />
      <Field name="password" type="password" label="pw.new" hint="pw.hint" autocomplete="new-password" />
      <Field name="password2" type="password" label="pw.again" autocomplete="new-password" />
    </Form>
  );
}
