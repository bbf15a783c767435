// Sign-in. After repeated wrong passwords the modem makes this client wait: the wait counts
// down here, second by second, and the form sends nothing until it is over.
import { useEffect, useState } from 'preact/hooks';
import { signedIn } from '../actions.ts';
import { ApiError } from '../api.ts';
import { Field, Form } from '../form.tsx';
import { strings, t } from '../i18n/index.ts';
import { useApp } from '../state.ts';

strings({ en: () => import('../i18n/en/setup.ts'), pl: () => import('../i18n/pl/setup.ts') });

export function SignIn() {
  const [, state] = useApp();
  const [wait, setWait] = useState(0);
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setWait(wait - 1), 1000);
    return () => clearTimeout(timer);
  }, [wait]);
  return (
    <Form
      h1
      title="signIn.title"
      submit="signIn.submit"
      after={
        wait > 0 && (
          <p class="error" role="timer">
            {t('signIn.wait', { n: wait })}
          </p>
        )
      }
      onSubmit={async (data) => {
        if (wait > 0) return;
        try {
          signedIn(state, await state.api.signIn(String(data.get('password'))));
        } catch (e) {
          if (!(e instanceof ApiError) || e.status !== 429) throw e;
          setWait(e.retryAfter || 60);
        }
      }}
    >
      <Field name="password" type="password" label="password.password" autocomplete="current-password" />
    </Form>
  );
}
