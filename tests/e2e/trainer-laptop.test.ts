/**
 * Issue 24.12 in Chromium on a laptop-sized window (1440 × 900) against the demo world: the
 * roster is a table of columns, the program builder lays each prescription out as one row with
 * its fields beside the exercise, the schedule's calendar uses the width, and the exercise
 * chooser adds several exercises at once (each reaching Postgres, in the order picked).
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { BROWSER_LOCALE, withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { sql } from '../helpers/device';
import { AppShellPage } from './pages/AppShellPage';
import { ProgramsPage } from './pages/ProgramsPage';
import { SignInPage } from './pages/SignInPage';

const coach = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;
const TEMPLATE = '00000000-0000-4000-a000-000000000001';
const suite = browserSuite({ seed: 'supabase/seed.sql' });

async function laptopPage() {
  const context = await suite.browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light', locale: BROWSER_LOCALE });
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.open(suite.app.url);
  await signIn.signIn(coach.email, coach.password);
  const shell = new AppShellPage(page);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  return { context, page };
}

const box = async (locator: Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
};

describe('the trainer on a laptop', () => {
  it('gets a roster table, a dense program builder and a wide schedule', { timeout: 150_000 }, async () => {
    const { context, page } = await laptopPage();
    try {
      await withScreenshotOnFailure(page, 'laptop-roster', async () => {
        await page.goto(`${suite.app.url}/clients`);
        const alex = page.getByRole('list', { name: 'Active clients' }).getByRole('link', { name: /Alex/ });
        await alex.getByText(/^Last workout /).waitFor({ timeout: 30_000 });
        expect((await box(page.locator('main .screen'))).width).toBeGreaterThan(1000);
        const [name, last, week] = await Promise.all([
          box(alex.locator('.list-title')),
          box(alex.getByText(/^Last workout /)),
          box(alex.getByText(/sessions? this week/)),
        ]);
        // One row, in columns left to right, under the column headings.
        expect(Math.abs(name.y - last.y)).toBeLessThan(12);
        expect(Math.abs(last.y - week.y)).toBeLessThan(12);
        expect(name.x).toBeLessThan(last.x);
        expect(last.x).toBeLessThan(week.x);
        expect(await page.locator('.roster-head').isVisible()).toBe(true);
      });

      await withScreenshotOnFailure(page, 'laptop-builder', async () => {
        await page.goto(`${suite.app.url}/programs/${TEMPLATE}`);
        const programs = new ProgramsPage(page);
        const dayName = 'Day A: squat and press';
        await programs.day(dayName).waitFor({ timeout: 30_000 });
        const first = programs.day(dayName).locator('article.prescription').first();
        const exercise = ((await first.getAttribute('aria-label')) ?? '').trim();
        const [title, sets] = await Promise.all([box(first.locator('.prescription-name')), box(programs.prescriptionField(dayName, 'Sets', exercise))]);
        expect(sets.x).toBeGreaterThan(title.x + title.width);
        expect(sets.y).toBeLessThan(title.y + title.height + 40);

        await programs.addExercises(dayName, ['Goblet squat', 'Dead bug']);
        await expect
          .poll(
            async () =>
              (
                await sql<{ name: string }>(
                  suite.stack.superuserUrl,
                  `select e.name from public.program_exercises pe join public.exercises e on e.id = pe.exercise_id
                   join public.program_days d on d.id = pe.program_day_id
                   where d.program_id = $1 and d.name = $2 and not pe.deleted order by pe.position collate "C"`,
                  [TEMPLATE, dayName],
                )
              )
                .map((r) => r.name)
                .slice(-2),
            { timeout: 30_000 },
          )
          .toEqual(['Goblet squat', 'Dead bug']);
      });

      await withScreenshotOnFailure(page, 'laptop-schedule', async () => {
        await page.goto(`${suite.app.url}/schedule`);
        const calendar = page.getByRole('region', { name: 'Calendar', exact: true });
        await calendar.waitFor({ timeout: 30_000 });
        expect((await box(calendar)).width).toBeGreaterThan(1000);
      });
    } finally {
      await context.close();
    }
  });

  it('picks several exercises, unpicks one, and cancelling adds nothing', { timeout: 120_000 }, async () => {
    const { context, page } = await laptopPage();
    try {
      await withScreenshotOnFailure(page, 'laptop-chooser', async () => {
        await page.goto(`${suite.app.url}/programs/${TEMPLATE}`);
        const dayName = 'Day B: deadlift and pull';
        const programs = new ProgramsPage(page);
        await programs.day(dayName).waitFor({ timeout: 30_000 });
        const count = async () =>
          (
            await sql(
              suite.stack.superuserUrl,
              `select 1 from public.program_exercises pe join public.program_days d on d.id = pe.program_day_id
               where d.program_id = $1 and d.name = $2 and not pe.deleted`,
              [TEMPLATE, dayName],
            )
          ).length;
        const before = await count();
        await page.getByRole('button', { name: `+ Add exercise to ${dayName}` }).click();
        const dialog = page.getByRole('dialog', { name: `Add to ${dayName}` });
        const search = dialog.getByRole('searchbox', { name: 'Search exercises' });
        await search.fill('Goblet squat');
        await dialog.getByRole('button', { name: /^Goblet squat/ }).first().click();
        await search.fill('Plank');
        await dialog.getByRole('button', { name: /^Plank/ }).first().click();
        await dialog.getByRole('button', { name: 'Add 2 exercises' }).waitFor();
        await dialog.getByRole('button', { name: /^Plank/ }).first().click();
        await dialog.getByRole('button', { name: 'Add exercise', exact: true }).waitFor();
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'hidden' });
        expect(await count()).toBe(before);
        // Opened again: nothing is still picked.
        await page.getByRole('button', { name: `+ Add exercise to ${dayName}` }).click();
        expect(await dialog.getByRole('button', { name: 'Add exercise', exact: true }).isDisabled()).toBe(true);
      });
    } finally {
      await context.close();
    }
  });
});
