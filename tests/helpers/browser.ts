/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium) with playwright-core: test tools
 * cannot download browsers on these machines. The app is the production build (service
 * worker and all), built against the test's own stack and served by Vite's preview server.
 */
import { BROWSER_LOCALE } from './browser-locale';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { freePort } from '../../supabase/local/ports.js';

const ROOT = join(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = join(ROOT, 'test-results');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

export type ServedApp = { url: string; outDir: string; close: () => Promise<void> };

/** Builds the app against `apiUrl`/`anonKey` into a temporary folder and serves it. */
export async function buildAndServeApp(apiUrl: string, anonKey: string): Promise<ServedApp> {
  const outDir = await mkdtemp(join(tmpdir(), 'fitcoach-dist-'));
  process.env.VITE_SUPABASE_URL = apiUrl;
  process.env.VITE_SUPABASE_ANON_KEY = anonKey;
  // Vitest sets NODE_ENV=test, which would make this a development build (import.meta.env.DEV,
  // RxDB dev-mode and its tracking iframe): build exactly what users get.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root: ROOT, mode: 'production', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'error', build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true } });
  return {
    url: `http://127.0.0.1:${port}`,
    outDir,
    close: async () => {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
      await rm(outDir, { recursive: true, force: true });
    },
  };
}

/** Runs a browser step and saves a full-page screenshot of `page` if it fails. */
export async function withScreenshotOnFailure<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  const pageErrors: string[] = [];
  const notePageError = (error: Error) => pageErrors.push(error.stack ?? error.message);
  page.on('pageerror', notePageError);
  try {
    return await step();
  } catch (error) {
    if (pageErrors.length > 0) console.error(`page errors during ${name}:\n${pageErrors.join('\n')}`);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const file = join(SCREENSHOT_DIR, `${name.replace(/[^a-z0-9-]+/gi, '-')}.png`);
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    throw error;
  } finally {
    page.off('pageerror', notePageError);
  }
}

/**
 * A browser with a real profile on disk (not an incognito context): Chromium reports
 * installability only for one, and a relaunch over the same folder is a cold start.
 */
export async function launchPersistentContext(userDataDir: string, options: { offline?: boolean; colorScheme?: 'light' | 'dark' } = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_FLAGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: BROWSER_LOCALE,
    colorScheme: options.colorScheme ?? 'dark',
    offline: options.offline ?? false,
  });
}

export { BROWSER_LOCALE };

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark', locale: BROWSER_LOCALE });
}

/**
 * Every request from this context, page or service worker, fails as if there were no network
 * (`setOffline` alone does not stop the service worker's requests). Returns the URLs refused.
 */
export async function cutNetwork(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    blocked.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
  return blocked;
}

export async function restoreNetwork(context: BrowserContext): Promise<void> {
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.setOffline(false);
}
