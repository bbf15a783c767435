import { signedIn } from '../actions.ts';
import { Field, Form } from '../ui.tsx';
import { en } from '../i18n/en/setup.ts';
import { strings } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings(en);

export function SignIn() {
  const [, state] = useApp();
  return (
    <Form
      h1
      title="si.title"
      submit="si.submit"
      onSubmit={async (data) => signedIn(state, await state.api.signIn(String(data.get('password'))))}
    >
      <Field name="password" type="password" label="pw.password" autocomplete="current-password" />
    </Form>
  );
}
