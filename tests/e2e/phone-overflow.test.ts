/**
 * Every screen fits a phone: at 360 and 390 px wide no screen of the demo client or the demo
 * trainer scrolls sideways, with the demo data plus a habit with a long unbroken name and a
 * finished workout's summary. Names the screens that overflow and by how much.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { sql } from '../helpers/device';
import { BROWSER_LOCALE, buildAndServeApp, launchBrowser, type ServedApp, withScreenshotOnFailure } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';

const alex = DEMO_ACCOUNTS.find((a) => a.label === 'demo client')!;
const coach = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;

let stack: TestStack;
let app: ServedApp;
let browser: Browser;

beforeAll(async () => {
  stack = await startTestStack({ seed: 'supabase/seed.sql' });
  await sql(
    stack.superuserUrl,
    `insert into public.habits (client_id, trainer_id, name, cadence, target_per_period, starts_on)
     values ($1, $2, 'Stretchhamstringscalveshipsandshoulderseverysingleeveningbeforebedwithoutfailandbreatheslowly', 'daily', 1, current_date - 3)`,
    [alex.id, coach.id],
  );
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

async function firstRow(query: string, params: unknown[]): Promise<string> {
  const [row] = await sql<{ id: string }>(stack.superuserUrl, query, params);
  return row?.id ?? 'missing';
}

async function overflowOf(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** The elements that stick out past the right edge, innermost first (for the failure message). */
async function widestElements(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 0.5));
    return out.slice(0, 3).map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 30)}"`).join(', ');
  });
}

/** Visits each path and returns those that scroll sideways, with the excess in px. */
async function overflowing(page: Page, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(`${app.url}${path}`);
    await page.locator('main h1, main h2').first().waitFor({ timeout: 20_000 });
    await page.waitForLoadState('networkidle', { timeout: 2000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const excess = await overflowOf(page);
    if (excess > 0) found.push(`${path}: ${excess}px (${await widestElements(page)})`);
  }
  return found;
}

describe('screens on a phone', () => {
  for (const width of [360, 390]) {
    it(`fit ${width} px for the demo client`, { timeout: 180_000 }, async () => {
      const context = await browser.newContext({ viewport: { width, height: 780 }, colorScheme: 'dark', locale: BROWSER_LOCALE });
      const page = await context.newPage();
      await withScreenshotOnFailure(page, `overflow-client-${width}`, async () => {
        await new SignInPage(page).open(app.url);
        expect(await overflowOf(page)).toBeLessThanOrEqual(0);
        await new SignInPage(page).signIn(alex.email, alex.password);
        await new AppShellPage(page).nav.waitFor();
        const session = await firstRow(`select id from public.workout_sessions where client_id = $1 and status = 'completed' order by started_at desc limit 1`, [alex.id]);
        const exercise = await firstRow(`select exercise_id as id from public.set_logs where client_id = $1 limit 1`, [alex.id]);
        const paths = ['/home', '/today', '/progress/habits', '/progress/body', '/progress/photos', '/progress/check-in', '/progress/goals', '/progress/achievements', '/progress/calculator', '/history', `/history/${session}`, `/history/exercise/${exercise}`, '/bookings', '/join', '/account'];
        expect(await overflowing(page, paths)).toEqual([]);
      });
      await context.close();
    });

    it(`fit ${width} px for the demo trainer`, { timeout: 180_000 }, async () => {
      const context = await browser.newContext({ viewport: { width, height: 780 }, colorScheme: 'dark', locale: BROWSER_LOCALE });
      const page = await context.newPage();
      await withScreenshotOnFailure(page, `overflow-trainer-${width}`, async () => {
        await new SignInPage(page).open(app.url);
        await new SignInPage(page).signIn(coach.email, coach.password);
        await new AppShellPage(page).nav.waitFor();
        const program = await firstRow(`select id from public.programs where trainer_id = $1 and not deleted limit 1`, [coach.id]);
        const exercise = await firstRow(`select id from public.exercises where trainer_id is null limit 1`, []);
        const paths = ['/clients', `/clients/${alex.id}`, '/programs', `/programs/${program}`, '/schedule', '/schedule/billing', '/library', '/library/new', `/library/${exercise}`, '/check-ins', '/check-ins/questionnaire', `/check-ins/client/${alex.id}`, '/account'];
        expect(await overflowing(page, paths)).toEqual([]);
      });
      await context.close();
    });
  }
});
