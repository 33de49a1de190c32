/** Signing in and up with supabase-js against the local stack; role-aware navigation; routes survive reload. */
import pg from 'pg';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { buildAndServeApp, launchBrowser, newContext, withScreenshotOnFailure, type ServedApp } from '../helpers/browser';
import { BROWSER_LOCALE } from '../helpers/browser-locale';
import { sql } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AccountPage } from './pages/AccountPage';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const demoClient = DEMO_ACCOUNTS.find((a) => a.label === 'demo client')!;
const demoTrainer = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;

beforeAll(async () => {
  stack = await startTestStack({ seed: 'supabase/seed.sql' });
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

beforeEach(async () => {
  context = await newContext(browser);
  page = await context.newPage();
});

afterEach(async () => {
  await context?.close();
});

describe('signing in', { timeout: 120_000 }, () => {
  it('signs a demo user in, shows who they are, keeps them signed in across a reload, and signs out', async () => {
    await withScreenshotOnFailure(page, 'sign-in-demo', async () => {
      const signIn = new SignInPage(page);
      await signIn.open(app.url);
      await signIn.signIn(demoClient.email, demoClient.password);
      const shell = new AppShellPage(page);
      await shell.nav.getByRole('link', { name: 'Today' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/today');
      const account = new AccountPage(page);
      await account.open();
      expect(await account.email.textContent()).toBe(demoClient.email);

      await page.reload();
      await account.heading.waitFor();
      expect(new URL(page.url()).pathname).toBe('/account');
      expect(await account.email.textContent()).toBe(demoClient.email);

      await account.signOut();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    });
  });

  it('opens the data when the sync code cannot load yet (offline before it was stored), and syncs once it can', async () => {
    // No service worker: the page fetches its chunks itself, and the engine's is refused, as
    // when the network drops before the service worker has stored it.
    const uncached = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: BROWSER_LOCALE, serviceWorkers: 'block' });
    const tab = await uncached.newPage();
    try {
      await withScreenshotOnFailure(tab, 'sign-in-engine-chunk-offline', async () => {
        const signIn = new SignInPage(tab);
        await signIn.open(app.url);
        await signIn.signIn(demoClient.email, demoClient.password);
        const shell = new AppShellPage(tab);
        await expect.poll(() => shell.syncLabel(), { timeout: 30_000 }).toBe('Synced');
        const engineChunk = /\/assets\/engine-[^/]+\.js$/;
        let refused = 0;
        await tab.route(engineChunk, (route) => {
          refused += 1;
          return route.abort('internetdisconnected');
        });
        await tab.reload();
        await shell.nav.getByRole('link', { name: 'Today' }).waitFor();
        await tab.getByRole('heading', { level: 1 }).first().waitFor();
        // The engine loads after the first screen is shown: wait until its chunk was refused.
        await expect.poll(() => refused, { timeout: 15_000 }).toBeGreaterThan(0);
        expect(await tab.getByText('Could not open your data on this device').count()).toBe(0);
        // A workout still starts and takes a tick, kept on the device while the sync code is missing.
        const startedAt = new Date(Date.now() - 60_000).toISOString();
        const tick = tab.locator('button.tick[aria-pressed="false"]').first();
        // Today's planned day, or on the program's rest days, a day of it anyway.
        const restDay = tab.getByText('Rest day. Recover well.');
        await Promise.race([tick.waitFor(), restDay.waitFor()]);
        if (await restDay.isVisible()) await tab.getByRole('button', { name: 'Day A: squat and press' }).click();
        const label = ((await tick.getAttribute('aria-label')) ?? '').replace(/^Done: /, '');
        const [, setIndex, exercise] = /^set (\d+) of (.+)$/.exec(label) ?? [];
        expect(exercise).toBeTruthy();
        await tick.click();
        await tab.getByRole('button', { name: `Done: ${label}`, pressed: true }).waitFor();
        const stored = async () => {
          const rows = await sql<{ done: boolean }>(
            stack.superuserUrl,
            `select s.done from public.set_logs s join public.exercises e on e.id = s.exercise_id join auth.users u on u.id = s.client_id
             where u.email = $1 and e.name = $2 and s.set_index = $3 and s.created_at > $4 and not s.deleted`,
            [demoClient.email, exercise, Number(setIndex), startedAt],
          );
          return rows[0]?.done;
        };
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        expect(await stored()).toBeUndefined();
        // Back online: the sync code loads, and the tick reaches the server.
        await tab.unroute(engineChunk);
        await tab.evaluate(() => window.dispatchEvent(new Event('online')));
        // The browser remembers the failed import: the engine is asked for again at a fresh address.
        await expect.poll(stored, { timeout: 30_000 }).toBe(true);
      });
    } finally {
      await uncached.close();
    }
  });

  it('says why a wrong password is refused and checks the form before sending it', async () => {
    await withScreenshotOnFailure(page, 'sign-in-errors', async () => {
      const signIn = new SignInPage(page);
      await signIn.open(app.url);
      await signIn.signIn('not-an-email', 'x');
      await signIn.fieldError('Enter a valid email address, like name@example.com').waitFor();
      await signIn.fieldError('The password must be at least 6 characters').waitFor();

      await signIn.signIn(demoClient.email, 'wrong-password');
      await expect.poll(() => signIn.alert.textContent()).toBe('Invalid login credentials');
    });
  });

  it('refuses a common password at sign-up and shows every error of the form at once', async () => {
    await withScreenshotOnFailure(page, 'sign-up-errors', async () => {
      const signIn = new SignInPage(page);
      await signIn.open(app.url);
      await signIn.signUp('not-an-email', 'password', '');
      await signIn.fieldError('Enter your name').waitFor();
      expect(await signIn.fieldError('Enter a valid email address, like name@example.com').isVisible()).toBe(true);
      expect(await signIn.fieldError(/most common ones/).isVisible()).toBe(true);
      expect(await sql(stack.superuserUrl, `select 1 from auth.users where email = 'not-an-email'`)).toEqual([]);
    });
  });

  it('signs up a new user, who lands in auth.users', async () => {
    await withScreenshotOnFailure(page, 'sign-up', async () => {
      const signIn = new SignInPage(page);
      await signIn.open(app.url);
      await signIn.signUp('new.person@example.com', 'a-good-password', 'New Person');
      const account = new AccountPage(page);
      await account.open();
      expect(await account.email.textContent()).toBe('new.person@example.com');
      const db = new pg.Client({ connectionString: stack.superuserUrl });
      await db.connect();
      const { rows } = await db.query(
        `select u.encrypted_password like '$2%' as bcrypt, p.full_name, p.role from auth.users u join public.profiles p on p.id = u.id where u.email = 'new.person@example.com'`,
      );
      await db.end();
      expect(rows).toEqual([{ bcrypt: true, full_name: 'New Person', role: 'client' }]);
    });
  });

  it('shows a trainer the trainer navigation, and keeps client screens out of it', async () => {
    await withScreenshotOnFailure(page, 'sign-in-trainer', async () => {
      const signIn = new SignInPage(page);
      await signIn.open(app.url);
      await signIn.signIn(demoTrainer.email, demoTrainer.password);
      const shell = new AppShellPage(page);
      await shell.nav.getByRole('link', { name: 'Clients' }).waitFor();
      const links = await shell.nav.getByRole('link').allTextContents();
      const names = links.map((l) => l.trim());
      expect(names).toEqual(expect.arrayContaining(['Clients', 'Programs', 'Library', 'Account']));
      expect(names).not.toContain('Today');
      expect(names).not.toContain('History');
      await page.goto(`${app.url}/today`);
      await page.waitForURL(`${app.url}/clients`);
      await page.goto(`${app.url}/programs`);
      await page.getByRole('heading', { name: 'Programs', level: 1 }).waitFor();
    });
  });
});
