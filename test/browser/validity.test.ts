// A prepaid plan's overview in chromium, on the built daemon: the days of validity
// left while funds are valid, and, once validity has ended, that it ended, that
// what was left is gone, and how to top up (Milo Telecom, 002_339516d54929f7eb.txt:
// funds valid 180 days after each top-up). Sizes show in the plan's unit family.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { defaultConfig, repo, signInCustomer, startDaemonProcess } from '../../build/daemon-process.ts';

const validity = suite('prepaid validity on the overview');
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`] });
if (reason) console.log(`  skipping prepaid validity browser tests: ${reason}`);
const test = reason ? validity.skip : validity;
const PASSWORD = 'customer-password-1';

let browser: Browser;
validity.before(async () => {
  if (!reason) browser = await launchBrowser();
});
validity.after(async () => {
  await browser?.close();
});

/** The shipped config with a prepaid plan: cap 5GB (powers of ten), funds valid `days` from `anchor`. */
function prepaidConfig(anchor: string, days: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'modem-admin-prepaid-')), 'modem-admin');
  const text = readFileSync(defaultConfig, 'utf8')
    .replace("option cycle 'monthly'", `option cycle 'prepaid'\n\toption cycle_days '${days}'\n\toption cycle_anchor '${anchor}'`)
    .replace("option timezone 'Europe/Warsaw'", "option timezone 'UTC'")
    .replace("option cap '20G'", "option cap '5GB'");
  writeFileSync(file, text);
  return file;
}

async function overviewText(config: string, name: string): Promise<{ text: string; status: { usage: { validity: unknown } } }> {
  const daemon = await startDaemonProcess({ config });
  try {
    const session = await signInCustomer(daemon, PASSWORD);
    const status = (await (await fetch(`${daemon.url}/api/status`, { headers: { cookie: session.cookie } })).json()) as { usage: { validity: unknown } };
    const tp = await openPage(browser, { baseURL: daemon.url });
    try {
      await tp.page.goto('/');
      await tp.page.waitForURL('**/sign-in');
      await tp.page.getByLabel('Password').fill(PASSWORD);
      await tp.page.getByRole('button', { name: 'Sign in' }).click();
      await tp.page.locator('.validity').waitFor();
      await tp.screenshot(`prepaid-${name}`);
      assert.equal(tp.errors, []);
      return { text: (await tp.page.locator('.usage').textContent()) ?? '', status };
    } finally {
      await tp.close();
    }
  } finally {
    await daemon.dispose();
  }
}

test('funds valid 180 days from today: the overview says 180 days of validity left, and the allowance in GB', async () => {
  const today = new Date().toISOString().slice(0, 10);
  const { text, status } = await overviewText(prepaidConfig(today, 180), 'valid');
  assert.match(text, /180 days of validity left/);
  // Today is the first of the 180 days: the last is 179 days later.
  const last = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.now() + 179 * 86_400_000));
  assert.match(text, new RegExp(`Valid through ${last}`));
  assert.match(text, /of 5\sGB/);
  assert.is((status.usage.validity as { lapsed: boolean }).lapsed, false);
});

test('validity that ended long ago: the overview says it ended, that what was left is gone, and how to top up', async () => {
  const { text, status } = await overviewText(prepaidConfig('2020-01-01', 30), 'ended');
  assert.match(text, /prepaid validity ended on 31 January/);
  assert.match(text, /data that was left is gone/);
  assert.match(text, /Top up to use the internet again/);
  assert.not.match(text, /Left|of 0|nearly used up/, 'no allowance to measure against');
  assert.equal(status.usage.validity, { endsAt: '2020-01-31T00:00:00.000Z', daysLeft: 0, lapsed: true });
});

validity.run();
