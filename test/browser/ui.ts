// What the page suites share: a test in a fresh browser context that screenshots itself on
// failure, signing in through the form, and which console errors a test may expect.
import { test } from 'uvu';
import type { Browser } from 'playwright-core';
import { openPage, type TestPage } from '../helpers/browser.ts';

/** A refused form submission logs its 4xx as a console error; only those are expected. */
export function unexpected(errors: string[]): string[] {
  return errors.filter((e) => !/Failed to load resource: the server responded with a status of 4(00|01|03|22)/.test(e));
}

export async function signIn(tp: TestPage, url: string, password: string): Promise<void> {
  await tp.page.goto('/');
  await tp.page.waitForURL('**/sign-in');
  await tp.page.getByLabel('Password').fill(password);
  await tp.page.getByRole('button', { name: 'Sign in' }).click();
  await tp.page.waitForURL(`${url}/`);
}

/** A uvu test in a fresh context of `browser()` against `url()`; on failure, a screenshot and the daemon's output. */
export function checker(suite: typeof test, env: () => { browser: Browser; url: string; output: () => string }) {
  return function check(name: string, run: (tp: TestPage) => Promise<void>) {
    suite(name, async () => {
      const { browser, url, output } = env();
      const tp = await openPage(browser, { baseURL: url });
      try {
        await run(tp);
      } catch (error) {
        await tp.screenshot(`failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => {});
        throw new Error(`${(error as Error).message}\nbrowser errors: ${tp.errors.join('\n')}\ndaemon output:\n${output().slice(-2000)}`);
      } finally {
        await tp.close();
      }
    });
  };
}

/** The installer password the simulated device prints on stdout (it may follow /healthz by a moment). */
export async function installerPassword(output: () => string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const found = /installer password of this simulated device:\s*(\S+)/.exec(output())?.[1];
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the daemon printed no installer password');
}
