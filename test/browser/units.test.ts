// Sizes in the unit family the plan was written in, in chromium on the built daemon. A
// contract's "20GB" (Millenicom, 000_77429215ac863265.txt) is 20 * 10^9 bytes and shows as
// "20 GB"; a plan written "20G" or "20GiB" counts in powers of two and shows "20 GiB". The
// installer's plan form types either, keeps one family for every size, and says so when a
// size is written in the other; the overview follows, in English and in Polish.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { defaultConfig, repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { checker, installerPassword, signIn, unexpected } from './ui.ts';

const PASSWORD = 'customer-password-1';
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, defaultConfig] });

let daemon: DaemonProcess;
let browser: Browser;
let installer = '';
const check = checker(test, () => ({ browser, url: daemon.url, output: daemon.output }));

type Plan = { cap: number | null; units: string; topupSizes: number[] };
const plan = async (page: Page) => (await (await page.request.get('/api/plan')).json()) as Plan;

/** Types the allowance and the top-ups on the plan page and saves. */
async function save(page: Page, labels: { cap: string; unit: string; topups: string; submit: string }, cap: string, unit: string, topups: string) {
  await page.getByLabel(labels.cap).fill(cap);
  await page.getByLabel(labels.unit, { exact: true }).selectOption(unit);
  await page.getByLabel(labels.topups).fill(topups);
  await page.getByRole('button', { name: labels.submit }).click();
}

const EN = { cap: 'Monthly allowance', unit: 'Unit', topups: 'Top-up sizes offered', submit: 'Save the plan' };
const PL = { cap: 'Limit miesięczny', unit: 'Jednostka', topups: 'Oferowane doładowania', submit: 'Zapisz plan' };

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip('sizes in the plan unit family in chromium', () => {});
} else {
  test.before(async () => {
    daemon = await startDaemonProcess();
    installer = await installerPassword(daemon.output);
    await signInCustomer(daemon, PASSWORD);
    browser = await launchBrowser();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
  });

  check('the shipped "20G" plan shows 20 GiB; typing "20 GB" saves 20 * 10^9 bytes and the overview says 20 GB', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.locator('.used data').waitFor();
    assert.match((await page.locator('.usage').textContent()) ?? '', /of 20\sGiB/, 'a bare G is binary, shown as GiB');
    await page.goto('/plan');
    const cap = page.getByLabel(EN.cap);
    await cap.waitFor();
    assert.is(await cap.inputValue(), '20');
    assert.is(await page.getByLabel(EN.unit, { exact: true }).inputValue(), 'GiB');
    assert.is(await page.getByLabel(EN.topups).inputValue(), '512 MiB, 1 GiB');

    await save(page, EN, '20', 'GB', '512 MB, 1024 MB');
    await page.getByText('The plan is saved.').waitFor();
    assert.equal(await plan(page), { ...(await plan(page)), cap: 20e9, units: 'GB', topupSizes: [512e6, 1024e6] });
    await page.goto('/');
    await page.locator('.used data').waitFor();
    const usage = (await page.locator('.usage').textContent()) ?? '';
    assert.match(usage, /of 20\sGB/);
    assert.not.match(usage, /GiB|MiB|KiB/);
    assert.match((await page.locator('.used data').textContent()) ?? '', /^[\d.,]+\s(B|kB|MB|GB)$/);
    await tp.screenshot('units-gb-overview');
    assert.equal(unexpected(tp.errors), []);
  });

  check('a size in the other family, or an allowance that is not a number, is refused at its field and changes nothing', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.goto('/plan');
    await page.getByLabel(EN.cap).waitFor();
    const before = await plan(page);
    await save(page, EN, '20', 'GB', '512 MiB');
    await page.getByRole('alert').waitFor();
    assert.match((await page.locator('#topupSizes-note').textContent()) ?? '', /Write every size in the allowance’s units: MB or GB\./);
    assert.equal(await plan(page), before);
    await save(page, EN, 'twenty', 'GB', '512 MB');
    await page.locator('#cap-note').getByText('Write the allowance as a number').waitFor();
    assert.equal(await plan(page), before, 'no cap was dropped for an unreadable one');
    assert.is(await page.getByLabel(EN.cap).inputValue(), 'twenty', 'what was typed stays');
    assert.equal(unexpected(tp.errors), []);
  });

  check('in Polish, typing "20 GiB" saves 20 * 2^30 bytes and the overview says 20 GiB; "1,5 GB" shows as 1,5 GB', async (tp) => {
    const { page } = tp;
    await signIn(tp, daemon.url, installer);
    await page.getByRole('combobox', { name: 'Language' }).selectOption('pl');
    await page.locator('.used', { hasText: 'Wykorzystano' }).waitFor();
    await page.goto('/plan');
    await page.getByLabel(PL.cap).waitFor();
    await save(page, PL, '20', 'GiB', '512 MiB, 1 GiB');
    await page.getByText('Plan zapisany.').waitFor();
    const binary = await plan(page);
    assert.equal([binary.cap, binary.units, binary.topupSizes], [20 * GiB, 'GiB', [512 * MiB, GiB]]);
    await page.goto('/');
    await page.locator('.used data').waitFor();
    assert.match((await page.locator('.usage').textContent()) ?? '', /z 20\sGiB/);

    await page.goto('/plan');
    await page.getByLabel(PL.cap).waitFor();
    assert.is(await page.getByLabel(PL.unit, { exact: true }).inputValue(), 'GiB', 'the form shows the family the plan was written in');
    await save(page, PL, '1,5', 'GB', '512 MB');
    await page.getByText('Plan zapisany.').waitFor();
    const decimal = await plan(page);
    assert.equal([decimal.cap, decimal.units, decimal.topupSizes], [1.5e9, 'GB', [512e6]]);
    await page.goto('/');
    await page.locator('.used data').waitFor();
    assert.match((await page.locator('.usage').textContent()) ?? '', /z 1,5\sGB/);
    await tp.screenshot('units-pl-overview');
    assert.equal(unexpected(tp.errors), []);
  });
}

test.run();
