/**
 * The gym-basement path, end to end in Chromium against the production build (service worker
 * and all) and the local stack: sign in online; cut the network for the page AND the service
 * worker (context-level route abort, which also catches the worker's own fetches, plus
 * offline emulation); reload: the app comes from the service worker, still signed in; log 3
 * exercises × 3 sets with one tap each; reload: all there; restore the network: the sets
 * reach Postgres and the indicator shows nothing waiting.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../helpers/device';
import { buildAndServeApp, cutNetwork, launchBrowser, newContext, restoreNetwork, type ServedApp, withScreenshotOnFailure } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { createClientWithProgram, type ClientWithProgram } from './workout-fixtures';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let fixture: ClientWithProgram;

beforeAll(async () => {
  stack = await startTestStack();
  fixture = await createClientWithProgram(stack, [
    { name: 'Back squat', loadKg: 100, reps: 5, sets: 3 },
    { name: 'Bench press', loadKg: 70, reps: 8, sets: 3 },
    { name: 'Barbell row', loadKg: 60, reps: 10, sets: 3 },
  ]);
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
});

afterEach(async () => {
  await context?.close();
});

describe('logging a workout offline', () => {
  it('starts from the service worker signed in, keeps 9 sets across reloads and syncs them when back online', { timeout: 150_000 }, async () => {
    await withScreenshotOnFailure(page, 'offline-logging', async () => {
      const signIn = new SignInPage(page);
      const today = new TodayPage(page);
      const shell = new AppShellPage(page);
      const exercises = fixture.exercises.map((e) => e.name);

      // Online: sign in; the program arrives, the service worker installs its precache.
      await signIn.open(app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.heading(fixture.dayName).waitFor();
      await today.tick('Barbell row', 3).waitFor();
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');

      // Offline, for the page and the service worker alike.
      const blocked = await cutNetwork(context);
      const reload = await page.reload();
      expect(reload?.fromServiceWorker()).toBe(true);
      await today.heading(fixture.dayName).waitFor();
      expect(await signIn.email.count()).toBe(0);
      await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');

      // The steppers of a focused field show clear of its row, and a press keeps the focus.
      const benchWeight = today.input('Weight', 'Bench press', 3);
      await benchWeight.focus();
      const steppers = today.steppers('Bench press', 3);
      await steppers.waitFor();
      await expect
        .poll(async () => {
          const [field, panel] = [await benchWeight.boundingBox(), await steppers.boundingBox()];
          return field && panel ? field.y - (panel.y + panel.height) : -1;
        })
        .toBeGreaterThanOrEqual(0);
      for (const _press of [1, 2]) await today.stepper('Increase', 'Weight', 'Bench press', 3).click();
      expect(await benchWeight.inputValue()).toBe('75');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Weight (kg), set 3 of Bench press');
      await benchWeight.blur();

      // One tap per set: the values are prefilled from the program.
      for (const exercise of exercises) {
        for (const set of [1, 2, 3]) await today.completeSet(exercise, set);
      }
      expect(await today.input('Weight', 'Back squat', 1).inputValue()).toBe('100');
      await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toMatch(/Offline, \d+ changes? waiting/);

      // Reload, still offline: everything is still there.
      await page.reload();
      await today.tick('Barbell row', 3).waitFor();
      for (const exercise of exercises) {
        for (const set of [1, 2, 3]) expect(await today.isDone(exercise, set), `${exercise} set ${set}`).toBe(true);
      }
      expect(blocked.some((url) => url.startsWith(stack.apiUrl))).toBe(true);

      // Back online: the sets reach Postgres and nothing is left waiting.
      await restoreNetwork(context);
      const done = async () =>
        (
          await sql<{ name: string; set_index: number; weight_kg: string; reps: number }>(
            stack.superuserUrl,
            `select e.name, s.set_index, s.weight_kg, s.reps from public.set_logs s join public.exercises e on e.id = s.exercise_id
             where s.client_id = $1 and s.done and not s.deleted order by e.name, s.set_index`,
            [fixture.client.userId],
          )
        ).map((r) => `${r.name} ${r.set_index}: ${Number(r.weight_kg)} × ${r.reps}`);
      await expect.poll(done, { timeout: 60_000, interval: 500 }).toEqual([
        'Back squat 1: 100 × 5',
        'Back squat 2: 100 × 5',
        'Back squat 3: 100 × 5',
        'Barbell row 1: 60 × 10',
        'Barbell row 2: 60 × 10',
        'Barbell row 3: 60 × 10',
        'Bench press 1: 70 × 8',
        'Bench press 2: 70 × 8',
        'Bench press 3: 75 × 8',
      ]);
      const sessions = await sql(stack.superuserUrl, `select status from public.workout_sessions where client_id = $1`, [fixture.client.userId]);
      expect(sessions).toEqual([{ status: 'in_progress' }]);
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
      expect(await shell.changesWaiting()).toBe('None');
    });
  });
});
