/** Chromium's own verdict on installing the app (DevTools Page.getInstallabilityErrors), and the manifest. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAndServeApp, launchBrowser, launchPersistentContext, newContext, withScreenshotOnFailure, type ServedApp } from '../helpers/browser';

let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  // No stack needed: installability is about the shell, its manifest and its service worker.
  app = await buildAndServeApp('http://127.0.0.1:9', 'not-a-key');
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('installable app', { timeout: 120_000 }, () => {
  it('has no installability errors in Chromium and a complete manifest', async () => {
    const profile = await mkdtemp(join(tmpdir(), 'fitcoach-profile-'));
    const context = await launchPersistentContext(profile);
    const page = context.pages()[0] ?? (await context.newPage());
    try {
      await withScreenshotOnFailure(page, 'installability', async () => {
        await page.goto(app.url);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        const cdp = await context.newCDPSession(page);
        const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
        expect(installabilityErrors).toEqual([]);

        const manifest = (await (await page.request.get(`${app.url}/manifest.webmanifest`)).json()) as Record<string, unknown> & { icons: Array<{ sizes: string; purpose?: string; type: string; src: string }> };
        expect(manifest).toMatchObject({ name: 'FitCoach', short_name: 'FitCoach', display: 'standalone', start_url: '/', theme_color: '#0f766e', background_color: '#0b1416' });
        const icons = manifest.icons.map((i) => `${i.sizes} ${i.purpose ?? 'any'} ${i.type}`);
        expect(icons).toEqual(expect.arrayContaining(['192x192 any image/png', '512x512 any image/png', '512x512 maskable image/png']));
        for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
          const response = await page.request.get(`${app.url}${icon.src}`);
          expect(response.headers()['content-type']).toBe('image/png');
        }
      });
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  it('starts with no network once the service worker has installed', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    try {
      await withScreenshotOnFailure(page, 'offline-shell', async () => {
        await page.goto(app.url);
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await context.route('**/*', (route) => route.abort('internetdisconnected'));
        await context.setOffline(true);
        const response = await page.goto(`${app.url}/history`);
        expect(response?.fromServiceWorker()).toBe(true);
        await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      });
    } finally {
      await context.close();
    }
  });
});
