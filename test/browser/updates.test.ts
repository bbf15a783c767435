// Updates and ISP notices in Debian's chromium against the built daemon (simulator) and an
// ISP channel served on loopback: the account-transfer notice and a planned update shown to
// a customer, postponed by a day, in English and in Polish; then the simulated night comes
// (the simulator's clock is moved through STATE-DIR/sim/control.json): a minute before the
// device's slot nothing happens, inside the window the device installs the update on its own,
// and the customer reads the new version and the result in both languages.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Locator, Page } from 'playwright-core';
import { defaultConfig, repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { channel, otaConfig, TRANSFER_NOTICE, type Channel } from '../helpers/updates.ts';
import { checker, installerPassword, signIn } from './ui.ts';

const PASSWORD = 'customer-password-1';
/** The simulated device runs the build's own version (package.json's version, the Makefile's PKG_RELEASE). */
const BUILT_VERSION = `${(JSON.parse(readFileSync(`${repo}/package.json`, 'utf8')) as { version: string }).version}-${/^PKG_RELEASE:=(\S+)$/m.exec(readFileSync(`${repo}/openwrt/Makefile`, 'utf8'))![1]}`;
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`] });

let daemon: DaemonProcess;
let browser: Browser;
let ch: Channel;
let installer = '';
/** Moves the simulated device's clock (it runs on from there); the daemon reads the file within 200 ms. */
const setClock = (ms: number) => writeFileSync(join(daemon.stateDir, 'sim', 'control.json'), JSON.stringify({ clock: new Date(ms).toISOString() }));

/** Reloads the page until it shows `what`: the page itself refreshes only every minute. */
async function untilShown(page: Page, what: () => Locator, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    await page.reload();
    if (await what().waitFor({ timeout: 3_000 }).then(() => true, () => false)) return;
    if (Date.now() > end) throw new Error(`the page never showed ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

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

  check('in the night the device installs it on its own, and the customer reads the result in English and Polish', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    const pending = (await page.evaluate(() => fetch('/api/updates').then((r) => r.json()))).pending as { installAt: number; windowEnd: number };
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', hour: '2-digit', hourCycle: 'h23' }).format(pending.installAt));
    assert.ok(hour >= 1 && hour < 6, `the slot lies in the plan's 01:00-06:00 window (${hour}:xx Warsaw time)`);
    await setClock(pending.installAt - 60_000);
    // More than one of the simulator's update ticks (5 s): nothing installs a minute early.
    await new Promise((resolve) => setTimeout(resolve, 7_000));
    await page.goto('/updates');
    await page.getByText(`Running now: Modem software ${BUILT_VERSION}`).waitFor();
    await page.getByRole('heading', { name: 'Modem software 0.2.0-1' }).waitFor();
    await setClock(pending.installAt + 30_000);
    // Installed by opkg, then the new daemon's health check: the history has the result.
    const row = page.getByRole('row', { name: /Modem software 0\.2\.0-1/ });
    await untilShown(page, () => row.getByRole('cell', { name: 'installed' }), 60_000);
    await page.getByText('Running now: Modem software 0.2.0-1').waitFor();
    const text = (await row.textContent())!;
    assert.ok(/(^|\D)0?[1-5]:[0-5]\d(?!\d)/.test(text) && !/PM/.test(text), `the history shows a time inside the night window: ${text}`);
    await page.getByText('No update is planned.').waitFor();
    // The package came over the channel: the modem's own bytes, shown apart from the household's devices.
    await page.getByText(/^The modem has downloaded [1-9].* for updates: counted in the usage, apart from your devices\.$/).waitFor();
    await page.getByLabel('Language').selectOption('pl');
    await page.getByText(/^Modem pobrał [1-9].* na aktualizacje/).waitFor();
    await page.getByText('Obecnie działa: Oprogramowanie modemu 0.2.0-1').waitFor();
    await page.getByRole('row', { name: /Oprogramowanie modemu 0\.2\.0-1/ }).getByRole('cell', { name: 'zainstalowana' }).waitFor();
    await page.getByLabel('Język').selectOption('en');
    assert.match(daemon.output(), /updates: package 0\.2\.0-1: installed/);
  });
}

test.run();
