// The customer's page on a phone (390 px), in English and Polish, in the states where a
// customer needs it most: throttled at the cap with top-ups to buy, blocked with none (then
// whom to call), near the cap (run-out date, daily budget), and a modem fault (worded, with
// what to do). Three simulated devices, each with its own config; the simulated traffic
// (40 kB/s) crosses a 1 MB cap in about 25 s.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { defaultConfig, signInCustomer, repo, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser, openPage, type TestPage } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';

const PASSWORD = 'customer-password-1';
const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, defaultConfig] });
const SUPPORT = "\nconfig support 'support'\n\toption name 'Example ISP'\n\toption phone '+48 22 100 20 30'\n";

let browser: Browser;
let dir = '';
const daemons: DaemonProcess[] = [];

/** A simulated device whose config is the default with `edit` applied. */
async function device(edit: (config: string) => string): Promise<DaemonProcess> {
  const config = join(dir, `config-${daemons.length}`);
  writeFileSync(config, edit(readFileSync(defaultConfig, 'utf8')));
  const daemon = await startDaemonProcess({ config });
  daemons.push(daemon);
  await signInCustomer(daemon, PASSWORD);
  return daemon;
}

/** A phone in the given language, signed in as the customer through the form. */
async function phone(daemon: DaemonProcess, lang: 'en' | 'pl'): Promise<TestPage> {
  const tp = await openPage(browser, { baseURL: daemon.url, viewport: { width: 390, height: 844 }, locale: lang === 'pl' ? 'pl-PL' : 'en-GB' });
  await tp.page.goto('/');
  await tp.page.waitForURL('**/sign-in');
  await tp.page.getByLabel(lang === 'pl' ? 'Hasło' : 'Password').fill(PASSWORD);
  await tp.page.getByRole('button', { name: lang === 'pl' ? 'Zaloguj' : 'Sign in' }).click();
  await tp.page.waitForURL(`${daemon.url}/`);
  return tp;
}

/** Runs `body` on a phone; on failure keeps a screenshot and the daemon's output. */
async function on(daemon: DaemonProcess, lang: 'en' | 'pl', name: string, body: (page: Page, tp: TestPage) => Promise<void>): Promise<void> {
  const tp = await phone(daemon, lang);
  try {
    await body(tp.page, tp);
    await tp.screenshot(`customer-${name}`);
    assert.equal(tp.errors.filter((e) => !/status of 50[234]/.test(e)), [], 'no page errors');
  } catch (error) {
    await tp.screenshot(`failed-customer-${name}`).catch(() => {});
    throw new Error(`${(error as Error).message}\nbrowser errors: ${tp.errors.join('\n')}\ndaemon output:\n${daemon.output().slice(-1500)}`);
  } finally {
    await tp.close();
  }
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ');

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip("the customer's page in chromium", () => {});
} else {
  let throttled: DaemonProcess;
  let blocked: DaemonProcess;
  let nearCap: DaemonProcess;
  test.before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'modem-admin-customer-'));
    browser = await launchBrowser();
    // Top-ups to buy with a price; the ISP's contact details. Sizes in MB (powers of ten), as
    // Unwired writes its "512MB or 1024 MB" top-ups: the page shows them so.
    throttled = await device(
      (c) =>
        c
          .replace(/option cap '[^']*'/, "option cap '1MB'")
          .replace(/'(512|1024)M'/g, "'$1MB'")
          .replace(/option size '512MB'/, "option size '512MB'\n\toption price '5 zł'")
          .replace(/option min_interval '\d+'/, "option min_interval '1'") + SUPPORT,
    );
    // Stopped at the cap, nothing to buy here: the customer is told whom to call.
    blocked = await device((c) => c.replace(/option cap '[^']*'/, "option cap '1M'").replace("option policy 'throttle'", "option policy 'block'").replace(/\nconfig topup\n(\toption [^\n]*\n)*/g, '\n') + SUPPORT);
    // The first alert at 2%: near the cap within seconds, the cap itself minutes away.
    nearCap = await device((c) => c.replace(/option cap '[^']*'/, "option cap '20M'").replace(/(\tlist alert_percent '[^']*'\n)+/, "\tlist alert_percent '2'\n\tlist alert_percent '100'\n"));
  });
  test.after(async () => {
    await browser?.close();
    for (const d of daemons) await d.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('throttled, in Polish: the banner in plain words, buttons to buy, the connection card and the "why" page say so', async () => {
    await on(throttled, 'pl', 'throttled-pl', async (page) => {
      const banner = page.locator('.banner.blocking');
      await banner.waitFor({ timeout: 60_000 });
      assert.match(await text(page, '.banner.blocking'), /Dane na ten okres się skończyły: internet jest bardzo wolny \(wystarczy na wiadomości, nie na wideo\) do \d+ \S+\./);
      await banner.getByRole('button', { name: /Kup 512 MB/ }).waitFor();
      assert.match(await text(page, '.conn'), /Połączono, ale bardzo wolno: dane się skończyły/);
      assert.not.ok(await page.locator('.conn.connected').count(), 'not the green "connected"');
      await page.getByRole('link', { name: 'Dlaczego internet działa wolno?' }).click();
      await page.waitForURL('**/why');
      assert.match(await text(page, '#why-cap'), /Dane na ten okres się skończyły, więc prędkość jest ograniczona do/);
      assert.match(await text(page, '#why-cap'), /Dokup dane/);
    });
  });

  test('a modem fault reaches the customer as words with what to do, in English and Polish', async () => {
    mkdirSync(join(throttled.stateDir, 'sim'), { recursive: true });
    writeFileSync(join(throttled.stateDir, 'sim', 'control.json'), JSON.stringify({ modemFault: 'ussd-timeout' }));
    try {
      for (const [lang, nav, check, words] of [
        ['en', 'Balance', 'Check balance', 'The operator did not answer; try again in a minute.'],
        ['pl', 'Saldo', 'Sprawdź saldo', 'Operator nie odpowiedział; spróbuj ponownie za minutę.'],
      ] as const) {
        await on(throttled, lang, `fault-${lang}`, async (page) => {
          await page.getByRole('link', { name: nav, exact: true }).click();
          const button = page.getByRole('button', { name: check });
          await button.waitFor();
          await button.click();
          await page.getByText(words).waitFor({ timeout: 40_000 });
          const body = (await page.locator('main').textContent()) ?? '';
          assert.not.match(body, /internal error|system log|GDBus|timed? ?out/i, 'no server English, no "internal error"');
        });
        await new Promise((r) => setTimeout(r, 1100));
      }
    } finally {
      writeFileSync(join(throttled.stateDir, 'sim', 'control.json'), JSON.stringify({ modemFault: null }));
    }
  });

  test('throttled, in English: buy 512 MB with its price, confirm, and full speed is back', async () => {
    await on(throttled, 'en', 'buy-en', async (page) => {
      const banner = page.locator('.banner.blocking');
      await banner.waitFor({ timeout: 60_000 });
      assert.match(await text(page, '.banner.blocking'), /Your data for this period is used up: the internet is very slow \(enough for messages, not video\) until \d+ \w+\./);
      await banner.getByRole('button', { name: /Buy 512 MB/ }).click();
      await page.getByText('Buy 512 MB for 5 zł? The operator charges it to the SIM card in the modem.').waitFor();
      await page.getByRole('button', { name: 'Yes, buy 512 MB' }).click();
      await page.getByText('512 MB bought and added: full speed is back.').waitFor({ timeout: 20_000 });
      await banner.waitFor({ state: 'detached', timeout: 5000 });
      assert.match(await text(page, '.conn'), /^Connected/);
      assert.not.match(await text(page, '.conn'), /slow/);
    });
  });

  test('devices: usage this period first, online or not, and a name the household gives is kept (English, then Polish)', async () => {
    await on(blocked, 'en', 'devices-en', async (page) => {
      await page.getByRole('link', { name: 'Devices', exact: true }).click();
      const first = page.locator('.list li').first();
      await first.waitFor();
      // This plan's cap is written '1M' (binary): sizes read in KiB/MiB.
      assert.match((await first.locator('p').first().textContent()) ?? '', /^[\d.,]+\s(B|KiB|MiB|GiB) this period$/, 'usage first');
      assert.match((await first.textContent()) ?? '', /Online now|Offline/);
      await first.getByRole('button', { name: 'Rename' }).click();
      await first.getByLabel('Name').fill('Kitchen tablet');
      await first.getByRole('button', { name: 'Save' }).click();
      await page.locator('strong.name', { hasText: 'Kitchen tablet' }).waitFor();
      await page.reload();
      await page.locator('strong.name', { hasText: 'Kitchen tablet' }).waitFor();
    });
    await on(blocked, 'pl', 'devices-pl', async (page) => {
      await page.getByRole('link', { name: 'Urządzenia', exact: true }).click();
      await page.locator('strong.name', { hasText: 'Kitchen tablet' }).waitFor();
      assert.match((await page.locator('.list li').first().textContent()) ?? '', /w tym okresie.*(Połączone|Niepołączone)/);
    });
  });

  test('blocked with nothing to buy: the banner says the internet is stopped and whom to call, in both languages', async () => {
    await on(blocked, 'en', 'blocked-en', async (page) => {
      await page.locator('.banner.blocking', { hasText: 'Example ISP' }).waitFor({ timeout: 60_000 });
      const banner = await text(page, '.banner.blocking');
      assert.match(banner, /Your data for this period is used up: the internet is stopped until/);
      assert.match(banner, /For more data, contact Example ISP\./);
      assert.is(await page.locator('.banner.blocking').getByRole('button').count(), 0, 'nothing to buy on this device');
      assert.is(await page.getByRole('link', { name: 'Call +48 22 100 20 30' }).getAttribute('href'), 'tel:+48221002030');
      assert.match(await text(page, '.conn'), /Internet stopped: your data is used up/);
    });
    await on(blocked, 'pl', 'blocked-pl', async (page) => {
      // The ISP's name comes with the support details, a moment after the banner itself.
      await page.locator('.banner.blocking', { hasText: 'Example ISP' }).waitFor({ timeout: 60_000 });
      assert.match(await text(page, '.banner.blocking'), /Dane na ten okres się skończyły: internet jest wstrzymany do .*Po więcej danych skontaktuj się z: Example ISP\./);
      await page.getByRole('link', { name: 'Zadzwoń: +48 22 100 20 30' }).waitFor();
    });
  });

  test('near the cap the overview gives the run-out date and a daily budget, in both languages', async () => {
    for (const [lang, runsOut, budget] of [
      // The cap is written '20M' (binary, as older configs are): sizes read in KiB/MiB.
      // At this period's pace (the data so far over the days so far) it runs out on a date or lasts.
      ['en', /At this pace your data (runs out on \d+ \w+|lasts until the reset)\./, /To make it last: up to [\d.,]+\s(KiB|MiB) a day\./],
      ['pl', /W tym tempie dane (skończą się \d+ \S+|wystarczą do odnowienia)\./, /Aby wystarczyły: do [\d.,]+\s(KiB|MiB) dziennie\./],
    ] as const) {
      await on(nearCap, lang, `near-cap-${lang}`, async (page) => {
        if (lang === 'pl') {
          // The Wi-Fi name counts bytes as it is typed: Polish letters take two.
          await page.getByRole('link', { name: 'Wi-Fi', exact: true }).click();
          await page.getByLabel('Nazwa sieci').fill('Zażółć');
          await page.getByText('10 z 32 bajtów').waitFor();
          await page.getByRole('link', { name: 'Przegląd', exact: true }).click();
        }
        await page.locator('.forecast').waitFor({ timeout: 60_000 });
        const forecast = await text(page, '.forecast');
        assert.match(forecast, runsOut);
        assert.match(forecast, budget);
        assert.is(await page.locator('.banner.blocking').count(), 0, 'not at the cap yet');
      });
    }
  });

  // Last: it makes this client wait on that device.
  test('after repeated wrong passwords the sign-in wait counts down', async () => {
    const tp = await openPage(browser, { baseURL: nearCap.url, viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    try {
      const { page } = tp;
      await page.goto('/');
      await page.waitForURL('**/sign-in');
      const timer = page.getByRole('timer');
      for (let i = 0; i < 12 && !(await timer.count()); i++) {
        await page.getByLabel('Password').fill(`wrong-password-${i}`);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForTimeout(300);
      }
      const first = Number(/in (\d+) seconds?/.exec((await timer.textContent()) ?? '')?.[1]);
      assert.ok(first >= 1, `a wait in seconds: ${await timer.textContent()}`);
      await tp.screenshot('customer-sign-in-wait');
      // It counts down to nothing, second by second, and then the form may be sent again.
      await page.waitForTimeout(first * 1000 + 1500);
      assert.is(await timer.count(), 0, `the wait of ${first} s is over`);
    } finally {
      await tp.close();
    }
  });
}

test.run();
