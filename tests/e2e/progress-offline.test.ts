/**
 * Between workouts, with no signal: a client ticks the habit their trainer assigned and
 * records two measurements while the page and the service worker have no network. The
 * streak and the chart update at once, from the device; back online, the tick and the
 * measurements reach Postgres and nothing is left waiting.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, dayIn } from '../../src/lib/calendar';
import { createTestUser, linkTrainerAndClient, sql, type TestUser } from '../helpers/device';
import { buildAndServeApp, cutNetwork, launchBrowser, newContext, restoreNetwork, type ServedApp, withScreenshotOnFailure } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { ProgressPage } from './pages/ProgressPage';
import { SignInPage } from './pages/SignInPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let client: TestUser;
let habitId: string;

beforeAll(async () => {
  stack = await startTestStack();
  const trainer = await createTestUser(stack, 'trainer', 'coach');
  client = await createTestUser(stack, 'client', 'mover');
  await linkTrainerAndClient(stack, trainer, client);
  const [habit] = await sql<{ id: string }>(
    stack.superuserUrl,
    `insert into public.habits (client_id, trainer_id, name, cadence, starts_on) values ($1, $2, 'Drink water', 'daily', current_date - 7) returning id`,
    [client.userId, trainer.userId],
  );
  habitId = habit?.id ?? '';
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

beforeEach(async () => {
  context = await newContext(browser);
  page = await context.newPage();
  // A script error blanks the page: say which in the test output.
  page.on('pageerror', (e) => console.error('page error:', e.message));
});

afterEach(async () => {
  await context?.close();
});

describe('habits and measurements offline', () => {
  it(
    'ticks a habit and adds measurements with no network; the chart updates at once; both reach Postgres on reconnect',
    { timeout: 150_000 },
    async () => {
      await withScreenshotOnFailure(page, 'progress-offline', async () => {
        const signIn = new SignInPage(page);
        const shell = new AppShellPage(page);
        const progress = new ProgressPage(page);
        // The profile's time zone is UTC: the client's "today" is the UTC date.
        const today = dayIn(new Date(), 'UTC');
        const yesterday = addDays(today, -1);

        // Online: sign in, open Progress; the trainer's habit arrives.
        await signIn.open(app.url);
        await signIn.signIn(client.email, client.password);
        await shell.nav.getByRole('link', { name: 'Progress' }).click();
        await progress.habit('Drink water').waitFor();
        await page.evaluate(async () => {
          await navigator.serviceWorker.ready;
        });
        await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');

        // Offline, page and service worker alike.
        await cutNetwork(context);
        await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');

        // Tick today: the streak updates at once.
        expect(await progress.streakText('Drink water')).toBe('Current streak: 0 days · Best: 0 days');
        await progress.tickToday('Drink water').click();
        await expect.poll(() => progress.streakText('Drink water')).toBe('Current streak: 1 day · Best: 1 day');
        expect(await progress.tickToday('Drink water').getAttribute('aria-pressed')).toBe('true');

        // Two measurements: the chart and the change summary follow each at once.
        await progress.openTab('Body');
        expect(await progress.chartCaption()).toBe('0 points');
        await progress.addMeasurement({ weight: '82.4', waist: '86', day: yesterday });
        await expect.poll(() => progress.chartCaption()).toBe('1 point · latest 82.4 kg');
        await progress.addMeasurement({ weight: '81.6' });
        await expect.poll(() => progress.chartCaption()).toMatch(/^2 points · latest 81\.6 kg · trend −\d+(\.\d)? kg\/week$/);
        await expect.poll(() => progress.chartDots().count()).toBe(2);
        expect(await progress.changeOver(7)).toBe('−0.8 kg');
        await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toMatch(/Offline, 3 changes waiting/);
        expect(await sql(stack.superuserUrl, `select id from public.measurements where client_id = $1`, [client.userId])).toEqual([]);

        // Back online: both reach Postgres, and nothing is left waiting.
        await restoreNetwork(context);
        const stored = async () => ({
          ticks: (
            await sql<{ log_date: string; done: boolean }>(
              stack.superuserUrl,
              `select to_char(log_date, 'YYYY-MM-DD') as log_date, done from public.habit_logs where habit_id = $1 and not deleted`,
              [habitId],
            )
          ).map((r) => `${r.log_date} ${r.done}`),
          measurements: (
            await sql<{ weight_kg: string; waist_cm: string | null }>(
              stack.superuserUrl,
              `select weight_kg, waist_cm from public.measurements where client_id = $1 and not deleted order by measured_at`,
              [client.userId],
            )
          ).map((r) => `${Number(r.weight_kg)} kg, waist ${r.waist_cm === null ? '-' : Number(r.waist_cm)}`),
        });
        await expect
          .poll(stored, { timeout: 60_000, interval: 500 })
          .toEqual({ ticks: [`${today} true`], measurements: ['82.4 kg, waist 86', '81.6 kg, waist -'] });
        await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
        expect(await shell.changesWaiting()).toBe('None');
      });
    },
  );
});
