// Forms: a form card that submits its fields and shows what went wrong, a labelled field with
// its hint and the server's message about it, and the line that says what happened. Sign-in and
// setup need only this, not the rest of ui.tsx.
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useRef, useState } from 'preact/hooks';
import { explain, problemsOf, type Problem } from './error-text.ts';
import { strings, t, type Key } from './i18n/index.ts';
import { adopt } from './lazy.ts';
import css from './forms.css?inline';


adopt(css);
strings({ en: () => import('./i18n/en/shared.ts'), pl: () => import('./i18n/pl/shared.ts') });

/** A line that says what happened: an error (role alert) or a success (role status). */
export const Note = ({ text, ok }: { text: string; ok?: boolean }) =>
  text ? (
    <p class={ok ? 'ok' : 'error'} role={ok ? 'status' : 'alert'}>
      {text}
    </p>
  ) : null;

/** What the server said about the fields of the form around a Field. */
const FieldIssues = createContext<Record<string, string>>({});

/**
 * A form card that submits its fields as FormData and shows the server's error text, and every
 * problem it names at its field at once; a problem without a field here is listed under the text.
 */
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
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const [ok, setOk] = useState(false);
  const ref = useRef<HTMLFormElement>(null);
  const fieldNamed = (name: string) => !!name && !!ref.current?.elements.namedItem(name);
  const H = props.h1 ? 'h1' : 'h2';
  return (
    <form
      ref={ref}
      class="card"
      onSubmit={async (e) => {
        e.preventDefault();
        const form = e.currentTarget;
        setBusy(true);
        setError('');
        setProblems([]);
        setOk(false);
        try {
          await props.onSubmit(new FormData(form));
          if (props.reset) form.reset();
          setOk(true);
        } catch (err) {
          setError(await explain(err));
          setProblems(problemsOf(err));
        }
        setBusy(false);
      }}
    >
      <H>{t(props.title)}</H>
      {props.intro && <p>{t(props.intro)}</p>}
      <FieldIssues.Provider value={Object.fromEntries(problems.map((p) => [p.field, p.text]))}>{props.children}</FieldIssues.Provider>
      {props.after}
      <Note text={error} />
      {problems.map((p) => !fieldNamed(p.field) && <Note text={p.path ? `${p.path}: ${p.text}` : p.text} />)}
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
export function Field({ label, hint, issue: given, hidden, children, ...input }: FieldProps) {
  const name = input.name;
  const issue = given ?? useContext(FieldIssues)[name];
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

