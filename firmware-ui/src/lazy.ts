// A page (or a part shown only sometimes, like the cap banner) as a chunk of its own, loaded on
// first render together with its strings in the current language; and a chunk's own styles. A failed load is thrown during render, so the error boundary around the
// page shows it (and a later render tries again).
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { jsx } from 'preact/jsx-runtime';
import { ready } from './i18n/index.ts';

export function lazy<P extends object = {}>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let component: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  return function Lazy(props: P) {
    const [error, setError] = useState<unknown>(null);
    const [, loaded] = useState(0);
    if (error) throw error;
    if (component) return jsx(component, props);
    loading ??= load().then(async (c) => (await ready(), c));
    loading.then(
      (c) => ((component = c), loaded(1)),
      (e) => ((loading = undefined), setError(e)),
    );
    return null;
  };
}

/**
 * A chunk's own styles, as a constructed sheet: they come with the code that needs them, and
 * the CSP allows no inline <style> (CSSOM is not inline style).
 */
export function adopt(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
