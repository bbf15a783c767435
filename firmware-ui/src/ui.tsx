// What the pages share (one chunk, loaded with the first page that needs it): a card, a table,
// the loading line and a loader hook, and the forms (form.tsx, re-exported). The overview does
// not use it, so its load stays small.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Api } from './api.ts';
import { explain } from './error-text.ts';
export { issuesOf } from './error-text.ts';
import { t, type Key } from './i18n/index.ts';
import { useApp } from './state.ts';
import './cards.ts';
import { adopt } from './lazy.ts';
import css from './pages.css?inline';

export { describe, Field, Form, Note } from './form.tsx';

adopt(css);

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

/**
 * Loads once (and every `every` ms): [data, error, reload, set]. A failed reload keeps the
 * data shown and says why.
 */
export function useLoad<T>(load: (api: Api) => Promise<T>, every = 0): [T | null, string, () => Promise<void>, (data: T) => void] {
  const [, state] = useApp();
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  const reload = () => load(state.api).then((d) => (setData(d), setError('')), async (e) => setError(await explain(e)));
  useEffect(() => {
    reload();
    const timer = every && setInterval(reload, every);
    return () => clearInterval(timer);
  }, []);
  return [data, error, reload, setData];
}

/**
 * A table: the heading row, then the rows; columns from `num` on are figures (right-aligned).
 * On a phone each row becomes a stacked block, every cell labelled by its column's heading.
 */
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
            <td class={cell(i)} data-label={typeof props.head[i] === 'string' ? props.head[i] : undefined}>
              {c}
            </td>
          ))}
        </tr>
      ))}
    </table>
  );
}
