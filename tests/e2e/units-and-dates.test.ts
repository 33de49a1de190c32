/**
 * Issue 24.8 in Chromium: a pound user is prefilled loads they can put on the bar (a 70 kg
 * prescription is 155 lb, not 154.3), the tick stores exactly that, and dates read in one style
 * on every screen (no "12/3/2026" beside "3 Dec").
 */
import { describe, expect, it } from 'vitest';
import { withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { sql } from '../helpers/device';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { createClientWithProgram, type ClientWithProgram } from './workout-fixtures';

let fixture: ClientWithProgram;
const suite = browserSuite({
  setup: async (stack) => {
    fixture = await createClientWithProgram(stack, [
      { name: 'Back squat', loadKg: 70, reps: 5, sets: 2 },
      { name: 'Bench press', loadKg: 132.5, reps: 3, sets: 1 },
    ]);
    await sql(stack.superuserUrl, `update public.profiles set weight_unit = 'lb' where id = $1`, [fixture.client.userId]);
  },
});

const NUMERIC_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

describe('a pound user', () => {
  it('is prefilled plate-step loads, stores what was shown, and reads dates in one style', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'units-and-dates', async () => {
      const today = new TodayPage(suite.page);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.tick('Bench press', 1).waitFor();

      expect(await today.input('Weight', 'Back squat', 1).inputValue()).toBe('155');
      expect(await today.input('Weight', 'Bench press', 1).inputValue()).toBe('290');
      const squat = today.exercise('Back squat');
      expect(await squat.innerText()).toContain('155 lb');
      expect(await squat.innerText()).not.toContain('154.3');

      await today.completeSet('Back squat', 1);
      await expect
        .poll(
          async () =>
            (
              await sql<{ weight_kg: string }>(
                suite.stack.superuserUrl,
                `select weight_kg from public.set_logs where client_id = $1 and done and not deleted`,
                [fixture.client.userId],
              )
            ).map((r) => Number(r.weight_kg)),
          { timeout: 30_000 },
        )
        .toEqual([70.31]);
      await today.input('Weight', 'Back squat', 1).waitFor();
      expect(await today.input('Weight', 'Back squat', 1).inputValue()).toBe('155');

      await suite.page.goto(`${suite.app.url}/history`);
      await suite.page.getByText(/\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/).first().waitFor();
      expect(await suite.page.locator('main').innerText()).not.toMatch(NUMERIC_DATE);
      await suite.page.goto(`${suite.app.url}/progress`);
      await suite.page.getByRole('heading', { level: 1, name: 'Progress' }).waitFor();
      expect(await suite.page.locator('main').innerText()).not.toMatch(NUMERIC_DATE);
    });
  });
});
