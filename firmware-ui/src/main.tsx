import { render } from 'preact';
import { App } from './app.tsx';
import { currentLang, setLang } from './i18n/index.ts';
import { createAppState } from './state.ts';

// Load the preferred language before the first paint, so nothing flashes in English.
setLang(currentLang())
  .catch(() => {})
  .then(() => render(<App state={createAppState()} />, document.getElementById('app')!));
