// The modem and Wi-Fi pages in chromium against the built daemon (simulator): a hostile SMS
// body and a hostile host name render as text, the signal meter updates every second and moves
// with the antenna, the Wi-Fi password changes end to end and the new QR code holds it, and
// every new page at 390x844 (screenshots in test/.artifacts/).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { artifacts, launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { checker, installerPassword, signIn, unexpected } from './ui.ts';

const PASSWORD = 'teal-heron-77';
// An SMS cannot hold both quote marks (mmcli), so this one has only double quotes.
const HOSTILE_SMS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
/** The simulated device's hostile DHCP host name (device-daemon/src/ports/sim/device.ts). */
const HOSTILE_HOST = `<img src=x onerror=alert(1)>"';$(reboot)`;
const reason = missing({
  commands: ['chromium', 'zbarimg', 'rsvg-convert'],
  files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, `${repo}/openwrt/files/etc/config/modem-admin`],
});

let daemon: DaemonProcess;
let browser: Browser;
let installer = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));

async function firstSetup(page: Page) {
  await page.goto('/');
  await page.waitForURL('**/setup');
  await page.getByLabel('Secret from the label').fill(daemon.secret!);
  await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('New password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Save and continue' }).click();
  await page.waitForURL(`${daemon.url}/`);
}

/** Decodes a PNG's QR code with zbarimg. */
const decode = (png: string) => execFileSync('zbarimg', ['--raw', '-q', png], { encoding: 'utf8' }).trim();

if (reason) {
  console.log(`modem and Wi-Fi browser suite skipped: ${reason}`);
  test.skip('the modem and Wi-Fi pages in chromium', () => {});
} else {
  test.before(async () => {
    daemon = await startDaemonProcess();
    installer = await installerPassword(daemon.output);
    browser = await launchBrowser();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
  });

  check('setup', async (tp) => {
    await firstSetup(tp.page);
  });

  check('a hostile SMS body is shown as text in the inbox: no element made, nothing run', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/sms');
    await page.getByLabel('Number').fill('48600100200');
    await page.getByLabel('Message').fill(HOSTILE_SMS);
    await page.getByRole('button', { name: 'Send a text' }).click();
    const body = page.locator('main .reply', { hasText: HOSTILE_SMS });
    await body.waitFor();
    assert.is(await body.textContent(), HOSTILE_SMS, 'the text as sent');
    assert.is(await page.locator('main li img, main li script').count(), 0, 'no element from the text');
    assert.is(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined, 'nothing ran');
    await tp.screenshot('sms-390');
    // Customers see the inbox too, without the send form.
    assert.equal(unexpected(tp.errors), []);
  });

  check('the balance page: the operator figure beside our count, a top-up needs a confirmation', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.goto('/balance');
    await page.getByRole('button', { name: 'Check balance' }).click();
    await page.getByText(/The operator says .* left, we count/).waitFor();
    const buy = page.getByRole('button', { name: /^Buy 512/ });
    await buy.click();
    // The shipped plan is written "20G" and "512M": powers of two, shown as GiB and MiB.
    await page.getByText(/Buy 512\sMiB\? The operator charges/).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await buy.waitFor();
    await page.getByRole('button', { name: /^Validity/ }).click();
    await page.locator('.reply').first().waitFor();
    await tp.screenshot('balance-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the signal meter updates every second and moves with the signal', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/signal');
    const rsrp = page.locator('.meter-row').first();
    await rsrp.locator('data').waitFor();
    const segments = async () => ((await rsrp.locator('path').getAttribute('d')) ?? '').split('L').length;
    const before = await segments();
    await page.waitForTimeout(3200);
    assert.ok((await segments()) >= before + 2, 'new samples join the sparkline every second');
    await tp.screenshot('signal-390');

    // Turn the simulated antenna (the simulator's control file): away from the tower, then facing it.
    const turn = (degrees: number) => {
      mkdirSync(join(daemon.stateDir, 'sim'), { recursive: true });
      writeFileSync(join(daemon.stateDir, 'sim', 'control.json'), JSON.stringify({ antennaDegrees: degrees }));
    };
    const value = async () => Number(await rsrp.locator('data').getAttribute('value'));
    turn(300);
    await page.waitForFunction(() => Number(document.querySelector('.meter-row data')?.getAttribute('value')) < -105, undefined, { timeout: 10_000 });
    await rsrp.getByText('poor').waitFor();
    const away = await value();
    turn(120);
    await page.waitForFunction(() => Number(document.querySelector('.meter-row data')?.getAttribute('value')) > -85, undefined, { timeout: 10_000 });
    await rsrp.getByText('excellent').waitFor();
    await rsrp.getByText('better than 10 s ago').waitFor();
    assert.ok((await value()) > away + 20, `the meter moved from ${away} dBm`);
    await tp.screenshot('signal-turned-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the installer mobile settings show with the PIN form', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/mobile');
    await page.getByLabel('APN').waitFor();
    await page.getByLabel('APN').fill('bad apn!');
    await page.getByRole('button', { name: 'Save and reconnect' }).click();
    await page.locator('.field .error').first().waitFor();
    assert.is(await page.getByLabel('APN').inputValue(), 'bad apn!', 'what was typed stays');
    await tp.screenshot('mobile-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the Wi-Fi password changes end to end, and the new QR code holds it', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.goto('/wifi');
    const key = 'new pass; "quoted" $(x)';
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/8 to 63 characters/).first().waitFor();
    await page.getByLabel('Password', { exact: true }).fill(key);
    await page.getByText('Strength:').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved. Devices can join with the new settings.').waitFor({ timeout: 20_000 });
    const wifi = await (await page.request.get('/api/wifi?reveal=1')).json();
    assert.equal(wifi.networks.map((n: { key: string }) => n.key), [key, key], 'the same key on both bands, as the page showed them as one');

    await page.getByRole('button', { name: 'Show the QR code' }).click();
    const img = page.getByRole('img', { name: /QR code to join/ });
    await img.waitFor();
    await page.waitForFunction(() => (document.querySelector('img.qr') as HTMLImageElement | null)?.naturalWidth);
    await tp.screenshot('wifi-390');
    // Read the code twice: from the screen, and from the SVG itself rendered at a scannable size.
    const shot = join(artifacts, 'wifi-qr-element.png');
    await img.screenshot({ path: shot });
    const svg = join(artifacts, 'wifi-qr.svg');
    writeFileSync(svg, await (await page.request.get('/api/wifi/qr.svg')).body());
    const png = join(artifacts, 'wifi-qr.png');
    execFileSync('rsvg-convert', ['-w', '400', '-b', 'white', '-o', png, svg]);
    for (const text of [decode(shot), decode(png)]) {
      assert.ok(text.startsWith('WIFI:'), text);
      assert.ok(text.includes(`P:${key.replace(/([\\;,:"])/g, '\\$1')};`), `the new password is in ${text}`);
    }
    assert.equal(unexpected(tp.errors), []);
  });

  check('different names per band: each band has its form, saving one leaves the other; 6 GHz refuses WPA2 with the reason', async (tp) => {
    const { page } = tp;
    const capture = (name: string) => readFileSync(join(repo, 'test/fixtures/wifi', name), 'utf8');
    // What an installer finds in /etc/config/wireless on the router (the simulator's UCI file).
    writeFileSync(join(daemon.stateDir, 'sim/uci/wireless'), capture('etc-config-wireless-hwmode-sae-openwrt-devel-2019.txt'));
    await signIn(tp, daemon.url, PASSWORD);
    await page.goto('/wifi');
    const forms = page.locator('form');
    await forms.nth(1).waitFor();
    assert.is(await forms.count(), 2, 'one form per band');
    assert.not.ok(await page.getByLabel('Same name and password on all bands').isChecked());
    const five = forms.filter({ hasText: 'Bands: 5 GHz' });
    const two = forms.filter({ hasText: 'Bands: 2.4 GHz' });
    assert.is(await five.getByLabel('Network name').inputValue(), 'WIFI1');
    assert.is(await two.getByLabel('Network name').inputValue(), 'WIFI2');
    assert.is(await five.getByLabel('Security').inputValue(), 'sae');
    await two.getByLabel('Network name').fill('Garden 2.4');
    await two.getByRole('button', { name: 'Save' }).click();
    await two.getByText('Saved. Devices can join with the new settings.').waitFor({ timeout: 20_000 });
    const after = await (await page.request.get('/api/wifi?reveal=1')).json();
    assert.equal(
      after.networks.map((n: { ssid: string; key: string; security: string }) => [n.ssid, n.key, n.security]),
      [['WIFI1', '1111111111111111', 'sae'], ['Garden 2.4', '1111111111111111', 'sae-mixed']],
    );
    await tp.screenshot('wifi-per-band-390');

    writeFileSync(join(daemon.stateDir, 'sim/uci/wireless'), capture('etc-config-wireless-mlo-z8803be.txt'));
    await page.reload();
    await page.getByText('Wi-Fi 7 multi-link: 5 GHz, 6 GHz').waitFor();
    const mlo = page.locator('form', { hasText: 'Wi-Fi 7 multi-link' });
    const offered = await mlo.getByLabel('Security').locator('option').allTextContents();
    assert.equal(offered, ['WPA2/WPA3', 'WPA3'], 'no WPA2 and no open network is offered on 6 GHz multi-link');
    await page.getByLabel('Same name and password on all bands').check();
    const all = page.locator('form', { hasText: 'All bands' });
    await all.getByLabel('Security').selectOption('psk2');
    await all.getByRole('button', { name: 'Save' }).click();
    await all.getByText(/^6 GHz allows only WPA3: choose/).first().waitFor();
    assert.is((await (await page.request.get('/api/wifi')).json()).networks[1].security, 'sae', 'nothing was changed');
    await tp.screenshot('wifi-6ghz-refused-390');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the devices page shows the hostile host name as text, and blocks and unblocks', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.goto('/devices');
    const name = page.locator('.list .name', { hasText: HOSTILE_HOST });
    await name.waitFor();
    assert.is(await name.textContent(), HOSTILE_HOST);
    assert.is(await page.locator('main li img').count(), 0);
    const row = page.locator('.list li', { has: page.locator('.name', { hasText: HOSTILE_HOST }) });
    await row.getByRole('button', { name: /Block internet/ }).click();
    await row.getByText('Blocked', { exact: true }).waitFor();
    await tp.screenshot('devices-390');
    await row.getByRole('button', { name: /Unblock/ }).click();
    await row.getByRole('button', { name: /Block internet/ }).waitFor();
    assert.equal(unexpected(tp.errors), []);
  });
}

test.run();
