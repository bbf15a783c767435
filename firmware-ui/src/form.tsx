// A form card that submits its fields as FormData and shows the server's error text.
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { ApiError } from './api.ts';
import { t, type Key } from './i18n/index.ts';

/** The text to show for a failed call: the server's own message, or ours when it gave none. */
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : t('error.title');
  if (e.status === 0) return t('error.network');
  if (e.status === 429) return t('error.tooMany', { s: e.retryAfter || 60 });
  return e.issues.length ? e.issues.map((i) => i.message).join('. ') : e.message;
}

export function Form(props: {
  title: Key;
  submit: Key;
  intro?: Key;
  /** Throw an Error (or let an ApiError through) to show its text. */
  onSubmit: (data: FormData) => Promise<unknown>;
  children: ComponentChildren;
}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <form
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        setError('');
        try {
          await props.onSubmit(new FormData(e.currentTarget));
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
