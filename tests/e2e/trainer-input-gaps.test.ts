/**
 * Issue 24.10, the trainer's side, in Chromium against the demo world: weekly hours that overlap
 * hours already set are refused on the screen (and by Postgres), the time zone is picked from a
 * list rather than typed, and a custom exercise named like a catalogue one is refused with what
 * to do instead. Nothing refused reaches Postgres.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { sql } from '../helpers/device';
import { AppShellPage } from './pages/AppShellPage';
import { SchedulePage } from './pages/SchedulePage';
import { SignInPage } from './pages/SignInPage';

const coach = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;
const suite = browserSuite({ seed: 'supabase/seed.sql' });

async function signInAsCoach(): Promise<AppShellPage> {
  const signIn = new SignInPage(suite.page);
  await signIn.open(suite.app.url);
  await signIn.signIn(coach.email, coach.password);
  const shell = new AppShellPage(suite.page);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  return shell;
}

const mondayWindows = () =>
  sql<{ hours: string }>(
    suite.stack.superuserUrl,
    `select to_char(start_time, 'HH24:MI') || '-' || to_char(end_time, 'HH24:MI') as hours from public.trainer_availability
     where trainer_id = $1 and day_of_week = 1 and not deleted order by start_time`,
    [coach.id],
  );

describe('the trainer’s availability', () => {
  it('refuses weekly hours overlapping hours already set, and picks the zone from a list', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'input-gaps-availability', async () => {
      await signInAsCoach();
      const schedule = new SchedulePage(suite.page);
      await schedule.open();
      const form = suite.page.getByRole('form', { name: 'Add weekly hours' });
      const zone = form.getByLabel('Time zone');
      expect(await zone.evaluate((el) => el.tagName)).toBe('SELECT');
      expect(await zone.inputValue()).toBe('Europe/London');
      expect(await zone.locator('option', { hasText: 'America/New York' }).count()).toBe(1);

      // The demo has Monday 07:00–12:00.
      await schedule.addWeeklyHours('Monday', '11:00', '13:00', 60);
      await form.getByText(/^Overlaps your hours Monday 07:00–12:00/).waitFor();
      expect(await mondayWindows()).toEqual([{ hours: '07:00-12:00' }]);

      await schedule.addWeeklyHours('Monday', '12:00', '14:00', 60);
      await expect.poll(async () => (await mondayWindows()).map((w) => w.hours), { timeout: 30_000 }).toEqual(['07:00-12:00', '12:00-14:00']);
      await schedule.availability.getByText(/^Monday 12:00–14:00/).waitFor({ timeout: 30_000 });
    });
  });
});

describe('a custom exercise', () => {
  it('named like a catalogue exercise is refused with what to do; a distinct name is saved', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'input-gaps-exercise', async () => {
      const shell = await signInAsCoach();
      await shell.goTo('Library');
      await suite.page.getByRole('link', { name: 'New exercise' }).click();
      await suite.page.getByLabel('Name', { exact: true }).fill('barbell Bench-Press ');
      await suite.page.getByRole('button', { name: 'Create exercise' }).click();
      await suite.page.getByText(/^The library already has “Barbell bench press”: use it/).waitFor();
      const mine = () =>
        sql(suite.stack.superuserUrl, `select name from public.exercises where trainer_id = $1 and lower(name) like '%bench%'`, [coach.id]);
      expect(await mine()).toEqual([]);

      await suite.page.getByLabel('Name', { exact: true }).fill('Barbell bench press (paused)');
      await suite.page.getByRole('button', { name: 'Create exercise' }).click();
      await suite.page.getByRole('heading', { level: 1, name: 'Barbell bench press (paused)' }).waitFor();
      await expect.poll(mine, { timeout: 30_000 }).toEqual([{ name: 'Barbell bench press (paused)' }]);
    });
  });
});
