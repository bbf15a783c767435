// Catches what a page throws while rendering (or a chunk that failed to load), so the
// header and navigation stay usable.
import { Component, type ComponentChildren } from 'preact';
import { t } from './i18n/index.ts';

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error?: unknown }> {
  static override getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    console.warn('page failed', error);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <section class="card" role="alert">
        <h1>{t('error.title')}</h1>
        <button type="button" onClick={() => location.reload()}>
          {t('error.reload')}
        </button>
      </section>
    );
  }
}
