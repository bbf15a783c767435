// Updates and ISP notices in Debian's chromium against the built daemon (simulator) and an
// ISP channel served on loopback: the account-transfer notice and a planned update shown to
// a customer, postponed by a day, in English and in Polish; then installed by the installer
// (install now: the simulator runs on the real clock, which a test cannot move into the
// window; the window itself is tested on the injected clock in test/features/updates/).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { defaultConfig, repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { channel, otaConfig, TRANSFER_NOTICE, type Channel } from '../helpers/updates.ts';
import { checker, installerPassword, signIn } from './ui.ts';

const PASSWORD = 'customer-password-1';
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`] });

let daemon: DaemonProcess;
let browser: Browser;
let ch: Channel;
let installer = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip('updates in chromium', () => {});
} else {
  test.before(async () => {
    const now = Date.now();
    ch = await channel(now);
    const day = 86_400_000;
    ch.publish(
      [{ id: 'admin-0.2.0', kind: 'package', version: '0.2.0-1', file: 'a.ipk', earliestInstall: new Date(now + 3 * day).toISOString().replace(/\.\d+Z$/, 'Z'), noticeDays: 7, maxDeferDays: 5 }],
      { 'a.ipk': ch.ipk('0.2.0-1') },
    );
    ch.notice({ ...TRANSFER_NOTICE, from: new Date(now - day).toISOString().replace(/\.\d+Z$/, 'Z'), until: new Date(now + 20 * day).toISOString().replace(/\.\d+Z$/, 'Z') });
    const config = join(mkdtempSync(join(tmpdir(), 'ota-browser-')), 'modem-admin');
    writeFileSync(config, readFileSync(defaultConfig, 'utf8') + otaConfig(ch.server.url, ch.rootLine));
    daemon = await startDaemonProcess({ config });
    installer = await installerPassword(daemon.output);
    await signInCustomer(daemon, PASSWORD);
    browser = await launchBrowser();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
    await ch?.server.close();
  });

  // The daemon's own first check may come first (10-30 s after start on the simulator).
  check('an installer checks for updates', async (tp) => {
    await signIn(tp, daemon.url, installer);
    await tp.page.goto('/updates');
    await tp.page.getByRole('button', { name: 'Check for updates' }).click();
    await tp.page.getByText(/Checked: (new channel data accepted|no change)/).waitFor();
    await tp.page.getByRole('heading', { name: 'Modem software 0.2.0-1' }).waitFor();
  });

  check('a customer sees the notice and the planned update, postpones it, and reads both in Polish', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.getByText('Your account is now serviced directly by the carrier. Call 1-800-233-8974').waitFor();
    const banner = page.locator('.banner.update');
    await banner.getByText(/A modem update \(0\.2\.0-1\) will be installed on/).waitFor();
    const before = await banner.textContent();
    await banner.getByRole('link', { name: 'Details' }).click();
    await page.waitForURL('**/updates');
    await page.getByText('A faster usage page').waitFor();
    const when = await page.locator('.pending .when').textContent();
    assert.match(when!, /between \d\d:\d\d and \d\d:\d\d\. It takes about 5 minutes; the internet drops/);
    await page.getByRole('button', { name: 'Postpone by a day' }).click();
    await page.getByText('Postponed.').waitFor();
    assert.is.not(await page.locator('.pending .when').textContent(), when, 'the install moved a day');
    await page.getByLabel('Language').selectOption('pl');
    await page.getByText('Twoje konto obsługuje teraz bezpośrednio operator sieci.').waitFor();
    await page.getByText('Szybsza strona zużycia').waitFor();
    await page.locator('.banner.update').getByText(/Aktualizacja modemu \(0\.2\.0-1\) zostanie zainstalowana/).waitFor();
    assert.is.not(await page.locator('.banner.update').textContent(), before);
    // Text only: the ISP's words are never markup.
    assert.is(await page.locator('.banner.isp *').count(), 0);
    await page.getByLabel('Język').selectOption('en');
  });

  check('the installer installs it now, and the history says it was installed', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/updates');
    await page.getByRole('button', { name: 'Install now' }).click();
    await page.getByText('installing package 0.2.0-1').waitFor();
    // The new daemon's health check is looked at on the next check (or the minute's tick).
    await page.getByRole('button', { name: 'Check for updates' }).click();
    await page.getByText('Checked:').waitFor();
    await page.reload();
    await page.getByText('Running now: Modem software 0.2.0-1').waitFor({ timeout: 15_000 });
    await page.getByRole('cell', { name: 'installed' }).waitFor();
  });
}

test.run();
