// The password (a customer proves the current one; an installer sets the customer's) and
// sign-out.
import { signOut } from '../actions.ts';
import { Field, Form } from '../form.tsx';
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
        title={installer ? 'account.titleInstaller' : 'account.title'}
        intro={installer ? 'account.introInstaller' : undefined}
        submit="account.submit"
        done="account.changed"
        reset
        onSubmit={async (data) => {
          const password = String(data.get('password'));
          if (password !== data.get('password2')) throw new Error(t('account.mismatch'));
          await state.api.changePassword(password, installer ? undefined : String(data.get('current')));
        }}
      >
        {!installer && <Field name="current" type="password" label="account.current" autocomplete="current-password" />}
        <Field name="password" type="password" label="account.new" hint="account.hint" autocomplete="new-password" />
        <Field name="password2" type="password" label="account.new2" autocomplete="new-password" />
      </Form>
      <section class="card">
        <h2>{t('account.signOutTitle')}</h2>
        <p>{t('account.signOutIntro')}</p>
        <button type="button" onClick={() => signOut(state)}>
          {t('nav.signOut')}
        </button>
      </section>
    </>
  );
}
