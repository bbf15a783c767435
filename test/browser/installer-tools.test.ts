// The installer's and the ISP's tools in chromium against the built daemon (simulator): the
// aiming meter (quality word, tone switch, serving cell, "not reported"), PIN tries and the PUK,
// a network scan and choice, the System page for a customer and an installer (connection check,
// restart, a refused restore naming every problem, factory reset's typed RESET, commissioning
// and its printable record), and the audit log in Polish. Screenshots in test/.artifacts/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { checker, installerPassword, signIn, unexpected } from './ui.ts';

const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`] });

let daemon: DaemonProcess;
let browser: Browser;
let installer = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));
const control = (wish: object) => {
  mkdirSync(join(daemon.stateDir, 'sim'), { recursive: true });
  writeFileSync(join(daemon.stateDir, 'sim', 'control.json'), JSON.stringify(wish));
};

if (reason) {
  console.log(`installer tools browser suite skipped: ${reason}`);
  test.skip('the installer tools in chromium', () => {});
} else {
  test.before(async () => {
    daemon = await startDaemonProcess();
    installer = await installerPassword(daemon.output);
    await signInCustomer(daemon);
    browser = await launchBrowser();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
  });

  check('aiming: a large quality word, a tone switch off by default, the serving cell with its band and aggregated carrier', async (tp) => {
    const { page } = tp;
    control({ antennaDegrees: 120 });
    await signIn(tp, daemon.url, installer);
    await page.goto('/signal');
    const word = page.locator('.quality strong');
    await page.waitForFunction(() => document.querySelector('.quality strong')?.textContent === 'excellent');
    assert.ok(await page.locator('.quality.excellent').count(), 'coloured by its band');
    const size = await word.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(size >= 48, `readable at arm's length (${size}px)`);
    const tone = page.getByRole('button', { name: 'Tone on' });
    assert.is(await tone.getAttribute('aria-pressed'), 'false');
    await tone.click();
    await page.getByRole('button', { name: 'Tone off' }).waitFor();
    await page.getByText('not reported by this modem').first().waitFor({ state: 'detached' }).catch(() => {});
    const cell = page.locator('dl.facts');
    await cell.getByText('B20', { exact: true }).waitFor({ timeout: 15_000 });
    assert.match((await cell.textContent())!, /PCI214/);
    assert.match((await cell.textContent())!, /B3 \(EARFCN 1300\)/);
    await page.locator('line.best').first().waitFor({ state: 'attached' });
    await page.locator('.best', { hasText: 'Best:' }).waitFor();
    await tp.screenshot('aiming-390');
    // Turned away: the word changes, the best stays.
    control({ antennaDegrees: 300 });
    await page.waitForFunction(() => document.querySelector('.quality strong')?.textContent === 'poor', undefined, { timeout: 10_000 });
    await page.locator('.quality .worse').waitFor();
    // A modem that cannot say: every cell figure says so.
    control({ antennaDegrees: 120, modemFault: 'no-sim' });
    await page.getByText('not reported by this modem').first().waitFor({ timeout: 15_000 });
    await tp.screenshot('aiming-not-reported-390');
    control({ antennaDegrees: 120, modemFault: null });
    assert.equal(unexpected(tp.errors), []);
  });

  check('the SIM: the IMEI, tries counting down, the PUK after three wrong PINs, then a new PIN works', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/mobile');
    await page.getByText('IMEI: 352099001761481').waitFor();
    await page.getByText('3 tries left before the SIM blocks.').waitFor();
    for (const left of ['2 tries left', '1 try left']) {
      await page.getByLabel('PIN', { exact: true }).fill('0000');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText(`${left} before the SIM blocks.`).waitFor();
    }
    await page.getByLabel('PIN', { exact: true }).fill('0000');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'SIM blocked: PUK' }).waitFor();
    await page.getByText('10 PUK tries left').waitFor();
    await tp.screenshot('puk-390');
    await page.getByLabel('PUK (8 digits)').fill('12345678');
    await page.getByLabel('New PIN').fill('2468');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'SIM PIN' }).waitFor();
    await page.getByText('3 tries left before the SIM blocks.').waitFor();
    assert.equal(unexpected(tp.errors).filter((e) => !/status of 503/.test(e)), [], 'only the refused PINs');
  });

  check('the network: a scan takes its time, lists what is in range, and a chosen network is used', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/mobile');
    await page.getByText('Now: Plus (automatic)').waitFor();
    await page.getByRole('button', { name: 'Scan for networks' }).click();
    await page.getByText('4 networks found').waitFor({ timeout: 20_000 });
    assert.ok(await page.getByLabel(/Play.*not allowed/).isDisabled(), 'a forbidden network cannot be chosen');
    await page.getByLabel(/Orange \(26003/).check();
    await page.getByRole('button', { name: 'Use this network' }).click();
    await page.getByText('Now: Orange (chosen by hand)').waitFor();
    await tp.screenshot('network-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('a customer’s System page: what the router is, a connection check in sentences, a restart after a question', async (tp) => {
    const { page } = tp;
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Password').fill('customer-password-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${daemon.url}/`);
    await page.goto('/system');
    await page.getByText('Simulated LTE router').waitFor();
    assert.is(await page.getByText('Factory reset').count(), 0, 'installers only');
    await page.getByLabel('Also reach (optional host or address)').fill('-c 1 x');
    await page.getByRole('button', { name: 'Check the connection' }).click();
    await page.getByText('Type a host name (such as example.com) or an address (such as 192.0.2.1), or leave this empty.').waitFor();
    assert.is(await page.getByLabel('Also reach (optional host or address)').getAttribute('aria-invalid'), 'true', 'the problem is shown at its field');
    await page.getByLabel('Also reach (optional host or address)').fill('');
    await page.getByRole('button', { name: 'Check the connection' }).click();
    await page.getByText(/^✓ The DNS server 10\.74\.210\.210 found downloads\.openwrt\.org$/).waitFor();
    await page.getByText(/^✓ downloads\.openwrt\.org answered 3 of 3/).waitFor();
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Restart the router' }).click();
    await page.getByText('Restarting. This page comes back in about two minutes.').waitFor();
    await tp.screenshot('system-customer-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('an installer’s System page: a bad restore names every problem, reset needs RESET, commissioning gives a printable record', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/system');
    await page.getByText('Last save to flash').waitFor();
    const backup = await (await page.request.get('/api/system/backup')).json();
    const bad = { ...backup, config: backup.config.replace("option cap '20G'", "option cap 'lots'").replace("option policy 'throttle'", "option policy 'never'") };
    await page.getByLabel('Backup file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.getByRole('button', { name: 'Restore from a backup' }).click();
    const form = page.locator('form', { hasText: 'Backup file' });
    await form.getByText('The backup was not restored and nothing was changed. The file has these problems:').waitFor();
    const listed = (await form.locator('p.error').allTextContents()).filter((line) => /^plan\./.test(line));
    assert.equal(listed.length, 2, `every problem is named: ${listed.join(' | ')}`);
    assert.match(listed.join(' | '), /plan\.cap: must be a size such as 20G.*plan\.policy: must be throttle, block or alert/);
    await page.getByText('Wipes: all settings').waitFor();
    await page.getByLabel('Type RESET to confirm').fill('reset');
    await page.getByRole('button', { name: 'Factory reset' }).click();
    await page.getByText('Type RESET in capitals to wipe the router.').waitFor();
    await page.getByLabel('Notes (optional)').fill('Mast on the north gable, <b>not</b> the chimney.');
    await page.getByRole('button', { name: 'Finish and record' }).click();
    await page.getByText(/Recorded .*: all tests passed\./).waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Printable record' }).click()]);
    const html = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8');
    assert.match(html, /Commissioning record/);
    assert.match(html, /352099001761481/);
    assert.match(html, /&#60;b&#62;not&#60;\/b&#62;/);
    await tp.screenshot('system-installer-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the audit log says the new actions in Polish', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.evaluate(() => localStorage.setItem('lang', 'pl'));
    await page.goto('/audit');
    await page.getByText('Ponownie uruchomiono router').waitFor();
    await page.getByText('Odblokowano kartę SIM kodem PUK').waitFor();
    await page.getByText('Wybrano sieć 26003').waitFor();
    await page.getByText('Zakończono uruchomienie: testy zaliczone').waitFor();
    await tp.screenshot('audit-pl-390');
    assert.equal(unexpected(tp.errors), []);
  });
}

test.run();
