// The size budgets of build/budgets.json, checked on the build `npm test` just
// made: the UI (every file, both languages), what the overview loads, and the
// daemon (at start, and with every feature). Never raise a budget to pass.
import { existsSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { measureSizes, overBudget } from '../../build/size.ts';

const budgets = suite('size budgets');
const dist = new URL('../../dist/', import.meta.url).pathname;

budgets('the build is there to measure', () => {
  assert.ok(existsSync(`${dist}/ui-manifest.json`), 'npm test builds before it tests');
  assert.ok(existsSync(`${dist}/daemon-files.json`));
});

budgets('every budget holds', () => {
  const sizes = measureSizes(dist);
  assert.ok(sizes.daemon && sizes.daemonAll, 'the daemon was measured');
  assert.ok(sizes.ui.gzip > 0);
  assert.equal(sizes.landings.map((l) => l.file).sort(), ['landing on overview (en)', 'landing on overview (pl)', 'landing on setup (en)', 'landing on setup (pl)', 'landing on sign-in (en)', 'landing on sign-in (pl)']);
  assert.ok(sizes.pages.length >= 2 * 10, 'every other page is measured in both languages');
  assert.equal(overBudget(sizes), []);
});

budgets.run();
