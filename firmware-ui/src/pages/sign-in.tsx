import { signedIn } from '../actions.ts';
import { Field, Form } from '../form.tsx';
import { en } from '../i18n/en/sign-in.ts';
import { strings } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings(en);

export function SignIn() {
  const [, state] = useApp();
  return (
    <Form
      title="signIn.title"
      submit="signIn.submit"
      onSubmit={async (data) => signedIn(state, await state.api.signIn(String(data.get('password'))))}
    >
      <Field name="password" type="password" label="signIn.password" autocomplete="current-password" />
    </Form>
  );
}
