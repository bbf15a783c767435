// Runs every suite (test/**/*.test.ts) in its own Node process, so that a suite
// that needs root, chromium or qemu cannot disturb the others, and sums uvu's
// per-suite counts into one closing line: "N passed, N failed".
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('.', import.meta.url).pathname;

function findSuites(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === 'fixtures' || name.startsWith('.') ? [] : findSuites(path);
      return name.endsWith('.test.ts') ? [path] : [];
    });
}

type Counts = { passed: number; failed: number; skipped: number };

/** A suite may run this long; one that hangs is killed and counted as failed. */
const SUITE_TIMEOUT_MS = Number(process.env.SUITE_TIMEOUT_MS ?? 10 * 60_000);
/** After uvu has printed its totals, a suite must exit within this (open handles keep it alive). */
const EXIT_GRACE_MS = 30_000;

function runSuite(file: string): Promise<Counts & { code: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let grace: NodeJS.Timeout | undefined;
    const kill = (why: string) => {
      console.log(`\n${why}: killing ${file}`);
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    };
    const limit = setTimeout(() => kill(`still running after ${SUITE_TIMEOUT_MS / 1000} s`), SUITE_TIMEOUT_MS);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      process.stdout.write(chunk);
      if (!grace && /Duration:/.test(out)) grace = setTimeout(() => kill(`did not exit ${EXIT_GRACE_MS / 1000} s after its totals`), EXIT_GRACE_MS);
    });
    child.on('close', (code) => {
      clearTimeout(limit);
      clearTimeout(grace);
      const num = (label: string) => Number(new RegExp(`${label}:\\s+(\\d+)`).exec(out)?.[1] ?? 0);
      const total = num('Total');
      const passed = num('Passed');
      const skipped = num('Skipped');
      resolve({ passed, skipped, failed: total - passed - skipped, code: code ?? 1 });
    });
  });
}

const filters = process.argv.slice(2);
const suites = findSuites(root).filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)));
const sum: Counts = { passed: 0, failed: 0, skipped: 0 };
const broken: string[] = [];
for (const file of suites) {
  const name = relative(root, file);
  console.log(`\n# ${name}`);
  const result = await runSuite(file);
  sum.passed += result.passed;
  sum.failed += result.failed;
  sum.skipped += result.skipped;
  // A suite that crashed before uvu printed its totals still counts as a failure.
  if (result.code !== 0 && result.failed === 0) {
    sum.failed += 1;
    broken.push(name);
  }
}
if (broken.length) console.log(`\nsuites that exited with an error: ${broken.join(', ')}`);
console.log(`\n${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ''}`);
process.exit(sum.failed > 0 ? 1 : 0);
