// npm run build: the UI into dist/www, then the daemon bundle once build/daemon.ts exists.
import { existsSync } from 'node:fs';
import { buildUi } from './ui.ts';

await buildUi('dist/www');
console.log('ui: dist/www');

const daemonModule = new URL('./daemon.ts', import.meta.url);
if (existsSync(daemonModule)) {
  const { buildDaemon } = (await import(daemonModule.href)) as { buildDaemon: () => Promise<void> };
  await buildDaemon();
} else {
  console.log('daemon: skipped, build/daemon.ts does not exist yet');
}
