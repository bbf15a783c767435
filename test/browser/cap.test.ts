// At the cap, in chromium: the banner on every page says why, until when (in the plan's time
// zone) and how to get more data; a customer is told whom to ask, an installer's top-up
// lifts the cap and the banner goes, also from the customer's open page. A temp config with
// a 1 MB cap: the simulated traffic crosses it in seconds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { defaultConfig, signInCustomer, repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { checker, installerPassword, signIn } from './ui.ts';

const PASSWORD = 'customer-password-1';
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, defaultConfig] });

let daemon: DaemonProcess;
let browser: Browser;
let installer = '';
let dir = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip('the cap banner in chromium', () => {});
} else {
  test.before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modem-admin-cap-'));
    const config = join(dir, 'modem-admin');
    // A zone far from the test machine's, so a date in the browser's zone would show.
    // Sizes in GB and MB (powers of ten), as Unwired writes its "512MB or 1024 MB" top-ups: every size shows in that family.
    const text = readFileSync(defaultConfig, 'utf8')
      .replace(/option cap '[^']*'/, "option cap '1MB'")
      .replace(/'(512|1024)M'/g, "'$1MB'")
      .replace(/option timezone '[^']*'/, "option timezone 'Pacific/Kiritimati'");
    writeFileSync(config, text);
    daemon = await startDaemonProcess({ config });
    installer = await installerPassword(daemon.output);
    await signInCustomer(daemon, PASSWORD);
    browser = await launchBrowser();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  check('the cap banner is worded in the language the user chose', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.locator('.banner.blocking').waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
    await page.getByText(/Dane na ten okres się skończyły: internet jest bardzo wolny/).waitFor();
    await page.getByRole('button', { name: 'Kup 512 MB' }).waitFor();
    await page.getByRole('link', { name: 'Zużycie' }).click();
    await page.getByRole('img', { name: 'Dane dziennie' }).waitFor();
    await tp.screenshot('usage-pl');
    assert.equal(tp.errors, []);
  });

  check('the banner appears at the cap on every page, and an installer top-up removes it', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    const banner = page.locator('.banner.blocking');
    await banner.waitFor({ timeout: 60_000 });
    const status = await (await page.request.get('/api/status')).json();
    const reset = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'Pacific/Kiritimati' }).format(new Date(status.usage.cycleEnd));
    const text = (await banner.textContent()) ?? '';
    assert.match(text, /Your data for this period is used up: the internet is very slow \(enough for messages, not video\)/);
    assert.not.match(text, /kbit/, 'no rates a customer cannot read');
    assert.ok(text.includes(`until ${reset}`), `the reset date in the plan's zone (${reset}): ${text}`);
    await banner.getByRole('button', { name: 'Buy 512 MB' }).waitFor();
    assert.is(await banner.getByRole('button', { name: /^Add/ }).count(), 0, 'a customer cannot add a free top-up');
    assert.match((await page.locator('.conn').textContent()) ?? '', /Connected, but very slow: your data is used up/);
    assert.ok(await page.getByText(`Resets on ${reset}`).isVisible(), "the overview's reset date is in the plan's zone too");
    await tp.screenshot('cap-banner-overview');
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('img', { name: 'Data per day' }).waitFor();
    assert.ok(await banner.isVisible(), 'the banner is on the usage page too');
    await tp.screenshot('cap-banner-usage');

    // The installer, in another browser, while the customer's page stays open.
    const other = await openPage(browser, { baseURL: daemon.url });
    try {
      await signIn(other, daemon.url, installer);
      const add = other.page.getByRole('button', { name: 'Add 512 MB' });
      await add.waitFor();
      await other.screenshot('cap-banner-installer');
      await add.click();
      await other.page.getByText('Top-up added.').waitFor().catch(async (e) => {
        await other.screenshot('failed-cap-installer');
        throw new Error(`${(e as Error).message}\n${await other.page.locator('main').textContent()}`);
      });
      assert.is(await other.page.locator('.banner.blocking').count(), 0, "the installer's banner is gone");
      assert.equal(other.errors, []);
    } finally {
      await other.close();
    }
    await banner.waitFor({ state: 'detached', timeout: 5000 });
    assert.is(await page.getByText(/You have used \d+% of your data/).count(), 0, 'the 100% notice went with the cap');
    await page.getByText('Top-up of 512 MB').waitFor({ timeout: 35_000 });
    await tp.screenshot('cap-lifted-usage');
    assert.equal(tp.errors, []);
  });
}

test.run();
