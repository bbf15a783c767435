import { signedIn } from '../actions.ts';
import { Field, Form } from '../form.tsx';
import { useApp } from '../state.ts';

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
