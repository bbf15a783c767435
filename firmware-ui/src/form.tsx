// A form card that submits its fields as FormData and shows the server's error text.
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { errorText } from './error-text.ts';
import { t, type Key } from './i18n/index.ts';

export function Form(props: {
  title: Key;
  submit: Key;
  intro?: Key;
  /** Shown after a successful submission, until the next one. */
  done?: Key;
  /** Empty the fields after a successful submission (passwords). */
  reset?: boolean;
  /** Throw an Error (or let an ApiError through) to show its text. */
  onSubmit: (data: FormData) => Promise<unknown>;
  children: ComponentChildren;
}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        setError('');
        setOk(false);
        try {
          await props.onSubmit(new FormData(form));
          if (props.reset) form.reset();
          setOk(true);
        } catch (err) {
          setError(errorText(err));
        }
        setBusy(false);
      }}
    >
      <h1>{t(props.title)}</h1>
      {props.intro && <p>{t(props.intro)}</p>}
      {props.children}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {ok && props.done && (
        <p class="ok" role="status">
          {t(props.done)}
        </p>
      )}
      <button disabled={busy}>{t(props.submit)}</button>
    </form>
  );
}

export function Field(props: { name: string; label: Key; hint?: Key; type?: 'text' | 'password'; autocomplete: string }) {
  const { label, hint, type, ...input } = props;
  const hintId = useId();
  return (
    <div class="field">
      <label>
        {t(label)}
        {/* preact's input props discriminate on `type`; both kinds here take the same props */}
        <input
          required
          type={(type ?? 'text') as 'text'}
          autocapitalize="off"
          spellcheck={false}
          aria-describedby={hint && hintId}
          {...input}
        />
      </label>
      {hint && <small id={hintId}>{t(hint)}</small>}
    </div>
  );
}
