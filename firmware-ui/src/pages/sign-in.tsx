import { signedIn } from '../actions.ts';
import { Field, Form } from '../form.tsx';
import { strings } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/setup.ts'), pl: () => import('../i18n/pl/setup.ts') });

export function SignIn() {
  const [, state] = useApp();
  return (
    <Form
      h1
      title="signIn.title"
      submit="signIn.submit"
      onSubmit={async (data) => signedIn(state, await state.api.signIn(String(data.get('password'))))}
    >
      <Field name="password" type="password" label="password.password" autocomplete="current-password" />
    </Form>
  );
}
