/**
 * Issue 24.5, the toast half, in Chromium: a personal record's toast shows at the top, clear of
 * the rest timer, goes by itself after a few seconds and does not follow the user to another
 * screen; the "ready to work offline" toast that a first sign-in shows sits above the timer, so
 * no toast covers the timer's buttons.
 */
import { describe, expect, it } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { sql } from '../helpers/device';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { createClientWithProgram, type ClientWithProgram } from './workout-fixtures';

let fixture: ClientWithProgram;
const suite = browserSuite({
  setup: async (stack) => {
    fixture = await createClientWithProgram(stack, [{ name: 'Bench press', loadKg: 60, reps: 5, sets: 2 }]);
    // Last week's bench press, 80 kg: the baseline today's heavier set beats.
    const [session] = await sql<{ id: string }>(
      stack.superuserUrl,
      `insert into public.workout_sessions (client_id, name, status, started_at, ended_at)
       values ($1, 'Last week', 'completed', now() - interval '7 days', now() - interval '7 days' + interval '1 hour') returning id`,
      [fixture.client.userId],
    );
    await sql(
      stack.superuserUrl,
      `insert into public.set_logs (session_id, client_id, exercise_id, set_index, set_kind, weight_kg, reps, done, performed_at)
       values ($1, $2, $3, 1, 'working', 80, 5, true, now() - interval '7 days')`,
      [session!.id, fixture.client.userId, fixture.exercises[0]!.id],
    );
  },
});

describe('a personal record’s toast', () => {
  it('shows at the top, clear of the rest timer whose buttons stay tappable, and goes by itself', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'achievement-toast', async () => {
      const today = new TodayPage(suite.page);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.tick('Bench press', 1).waitFor();
      const shell = new AppShellPage(suite.page);
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');

      await today.typeInto('Weight', 'Bench press', 1, '90');
      await today.completeSet('Bench press', 1);
      const toast = suite.page.locator('.achievement-toast').first();
      await toast.waitFor({ timeout: 30_000 });
      expect(await toast.innerText()).toContain('Achievement unlocked');
      const timer = suite.page.getByRole('timer', { name: 'Rest timer' });
      await timer.waitFor();
      const [toastBox, timerBox] = [await toast.boundingBox(), await timer.boundingBox()];
      expect(toastBox!.y + toastBox!.height).toBeLessThanOrEqual(timerBox!.y);
      const more = suite.page.getByRole('button', { name: '15 seconds more rest' });
      const box = (await more.boundingBox())!;
      const hit = await suite.page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.closest('button')?.getAttribute('aria-label') ?? null,
        [box.x + box.width / 2, box.y + box.height / 2],
      );
      // Nothing covers it: not this toast, nor the "ready to work offline" one a first sign-in shows.
      expect(hit).toBe('15 seconds more rest');

      // It goes by itself (6 s), and does not follow the user to another screen.
      await toast.waitFor({ state: 'detached', timeout: 12_000 });
      await suite.page.goto(`${suite.app.url}/history`);
      await suite.page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(await suite.page.locator('.achievement-toast').count()).toBe(0);
    });
  });
});
