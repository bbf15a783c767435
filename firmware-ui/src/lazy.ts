// Loads a page's chunk on first render. A failed load is thrown during render, so the
// error boundary around the page shows it.
import { h, type ComponentType } from 'preact';
import { useState } from 'preact/hooks';

export function lazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  let component: ComponentType<P> | undefined;
  let error: unknown;
  let loading: Promise<void> | undefined;
  return function Lazy(props: P) {
    const [, loaded] = useState(0);
    if (error) throw error;
    if (component) return h(component, props);
    loading ??= load().then(
      (c) => void (component = c),
      (e) => void (error = e),
    );
    loading.then(() => loaded((n) => n + 1));
    return null;
  };
}
