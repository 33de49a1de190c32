/**
 * What a client types into a set row is what the tick saves: a field commits on blur, and the
 * tap on the tick comes right after that blur, before the device database has the typed value
 * back. Typed with the keyboard and tapped, as on the gym floor (filling fields from a script
 * never showed it): a draft workout's first tick, a stored workout's later ticks, an empty
 * weight typed, reps, RIR and RPE.
 */
import { describe, expect, it } from 'vitest';
import { sql } from '../helpers/device';
import { withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';
import { createClientWithProgram, type ClientWithProgram } from './workout-fixtures';

let fixture: ClientWithProgram;
const suite = browserSuite({
  setup: async (stack) => {
    fixture = await createClientWithProgram(stack, [
      { name: 'Back squat', loadKg: 100, reps: 5, sets: 3 },
      { name: 'Bench press', loadKg: null, reps: 8, sets: 2 },
      { name: 'Barbell row', loadKg: 60, reps: 10, sets: 2 },
    ]);
    await sql(stack.superuserUrl, `insert into public.exercises (name, body_part, equipment) values ('Dumbbell row', 'back', 'dumbbell')`);
  },
});

type StoredSet = { name: string; set_index: number; weight_kg: string | null; reps: number; rir: number | null; rpe: string | null };

async function doneSets(): Promise<string[]> {
  const rows = await sql<StoredSet>(
    suite.stack.superuserUrl,
    `select e.name, s.set_index, s.weight_kg, s.reps, s.rir, s.rpe from public.set_logs s join public.exercises e on e.id = s.exercise_id
     where s.client_id = $1 and s.done and not s.deleted and s.performed_at > now() - interval '1 day' order by e.name, s.set_index`,
    [fixture.client.userId],
  );
  return rows.map(
    (r) =>
      `${r.name} ${r.set_index}: ${r.weight_kg === null ? '-' : Number(r.weight_kg)} × ${r.reps} rir ${r.rir ?? '-'} rpe ${r.rpe === null ? '-' : Number(r.rpe)}`,
  );
}

describe('typing a value and tapping the tick', () => {
  it('saves what was typed, on screen and in Postgres', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'gym-floor-typing', async () => {
      const today = new TodayPage(suite.page);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.tick('Bench press', 2).waitFor();

      // The draft's first tick: reps typed over the prefilled 5, RIR into an empty field.
      await today.typeInto('Reps', 'Back squat', 1, '6');
      await today.typeInto('RIR', 'Back squat', 1, '2');
      await today.tick('Back squat', 1).click();
      await today.tick('Back squat', 1).and(suite.page.locator('[aria-pressed="true"]')).waitFor();

      // A stored workout: weight typed, then the tick at once.
      await today.typeInto('Weight', 'Back squat', 2, '102.5');
      await today.tick('Back squat', 2).click();
      // Reps typed, a second's pause, then the tick.
      await today.typeInto('Reps', 'Back squat', 3, '4');
      await suite.page.waitForTimeout(1000);
      await today.tick('Back squat', 3).click();

      // An empty weight typed; RPE instead of RIR, typed.
      await today.typeInto('Weight', 'Bench press', 1, '40');
      await today.tick('Bench press', 1).click();
      await suite.page.getByLabel('Options for Bench press').click();
      await suite.page.getByRole('button', { name: 'Log RPE instead' }).click();
      await today.typeInto('RPE', 'Bench press', 2, '8.5');
      await today.typeInto('Reps', 'Bench press', 2, '10');
      await today.tick('Bench press', 2).click();

      for (const [exercise, set] of [
        ['Back squat', 3],
        ['Bench press', 2],
      ] as const) {
        await today.tick(exercise, set).and(suite.page.locator('[aria-pressed="true"]')).waitFor();
      }
      await suite.page.locator('[data-testid="set-row"][data-saving]').first().waitFor({ state: 'detached' });
      expect(await today.input('Reps', 'Back squat', 1).inputValue()).toBe('6');
      expect(await today.input('RIR', 'Back squat', 1).inputValue()).toBe('2');
      expect(await today.input('Weight', 'Back squat', 2).inputValue()).toBe('102.5');
      expect(await today.input('Reps', 'Back squat', 3).inputValue()).toBe('4');
      expect(await today.input('Weight', 'Bench press', 1).inputValue()).toBe('40');
      expect(await today.input('RPE', 'Bench press', 2).inputValue()).toBe('8.5');
      expect(await today.input('Reps', 'Bench press', 2).inputValue()).toBe('10');

      await expect
        .poll(doneSets, { timeout: 30_000, interval: 500 })
        .toEqual([
          'Back squat 1: 100 × 6 rir 2 rpe -',
          'Back squat 2: 102.5 × 5 rir - rpe -',
          'Back squat 3: 100 × 4 rir - rpe -',
          'Bench press 1: 40 × 8 rir - rpe -',
          'Bench press 2: - × 10 rir - rpe 8.5',
        ]);
    });
  });

  it('Enter logs a set and puts the steppers away; a swap closes its menu and drops the old load', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'gym-floor-overlays', async () => {
      const today = new TodayPage(suite.page);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.tick('Barbell row', 2).waitFor();

      await today.typeInto('Reps', 'Barbell row', 1, '9');
      await suite.page.keyboard.press('Enter');
      await today.tick('Barbell row', 1).and(suite.page.locator('[aria-pressed="true"]')).waitFor();
      await today.steppers('Barbell row', 1).waitFor({ state: 'hidden' });
      // Nothing covers Finish: a tap there opens the finish dialog.
      await suite.page.getByRole('button', { name: 'Finish' }).click({ trial: true, timeout: 5000 });

      const row = suite.page.getByRole('region', { name: 'Barbell row' });
      await expect.poll(() => row.getByText(/^Target/).textContent()).toContain('60 kg');
      await suite.page.getByLabel('Options for Barbell row').click();
      await suite.page.getByRole('button', { name: 'Swap exercise' }).click();
      await suite.page.getByRole('button', { name: /Dumbbell row/ }).click();
      const swapped = suite.page.getByRole('region', { name: 'Dumbbell row' });
      await swapped.waitFor();
      expect(await suite.page.getByRole('button', { name: 'Swap exercise' }).isVisible()).toBe(false);
      expect(await swapped.getByText(/^Target/).textContent()).toBe('Target 2 × 10');

      // Escape and a tap outside close the menu too.
      await suite.page.getByLabel('Options for Dumbbell row').click();
      await suite.page.getByRole('button', { name: 'Log RPE instead' }).last().waitFor();
      await suite.page.keyboard.press('Escape');
      await expect.poll(() => suite.page.getByRole('button', { name: 'Swap exercise' }).last().isVisible()).toBe(false);
      await suite.page.getByLabel('Options for Dumbbell row').click();
      await suite.page.getByRole('heading', { level: 1 }).click();
      await expect.poll(() => suite.page.getByRole('button', { name: 'Swap exercise' }).last().isVisible()).toBe(false);
    });
  });

  it('says what is wrong with a typed value, stores none of it, and counts a long note to its limit', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'gym-floor-bad-input', async () => {
      const today = new TodayPage(suite.page);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      await today.tick('Dumbbell row', 2).waitFor();
      const stored = () =>
        sql<{ weight_kg: string; reps: number }>(
          suite.stack.superuserUrl,
          `select s.weight_kg, s.reps from public.set_logs s join public.exercises e on e.id = s.exercise_id where e.name = 'Dumbbell row' and s.set_index = 2 and s.client_id = $1`,
          [fixture.client.userId],
        );
      const before = await stored();

      // (Dumbbell row replaced Barbell row in the test before; its set 2 is not done.)
      await today.typeInto('Weight', 'Dumbbell row', 2, '-20');
      await suite.page.keyboard.press('Tab');
      await suite.page.getByRole('alert').filter({ hasText: 'Weight cannot be negative' }).waitFor();
      await today.typeInto('Weight', 'Dumbbell row', 2, '');
      await today.typeInto('Reps', 'Dumbbell row', 2, '1000');
      await today.tick('Dumbbell row', 2).click();
      await suite.page.getByRole('alert').filter({ hasText: 'Reps are at most 300' }).waitFor();
      expect(await today.isDone('Dumbbell row', 2)).toBe(false);
      expect(await stored()).toEqual(before);

      await suite.page.getByRole('button', { name: 'Finish' }).click();
      const notes = suite.page.getByLabel('Notes');
      await notes.fill('x'.repeat(10_000));
      expect((await notes.inputValue()).length).toBe(4000);
      await suite.page.getByText('At the limit: 4000 characters').waitFor();
    });
  });

  it('shows a pound user kilogram prescriptions as loadable pounds, and e1RM to one decimal', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'gym-floor-pounds', async () => {
      await sql(suite.stack.superuserUrl, `update public.profiles set weight_unit = 'lb' where id = $1`, [fixture.client.userId]);
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(fixture.client.email, fixture.client.password);
      const squat = suite.page.getByRole('region', { name: 'Back squat' });
      // 100 kg is 220.46 lb: the bar is loaded to 220.
      await expect.poll(() => squat.getByText(/^Target/).textContent(), { timeout: 30_000 }).toBe('Target 3 × 5 · 220 lb');
      await squat.getByRole('link', { name: 'Back squat' }).click();
      await suite.page.getByText('Best e1RM').waitFor();
      const best = (await suite.page.locator('dt:text-is("Best e1RM") + dd').textContent()) ?? '';
      expect(best).toMatch(/^\d+(\.\d)? lb$/);
    });
  });
});
