// The pages in Debian's chromium against the built daemon (simulator): setup, sign-in and
// sign-out, the usage page, device and operator names as text, the installer's plan and
// audit pages, the navigation per role, and the password. Screenshots in test/.artifacts/.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser } from 'playwright-core';
import { repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { checker, installerPassword, signIn, unexpected } from './ui.ts';

const PASSWORD = 'teal-heron-77';
const HOSTILE = '<img src=x onerror="window.__pwned=1">"><script>window.__pwned=2</script>';
const reason = missing({
  commands: ['chromium'],
  files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, `${repo}/openwrt/files/etc/config/modem-admin`],
});

let daemon: DaemonProcess;
let browser: Browser;
let installer = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip('the pages in chromium', () => {});
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

  check('setup with the label secret signs the customer in and opens the overview', async (tp) => {
    const { page } = tp;
    await page.goto('/usage');
    await page.waitForURL('**/setup');
    await page.getByLabel('Secret from the label').fill(daemon.secret!);
    await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('New password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.waitForURL(`${daemon.url}/`);
    await page.locator('.used data').waitFor();
    assert.equal(tp.errors, []);
  });

  check('a customer sees overview, usage and account, and not the installer pages', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    assert.equal(await nav.getByRole('link').allTextContents(), ['Overview', 'Usage', 'Balance', 'SMS', 'Wi-Fi', 'Devices', 'Account', 'System']);
    assert.is(await nav.getByText('Installer').count(), 0, 'no installer group');
    await page.goto('/plan');
    await page.waitForURL(`${daemon.url}/`);
    assert.equal(tp.errors, []);
  });

  check('sign-out ends the session: a signed-out browser cannot see the overview', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.locator('header').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    assert.is(await page.locator('.used').count(), 0, 'no usage figures');
    assert.is((await page.request.get('/api/status')).status(), 401, 'the old cookie no longer works');
    assert.equal(unexpected(tp.errors), []);
  });

  check('the usage page shows the daily chart, the devices, the forecast and past periods', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.getByRole('link', { name: 'Usage' }).click();
    await page.waitForURL('**/usage');
    const chart = page.getByRole('img', { name: 'Data per day' });
    await chart.waitFor();
    const usage = await (await page.request.get('/api/usage')).json();
    const bars = await chart.locator('g').count();
    assert.ok(bars >= 28 && bars <= 31, `one bar per day of a monthly cycle (${bars})`);
    assert.match((await chart.locator('desc').textContent()) ?? '', /^Daily use, .+ to .+; highest /);
    assert.ok((await page.locator('table.sr-only tr').count()) >= 2, 'the figures are in a table for screen readers');
    const devices = page.locator('table.devices');
    for (const name of ['anna-phone', 'living-room-tv', 'laptop']) await devices.getByText(name).waitFor();
    assert.ok(usage.devices.length >= 3, 'the simulated devices that used data (the simulator now has a fourth, hostile one)');
    await page.getByRole('heading', { name: 'Forecast' }).waitFor();
    await page.getByText('Average per day').waitFor();
    await page.getByRole('heading', { name: 'Past periods' }).waitFor();
    await tp.screenshot('usage');
    assert.equal(tp.errors, []);
  });

  check('device and operator names from outside render as text, never as HTML', async (tp) => {
    const { page } = tp;
    // The daemon has no way to rename a simulated client or operator, so the test changes
    // what the browser receives: the same replies with hostile names.
    const hostileStatus = async () => {
      const status = await (await page.request.get('/api/status')).json();
      status.connection.operator = HOSTILE;
      return status;
    };
    await page.route('**/api/usage', async (route) => {
      const res = await route.fetch();
      const usage = await res.json();
      usage.devices[0].name = HOSTILE;
      await route.fulfill({ response: res, json: usage });
    });
    await page.route('**/api/status', async (route) => route.fulfill({ json: await hostileStatus() }));
    await page.route('**/api/events', async (route) =>
      route.fulfill({ contentType: 'text/event-stream', body: `event: status\ndata: ${JSON.stringify(await hostileStatus())}\n\n` }),
    );
    await signIn(tp, daemon.url, PASSWORD);
    await page.locator('dd', { hasText: HOSTILE }).waitFor();
    await page.getByRole('link', { name: 'Usage' }).click();
    const cell = page.locator('table.devices td', { hasText: HOSTILE });
    await cell.waitFor();
    assert.ok((await cell.textContent())!.startsWith(HOSTILE), 'the name is shown as typed');
    assert.is(await page.locator('main img, main script').count(), 0, 'no element was made from a name');
    assert.is(await page.evaluate(() => (window as { __pwned?: number }).__pwned), undefined);
    assert.equal(tp.errors, []);
  });

  check('an installer changes the plan: a bad value shows the error and changes nothing, a good one is saved', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    const nav = page.getByRole('navigation', { name: 'Pages' });
    assert.equal(await nav.getByRole('link').allTextContents(), ['Overview', 'Usage', 'Balance', 'SMS', 'Wi-Fi', 'Devices', 'Account', 'System']);
    // The installer's own pages are a group that opens in the navigation.
    await nav.getByText('Installer').click();
    assert.equal(await nav.getByRole('link').allTextContents(), ['Overview', 'Usage', 'Balance', 'SMS', 'Wi-Fi', 'Devices', 'Account', 'System', 'Signal', 'Mobile network', 'Plan', 'Updates', 'Audit log']);
    await nav.getByRole('link', { name: 'Plan' }).click();
    const before = await (await page.request.get('/api/plan')).json();
    const down = page.getByLabel('Limited download speed (kbit/s)');
    const zone = page.getByLabel('Time zone');
    await down.waitFor();

    await zone.selectOption('Europe/Berlin');
    await page.getByLabel('Monthly allowance').fill('30');
    await down.fill('4');
    await page.getByLabel('Limited upload speed (kbit/s)').fill('2');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.locator('#throttleDownKbit-note').textContent()) ?? '', /At least 8\./, 'the message is next to the field');
    assert.match((await page.locator('#throttleUpKbit-note').textContent()) ?? '', /At least 8\./, 'every problem at once, each at its field');
    assert.is(await down.getAttribute('aria-invalid'), 'true');
    assert.is(await down.inputValue(), '4', 'what was typed stays');
    assert.is(await zone.inputValue(), 'Europe/Berlin');
    assert.equal(await (await page.request.get('/api/plan')).json(), before, 'the plan is unchanged');
    await tp.screenshot('plan-error');

    assert.ok(await page.getByRole('option', { name: 'Pacific/Kiritimati' }).count(), 'the time zone is chosen from a list');
    assert.match((await page.locator('form').textContent()) ?? '', /change to the billing period .* ends this period now/, 'a plan change takes effect at once (issue 12.5)');
    await down.fill('128');
    await page.getByLabel('Limited upload speed (kbit/s)').fill('64');
    // The shipped plan is written "20G": its sizes are powers of two, typed as MiB and GiB.
    await page.getByLabel('Top-up sizes offered').fill('512 MiB, 1 GiB, 2GiB');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('The plan is saved.').waitFor();
    const after = await (await page.request.get('/api/plan')).json();
    assert.equal(
      { down: after.throttleDownKbit, zone: after.timezone, cap: after.cap, topups: after.topupSizes },
      { down: 128, zone: 'Europe/Berlin', cap: 30 * 1024 ** 3, topups: [512 * 1024 ** 2, 1024 ** 3, 2 * 1024 ** 3] },
    );
    assert.is(await page.locator('.field .error').count(), 0, 'no message is left over');
    await tp.screenshot('plan-saved');

    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('cell', { name: /Changed the plan/ }).first().waitFor();
    await page.getByRole('cell', { name: 'Installer' }).first().waitFor();
    await tp.screenshot('audit');
    assert.equal(unexpected(tp.errors), []);
  });

  check('ISP 003 on the plan page: calendar months after a first period of 30 days from the delivery date', async (tp) => {
    // 003_ffc07d49584bc58e.txt: delivered January 15, the first payment covers 30 days, the second
    // invoice February 14 to February 28, then whole months.
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/plan');
    const first = page.getByLabel('Days of the first period');
    await page.getByLabel('Billing period').waitFor();
    assert.is(await first.isVisible(), false, 'a monthly plan has no first period');
    await page.getByLabel('Billing period').selectOption('calendar');
    await first.fill('30');
    await page.getByLabel('First period starts on').fill('2026-01-15');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('The plan is saved.').waitFor();
    const plan = await (await page.request.get('/api/plan')).json();
    assert.equal([plan.cycle, plan.cycleFirstDays, plan.cycleAnchor], ['calendar', 30, '2026-01-15']);
    assert.equal(unexpected(tp.errors), []);
  });

  check('a customer changes the password: a wrong current one is refused, then the new one signs in', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, PASSWORD);
    await page.getByRole('link', { name: 'Account' }).click();
    const next = 'amber-finch-2048';
    await page.getByLabel('Current password').fill('not-the-password');
    await page.getByLabel('New password', { exact: true }).fill(next);
    await page.getByLabel('New password again').fill(next);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /current password/);
    await page.getByLabel('Current password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Password changed.').waitFor();
    assert.is(await page.getByLabel('New password', { exact: true }).inputValue(), '', 'the fields are emptied');
    await page.locator('header').getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await signIn(tp, daemon.url, next);
    assert.equal(unexpected(tp.errors), []);
  });
}

test.run();
