// Every page on a phone: at 320 and 390 px wide nothing scrolls sideways (the page's scroll
// width is the viewport's), in English and Polish; and on the Polish page no English reaches
// the reader: no sentence of the English strings, no English word from the server (errors,
// audit events, states). Device data (names, SSIDs, operator texts) is marked translate="no"
// and left out: it is the household's and the operator's, not ours to translate.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Browser, Page } from 'playwright-core';
import { defaultConfig, repo, signInCustomer, startDaemonProcess, type DaemonProcess } from '../../build/daemon-process.ts';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { missing } from '../helpers/requires.ts';
import { installerPassword } from './ui.ts';

const reason = missing({ commands: ['chromium'], files: [`${repo}/dist/daemon.mjs`, `${repo}/dist/www/index.html.gz`, defaultConfig] });
const SIGNED_IN = ['/', '/usage', '/balance', '/sms', '/wifi', '/devices', '/account', '/why', '/signal', '/mobile', '/plan', '/audit'];

/** Sentences of the English strings (the text between {params}, two words or more). */
async function englishSentences(): Promise<string[]> {
  const dir = join(repo, 'firmware-ui/src/i18n/en');
  const out = new Set<string>();
  for (const file of readdirSync(dir)) {
    const { en } = (await import(join(dir, file))) as { en: Record<string, string | Record<string, string>> };
    for (const value of Object.values(en)) {
      for (const text of typeof value === 'string' ? [value] : Object.values(value)) {
        for (const part of text.split(/\{\w+\}/)) {
          const words = part.trim().replace(/[.:,;?!…()]+$/, '');
          if (words.split(/\s+/).filter((w) => /[a-z]{2}/i.test(w)).length >= 2) out.add(words);
        }
      }
    }
  }
  // A part the Polish strings write the same way ("dBm, SINR", "MCC/MNC") is not English.
  const pl = await Promise.all(readdirSync(join(repo, 'firmware-ui/src/i18n/pl')).map(async (file) => JSON.stringify(((await import(join(repo, 'firmware-ui/src/i18n/pl', file))) as { pl: unknown }).pl)));
  return [...out].filter((words) => !pl.some((text) => text.includes(words)));
}

/** English words that no Polish sentence uses: a server message or an audit event would have them. */
const ENGLISH = /\b(the|and|your|you|is|are|was|not|with|for|this|from|failed|changed|signed|wrong|error|connected|connecting|searching|registered|disabled|enabled|locked)\b/i;

/** The page's text a reader sees, without device data (translate="no"). */
const readerText = (page: Page) =>
  page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('[translate="no"], script, style').forEach((e) => e.remove());
    return (clone.innerText || clone.textContent || '').replace(/\s+/g, ' ');
  });

/** Waits until the page has drawn its content (no "Loading…" left). */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !/Loading…|Wczytywanie…/.test(document.querySelector('main')?.textContent ?? ''), undefined, { timeout: 10_000 }).catch(() => {});
  await page.waitForTimeout(300);
}

if (reason) {
  console.log(`browser suite skipped: ${reason}`);
  test.skip('every page on a phone', () => {});
} else {
  let browser: Browser;
  let daemon: DaemonProcess;
  let fresh: DaemonProcess;
  let installer = '';
  test.before(async () => {
    browser = await launchBrowser();
    daemon = await startDaemonProcess();
    installer = await installerPassword(daemon.output);
    await signInCustomer(daemon);
    // Not set up yet: its first page is setup.
    fresh = await startDaemonProcess();
  });
  test.after(async () => {
    await browser?.close();
    await daemon?.dispose();
    await fresh?.dispose();
  });

  for (const lang of ['en', 'pl'] as const) {
    test(`no page scrolls sideways at 320 or 390 px (${lang}); the Polish pages hold no English`, async () => {
      const sentences = lang === 'pl' ? await englishSentences() : [];
      const problems: string[] = [];
      for (const width of [320, 390]) {
        const tp = await openPage(browser, { baseURL: daemon.url, viewport: { width, height: 800 }, locale: lang === 'pl' ? 'pl-PL' : 'en-GB' });
        const { page } = tp;
        const look = async (path: string) => {
          await settled(page);
          const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
          if (scroll > client) {
            problems.push(`${path} at ${width} px: ${scroll} px wide`);
            await tp.screenshot(`wide-${lang}-${width}${path.replace(/\W+/g, '-')}`);
          }
          if (lang !== 'pl') return;
          const text = await readerText(page);
          const found = sentences.find((s) => text.includes(s)) ?? ENGLISH.exec(text)?.[0];
          if (found) problems.push(`${path} (pl): English "${found}" in: ${text.slice(0, 300)}`);
        };
        try {
          await page.goto('/');
          await page.waitForURL('**/sign-in');
          await look('/sign-in');
          await page.locator('input[type=password]').fill(installer);
          await page.locator('form button').click();
          await page.waitForURL(`${daemon.url}/`);
          for (const path of SIGNED_IN) {
            await page.goto(path);
            await look(path);
          }
          await page.goto(`${fresh.url}/`);
          await page.waitForURL('**/setup');
          await look('/setup');
        } finally {
          await tp.close();
        }
      }
      assert.equal(problems, []);
    });
  }
}

test.run();
