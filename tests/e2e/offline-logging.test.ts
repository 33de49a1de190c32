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

  it(
    'shows the tempo, drop set and rest prescribed, marks a warm-up and a drop set in one tap, works out the plates offline; the kinds reach Postgres, the warm-up is no record, and the exercise says how to do it',
    { timeout: 150_000 },
    async () => {
      const lifter = await createClientWithProgram(stack, [{ name: 'Front squat', loadKg: 100, reps: 5, sets: 3 }], 'Legs');
      // Last week's best: 100 × 5. A heavier warm-up must not count as a record.
      const [exercise] = lifter.exercises;
      await sql(
        stack.superuserUrl,
        `with s as (insert into public.workout_sessions (client_id, status, started_at, ended_at) values ($1, 'completed', now() - interval '7 days', now() - interval '7 days' + interval '1 hour') returning id)
       insert into public.set_logs (session_id, client_id, exercise_id, set_index, weight_kg, reps, done, performed_at) select s.id, $1, $2, 1, 100, 5, true, now() - interval '7 days' from s`,
        [lifter.client.userId, exercise?.id],
      );
      // The trainer's tempo, drop set and rest reach the logger in words.
      await sql(
        stack.superuserUrl,
        `update public.program_exercises set tempo = '3-1-1-0', drop_sets = 1, rest_seconds = 90 where exercise_id = $1`,
        [exercise?.id],
      );
      await sql(
        stack.superuserUrl,
        `update public.exercises set instructions = $2, video_url = 'https://youtu.be/ultWZbUMPL8' where id = $1`,
        [exercise?.id, 'Bar on the front of the shoulders, elbows high.'],
      );
      await withScreenshotOnFailure(page, 'offline-set-kinds', async () => {
        const signIn = new SignInPage(page);
        const today = new TodayPage(page);
        const shell = new AppShellPage(page);
        await signIn.open(app.url);
        await signIn.signIn(lifter.client.email, lifter.client.password);
        await today.heading('Legs').waitFor();
        await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
        const card = today.exercise('Front squat');
        for (const line of [
          'Tempo 3-1-1-0: 3 s down, 1 s pause at the bottom, 1 s up, no pause at the top',
          'Then a drop set',
          'Rest 1:30',
        ]) {
          await card.getByText(line, { exact: true }).waitFor();
        }
        await cutNetwork(context);
        await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');

        // One tap on the set's number: set 1 is a warm-up (its number shows W), set 3 a drop set.
        const kind = (set: number) => page.getByRole('button', { name: new RegExp(`: set ${set} of Front squat\\. Mark as `) });
        await kind(1).click();
        await expect.poll(() => kind(1).getAttribute('aria-label')).toBe('Warm-up: set 1 of Front squat. Mark as drop set');
        expect(await kind(1).textContent()).toBe('W');
        for (const _tap of [1, 2]) await kind(3).click();
        await expect.poll(() => kind(3).getAttribute('aria-label')).toBe('Drop set: set 3 of Front squat. Mark as to failure');
        expect(await kind(3).textContent()).toBe('D');

        // The warm-up goes heavier than last week's best; the plate calculator says what to load.
        await today.typeInto('Weight', 'Front squat', 1, '120');
        await today.input('Weight', 'Front squat', 1).blur();
        await page.getByLabel('Options for Front squat').click();
        await page.getByRole('button', { name: 'Plate calculator' }).click();
        const dialog = page.getByRole('dialog', { name: 'Plates for Front squat' });
        await dialog.getByText('Each side: 25 + 25').waitFor();
        await dialog.getByLabel('Target (kg)').fill('101');
        await dialog.getByText('101 kg cannot be made with these plates: this loads 100 kg (1 kg short).').waitFor();
        await dialog.getByLabel('Target (kg)').fill('62.5');
        await dialog.getByText('Each side: 20 + 1.25').waitFor();
        // A gym without 25s and 15s: saved on the device for next time.
        await dialog.getByLabel(/^Plates at your gym/).fill('20, 10, 5, 2.5, nope');
        await dialog.getByLabel(/^Plates at your gym/).press('Enter');
        await dialog.getByRole('alert').filter({ hasText: '“nope” is not a plate weight' }).waitFor();
        await dialog.getByLabel(/^Plates at your gym/).fill('20 10 5 2.5');
        await dialog.getByLabel(/^Plates at your gym/).press('Enter');
        await dialog.getByLabel('Target (kg)').fill('100');
        await dialog.getByText('Each side: 20 + 20').waitFor();
        await dialog.getByRole('button', { name: 'Close' }).click();

        for (const set of [1, 2, 3]) await today.completeSet('Front squat', set);
        await restoreNetwork(context);
        const stored = async () =>
          (
            await sql<{ set_index: number; set_kind: string; weight_kg: string }>(
              stack.superuserUrl,
              `select set_index, set_kind, weight_kg from public.set_logs where client_id = $1 and done and not deleted and performed_at > now() - interval '1 day' order by set_index`,
              [lifter.client.userId],
            )
          ).map((r) => `${r.set_index} ${r.set_kind} ${Number(r.weight_kg)}`);
        await expect.poll(stored, { timeout: 60_000, interval: 500 }).toEqual(['1 warmup 120', '2 working 100', '3 drop 100']);
        await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
        const records = await sql(stack.superuserUrl, `select title from public.achievements where client_id = $1 and kind = 'pr'`, [
          lifter.client.userId,
        ]);
        expect(records).toEqual([]);
        // From the logger, the exercise's page says how to do it, with the trainer's video.
        await card.getByRole('link', { name: 'Front squat' }).click();
        const howTo = page.getByRole('region', { name: 'How to do it' });
        await howTo.getByText('Bar on the front of the shoulders, elbows high.').waitFor();
        expect(await howTo.locator('iframe[title="Video: Front squat"]').getAttribute('src')).toBe(
          'https://www.youtube-nocookie.com/embed/ultWZbUMPL8',
        );
        expect(await howTo.getByRole('link', { name: /Open the video/ }).getAttribute('href')).toBe('https://youtu.be/ultWZbUMPL8');
        // The calculator kept the gym's plates.
        expect(await page.evaluate((id) => localStorage.getItem(`fitcoach.plates.${id}.kg`), lifter.client.userId)).toBe(
          '{"barWeight":20,"plates":[20,10,5,2.5]}',
        );
      });
    },
  );

  it(
    'adds the suggested warm-up sets before the working sets and a note on a set, offline; they reach Postgres',
    { timeout: 150_000 },
    async () => {
      const lifter = await createClientWithProgram(stack, [{ name: 'Deadlift', loadKg: 140, reps: 5, sets: 2 }], 'Pull');
      await withScreenshotOnFailure(page, 'offline-warmups', async () => {
        const signIn = new SignInPage(page);
        const today = new TodayPage(page);
        const shell = new AppShellPage(page);
        await signIn.open(app.url);
        await signIn.signIn(lifter.client.email, lifter.client.password);
        await today.heading('Pull').waitFor();
        await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
        await cutNetwork(context);
        await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');

        await page.getByLabel('Options for Deadlift').click();
        await page.getByRole('button', { name: 'Warm-up sets' }).click();
        const dialog = page.getByRole('dialog', { name: 'Warm-up for Deadlift' });
        expect(await dialog.locator('li strong').allTextContents()).toEqual(['20 kg × 10', '55 kg × 5', '82.5 kg × 3', '110 kg × 2']);
        await dialog.getByText('each side: 25 + 5 + 1.25').waitFor();
        await dialog.getByRole('button', { name: 'Add 4 warm-up sets' }).click();

        // The warm-ups come first, marked W; the working sets keep their numbers 1 and 2.
        const marks = page.locator('.set-number > span[aria-hidden]');
        await expect.poll(() => marks.allTextContents()).toEqual(['W', 'W', 'W', 'W', '1', '2']);
        expect(await today.input('Weight', 'Deadlift', 4).inputValue()).toBe('110');
        expect(await today.input('Weight', 'Deadlift', 5).inputValue()).toBe('140');
        // The menu offers no second ramp.
        await page.getByLabel('Options for Deadlift').click();
        expect(await page.getByRole('button', { name: 'Warm-up sets' }).count()).toBe(0);
        await page.keyboard.press('Escape');
        // A note on the first working set, from the set's panel; one too long is refused, saying why.
        await today.input('Weight', 'Deadlift', 5).click();
        await page.getByRole('button', { name: 'Note on set 5 of Deadlift', exact: true }).click();
        const note = page.getByRole('dialog', { name: 'Note on set 5 of Deadlift' });
        await note.getByLabel('Note').fill('x'.repeat(2001));
        await note.getByRole('button', { name: 'Save note' }).click();
        await note.getByRole('alert').filter({ hasText: "A set's note is at most 2,000 characters" }).waitFor();
        await note.getByLabel('Note').fill('  Belt on, hook grip ');
        await note.getByRole('button', { name: 'Save note' }).click();
        await page.getByRole('button', { name: 'Note on set 5 of Deadlift: Belt on, hook grip. Edit' }).waitFor();
        for (const set of [1, 2, 3, 4, 5, 6]) await today.completeSet('Deadlift', set);

        await restoreNetwork(context);
        const stored = async () =>
          (
            await sql<{ set_index: number; set_kind: string; weight_kg: string; reps: number; notes: string | null }>(
              stack.superuserUrl,
              `select set_index, set_kind, weight_kg, reps, notes from public.set_logs where client_id = $1 and done and not deleted order by set_index`,
              [lifter.client.userId],
            )
          ).map((r) => `${r.set_index} ${r.set_kind} ${Number(r.weight_kg)}×${r.reps}${r.notes ? ` (${r.notes})` : ''}`);
        await expect
          .poll(stored, { timeout: 60_000, interval: 500 })
          .toEqual([
            '1 warmup 20×10',
            '2 warmup 55×5',
            '3 warmup 82.5×3',
            '4 warmup 110×2',
            '5 working 140×5 (Belt on, hook grip)',
            '6 working 140×5',
          ]);
      });
    },
  );

  it(
    'alternates a superset: after a set of A1 straight to A2 with no rest, and the rest after the round',
    { timeout: 150_000 },
    async () => {
      const lifter = await createClientWithProgram(
        stack,
        [
          { name: 'Chin-up', loadKg: 0, reps: 8, sets: 2, restSeconds: 60 },
          { name: 'Dip', loadKg: 0, reps: 10, sets: 2, restSeconds: 90 },
        ],
        'Upper',
      );
      await sql(stack.superuserUrl, `update public.program_exercises set superset_group = 'A' where exercise_id = any($1)`, [
        lifter.exercises.map((e) => e.id),
      ]);
      await withScreenshotOnFailure(page, 'offline-superset', async () => {
        const signIn = new SignInPage(page);
        const today = new TodayPage(page);
        await signIn.open(app.url);
        await signIn.signIn(lifter.client.email, lifter.client.password);
        await today.heading('Upper').waitFor();
        await today.exercise('Chin-up').getByText('Superset A: alternate with the other exercises of A').waitFor();
        await cutNetwork(context);
        const timer = page.getByRole('timer', { name: 'Rest timer' });

        await today.completeSet('Chin-up', 1);
        // No rest between the exercises of a superset.
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await timer.count()).toBe(0);
        await today.completeSet('Dip', 1);
        // The round is done: the longest rest of the superset.
        await timer.waitFor();
        await expect.poll(async () => (await timer.textContent()) ?? '').toMatch(/1:(2\d|30)/);
      });
    },
  );
});
