// Debian's chromium driven by playwright-core: one browser per suite, a fresh context per
// test, console and page errors collected, screenshots under test/.artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const artifacts = join(import.meta.dirname, '../.artifacts');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu', '--no-first-run', '--disable-sync'],
  });
}

export type TestPage = {
  page: Page;
  context: BrowserContext;
  /** Console errors (CSP violations included) and uncaught page errors, as text. */
  errors: string[];
  /** Saves a full-page PNG under test/.artifacts/ and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
};

/** A page in a fresh context (no cookies or storage shared with other tests). */
export async function openPage(
  browser: Browser,
  options: { baseURL?: string; viewport?: { width: number; height: number }; locale?: string; storageState?: Awaited<ReturnType<BrowserContext['storageState']>> } = {},
): Promise<TestPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-GB', ...options });
  // Everything here is local and answers in milliseconds: fail fast rather than after 30 s.
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  return {
    page,
    context,
    errors,
    async screenshot(name) {
      mkdirSync(artifacts, { recursive: true });
      const path = join(artifacts, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    close: () => context.close(),
  };
}
