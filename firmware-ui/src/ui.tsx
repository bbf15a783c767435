// What the pages share (one chunk, loaded with the first page that needs it): a card, a form
// card that shows the server's error, a labelled field with its hint and error, a table, the
// loading line and a loader hook. The overview does not use it, so its load stays small.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { errorText, issuesOf } from './error-text.ts';

export { issuesOf };
import { strings, t, type Key } from './i18n/index.ts';
import { useApp } from './state.ts';

strings({ en: () => import('./i18n/en/shared.ts'), pl: () => import('./i18n/pl/shared.ts') });

/** A card with its heading: `h1` for the page's first. */
export function Card(props: { title: Key; h1?: boolean; class?: string; children: ComponentChildren }) {
  const H = props.h1 ? 'h1' : 'h2';
  return (
    <section class={`card ${props.class ?? ''}`}>
      <H>{t(props.title)}</H>
      {props.children}
    </section>
  );
}

/** "Loading…", or what went wrong. */
export const Loading = ({ error }: { error: string }) => <p class={error ? 'error' : 'muted'}>{error || t('app.loading')}</p>;

/** A line that says what happened: an error (role alert) or a success (role status). */
export const Note = ({ text, ok }: { text: string; ok?: boolean }) =>
  text ? (
    <p class={ok ? 'ok' : 'error'} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  ) : null;

/**
 * Loads once (and every `every` ms): [data, error, reload, set]. A failed reload keeps the
 * data shown and says why.
 */
export function useLoad<T>(load: (api: Api) => Promise<T>, every = 0): [T | null, string, () => Promise<void>, (data: T) => void] {
  const [, state] = useApp();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const reload = () => load(state.api).then((d) => (setData(d), setError('')), (e) => setError(errorText(e)));
  useEffect(() => {
    reload();
    const timer = every && setInterval(reload, every);
    return () => clearInterval(timer);
  }, []);
  return [data, error, reload, setData];
}

/** A form card that submits its fields as FormData and shows the server's error text. */
export function Form(props: {
  title: Key;
  submit: Key;
  h1?: boolean;
  intro?: Key;
  /** Shown after a successful submission, until the next one. */
  done?: Key;
  /** Empty the fields after a successful submission (passwords). */
  reset?: boolean;
  /** Shown under the fields, above the messages and the button. */
  after?: ComponentChildren;
  /** Throw an Error (or let an ApiError through) to show its text. */
  onSubmit: (data: FormData) => Promise<unknown>;
  children: ComponentChildren;
}) {
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState(false);
  const H = props.h1 ? 'h1' : 'h2';
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
      <H>{t(props.title)}</H>
      {props.intro && <p>{t(props.intro)}</p>}
      {props.children}
      {props.after}
      <Note text={error} />
      <Note ok text={ok && props.done ? t(props.done) : ''} />
      <button disabled={busy}>{t(props.submit)}</button>
    </form>
  );
}

type FieldProps = {
  name: string;
  label: Key;
  hint?: Key | undefined;
  /** The server's (or our own) message about this field. */
  issue?: string | undefined;
  hidden?: boolean;
  /** A control of its own (a select); it should take describe(name). Default: an input. */
  children?: ComponentChildren;
  /** The input's own attributes (type, defaultValue, autocomplete, pattern, ...). */
  [attribute: string]: unknown;
};

/** The id of a field's hint and message, for the control's aria-describedby. */
export const describe = (name: string) => ({ name, 'aria-describedby': `${name}-note` });

/** A label around its control, then its hint and message (which describe the control). */
export function Field({ label, hint, issue, hidden, children, ...input }: FieldProps) {
  const name = input.name;
  return (
    <div class="field" hidden={hidden}>
      <label>
        {t(label)}
        {children ?? <input required autocapitalize="off" spellcheck={false} aria-invalid={issue ? true : undefined} {...describe(name)} {...(input as {})} />}
      </label>
      <small id={`${name}-note`}>
        {hint && t(hint)}
        {issue && <span class="error">{issue}</span>}
      </small>
    </div>
  );
}

/** A table: the heading row, then the rows; columns from `num` on are figures (right-aligned). */
export function Table(props: { head: ComponentChildren[]; rows: ComponentChildren[][]; num?: number; class?: string }) {
  const cell = (i: number) => (i >= (props.num ?? 99) ? 'num' : undefined);
  return (
    <table class={props.class}>
      <tr>
        {props.head.map((h, i) => (
          <th class={cell(i)}>{h}</th>
        ))}
      </tr>
      {props.rows.map((r) => (
        <tr>
          {r.map((c, i) => (
            <td class={cell(i)}>{c}</td>
          ))}
        </tr>
      ))}
    </table>
  );
}
