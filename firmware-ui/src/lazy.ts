// Loads a page's chunk on first render. A failed load is thrown during render, so the
// error boundary around the page shows it.
import type { ComponentType } from 'preact';
import { useState } from 'preact/hooks';
import { jsx } from 'preact/jsx-runtime';

export function lazy(load: () => Promise<ComponentType>): ComponentType {
  let component: ComponentType | undefined;
  let error: unknown;
  let loading: Promise<void> | undefined;
  return function Lazy() {
    const [, loaded] = useState(0);
    if (error) throw error;
    if (component) return jsx(component, {});
    loading ??= load().then(
      (c) => void (component = c),
      (e) => void (error = e),
    );
    loading.then(() => loaded(1));
    return null;
  };
}
