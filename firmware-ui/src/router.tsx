// A tiny router on the history API. The daemon serves index.html for every non-API path,
// so deep links and reloads work.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function navigate(to: string, replace = false): void {
  if (to === location.pathname) return;
  history[replace ? 'replaceState' : 'pushState'](null, '', to);
  dispatchEvent(new PopStateEvent('popstate'));
}

/** The current path; re-renders the caller when it changes. */
export function usePath(): string {
  const [path, setPath] = useState(location.pathname);
  useEffect(() => {
    const update = () => setPath(location.pathname);
    addEventListener('popstate', update);
    return () => removeEventListener('popstate', update);
  }, []);
  return path;
}

/** An <a> that navigates without reloading; modified clicks still open a new tab. */
export function Link(props: { href: string; class?: string; children: ComponentChildren }) {
  const current = usePath() === props.href;
  return (
    <a
      {...props}
      aria-current={current ? 'page' : undefined}
      onClick={(e) => {
        if (e.button || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(props.href);
      }}
    />
  );
}
