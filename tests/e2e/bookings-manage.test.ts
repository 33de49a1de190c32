/**
 * Managing bookings in Chromium against the production build and the local stack:
 * - a client moves a session to another free time, then cancels it, seeing the refund before
 *   confirming, and the credit comes back;
 * - a trainer approves a client's request, moves it, marks a past session completed, and edits their
 *   weekly hours and days off (with a clear error for a window that ends before it starts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatWhen } from '../../src/features/bookings/booking-text';
import { createTestUser, linkTrainerAndClient, signedInClient, sql, type TestUser } from '../helpers/device';
import { buildAndServeApp, launchBrowser, newContext, withScreenshotOnFailure, type ServedApp } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { BookingsPage } from './pages/BookingsPage';
import { SchedulePage } from './pages/SchedulePage';
import { SignInPage } from './pages/SignInPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const DAY_MS = 86_400_000;
/** 10:00 UTC, `days` from today (UTC). */
function at10(days: number): Date {
  const d = new Date(Date.now() + days * DAY_MS);
  d.setUTCHours(10, 0, 0, 0);
  return d;
}

/** A trainer with one-hour slots 10:00-12:00 UTC on the days 2 and 3 days from now, and a linked client. */
async function trainerWithClient(): Promise<{ trainer: TestUser; client: TestUser }> {
  const trainer = await createTestUser(stack, 'trainer', 'casey');
  const client = await createTestUser(stack, 'client', 'alex');
  await linkTrainerAndClient(stack, trainer, client);
  for (const days of [2, 3]) {
    await sql(
      stack.superuserUrl,
      `insert into public.trainer_availability (trainer_id, day_of_week, start_time, end_time, timezone, session_minutes, break_minutes)
       values ($1, $2, '10:00', '12:00', 'UTC', 60, 0)`,
      [trainer.userId, at10(days).getUTCDay()],
    );
  }
  await sql(
    stack.superuserUrl,
    `insert into public.trainer_pricing (trainer_id, currency, offers_single, single_session_price_cents, offers_five_pack, five_pack_price_cents, cancellation_policy)
     values ($1, 'GBP', true, 6000, true, 27500, 'up_to_24h')`,
    [trainer.userId],
  );
  return { trainer, client };
}

async function signIn(user: TestUser): Promise<AppShellPage> {
  const signInPage = new SignInPage(page);
  const shell = new AppShellPage(page);
  await signInPage.open(app.url);
  await signInPage.signIn(user.email, user.password);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  return shell;
}

beforeAll(async () => {
  stack = await startTestStack();
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

afterEach(async () => {
  await context?.close();
});

describe('managing bookings', () => {
  it('lets a client move a session, then cancel it with the refund shown first', { timeout: 120_000 }, async () => {
    const { trainer, client } = await trainerWithClient();
    const api = await signedInClient(stack, client);
    const { error } = await api.rpc('book_session', {
      p_trainer_id: trainer.userId,
      p_starts_at: at10(2).toISOString(),
      p_idempotency_key: crypto.randomUUID(),
    });
    expect(error).toBeNull();
    context = await newContext(browser);
    page = await context.newPage();
    await withScreenshotOnFailure(page, 'bookings-client-manage', async () => {
      await signIn(client);
      const bookings = new BookingsPage(page);
      await bookings.open();
      const first = formatWhen(at10(2));
      await expect.poll(() => bookings.upcomingTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining(first)]);
      await expect.poll(async () => (await page.getByTestId('credit-balance').innerText()).trim()).toBe('0 credits');

      // Move it to the next day's 11:00.
      const moved = formatWhen(new Date(at10(3).getTime() + 3_600_000));
      let dialog = await bookings.manage(first);
      await dialog.getByRole('button', { name: 'Move' }).click();
      await dialog.getByText('Pick a new time below. Your credit moves with it.').waitFor();
      await dialog.getByRole('button', { name: moved, exact: true }).click();
      await expect.poll(() => bookings.request(), { timeout: 30_000 }).toMatchObject({ state: 'done' });
      expect((await bookings.request()).text).toContain('Moved:');
      await expect.poll(() => bookings.upcomingTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining(moved)]);
      await page.getByRole('button', { name: /^Dismiss: Moved/ }).click();

      // Cancel it: the refund is shown before confirming, and the credit comes back.
      dialog = await bookings.manage(moved);
      await dialog.getByRole('button', { name: 'Cancel session' }).click();
      const preview = dialog.getByTestId('refund-preview');
      await expect
        .poll(async () => (await preview.innerText()).replace(/\s+/g, ' '))
        .toContain('You get 1 credit back Free cancellation up to 24 hours before the start.');
      await preview.getByRole('button', { name: 'Cancel session' }).click();
      await expect.poll(() => bookings.request(), { timeout: 30_000 }).toMatchObject({ state: 'done' });
      expect((await bookings.request()).text).toContain('1 credit refunded. You have 1 credit left.');
      await expect.poll(() => bookings.upcomingTexts(), { timeout: 30_000 }).toEqual([]);
      await expect.poll(async () => (await page.getByTestId('credit-balance').innerText()).trim(), { timeout: 30_000 }).toBe('1 credit');

      const rows = await sql<{ status: string; starts_at: Date }>(
        stack.superuserUrl,
        `select status, starts_at from public.bookings where client_id = $1`,
        [client.userId],
      );
      expect(rows.map((r) => [r.status, r.starts_at.getTime()])).toEqual([['cancelled', at10(3).getTime() + 3_600_000]]);
      const ledger = await sql<{ reason: string; delta: number }>(
        stack.superuserUrl,
        `select reason, delta from public.credit_ledger where client_id = $1 order by created_at, reason`,
        [client.userId],
      );
      expect(ledger.map((r) => `${r.reason} ${r.delta}`).sort()).toEqual(['grant 1', 'refund 1', 'spend -1']);
    });
  });

  it('lets a trainer approve and move a request, mark a past session completed and edit availability', { timeout: 120_000 }, async () => {
    const { trainer, client } = await trainerWithClient();
    const api = await signedInClient(stack, client);
    const { error } = await api.rpc('request_booking', {
      p_trainer_id: trainer.userId,
      p_starts_at: at10(2).toISOString(),
      p_idempotency_key: crypto.randomUUID(),
      p_message: 'Knee check, please',
    });
    expect(error).toBeNull();
    const past = at10(-1);
    await sql(
      stack.superuserUrl,
      `insert into public.bookings (trainer_id, client_id, starts_at, ends_at, status, credits_spent, cancellation_policy)
       values ($1, $2, $3, $4, 'confirmed', 0, 'up_to_24h')`,
      [trainer.userId, client.userId, past, new Date(past.getTime() + 3_600_000)],
    );
    context = await newContext(browser);
    page = await context.newPage();
    await withScreenshotOnFailure(page, 'bookings-trainer-schedule', async () => {
      await signIn(trainer);
      const schedule = new SchedulePage(page);
      await schedule.open();

      // Approve the request.
      const requested = `${formatWhen(at10(2))} with alex`;
      await schedule.requests.first().waitFor({ timeout: 30_000 });
      expect((await schedule.requests.first().innerText()).replace(/\s+/g, ' ')).toContain('Knee check, please');
      await schedule.button(`Approve ${requested}`).click();
      await expect
        .poll(() => schedule.outcomeTexts(), { timeout: 30_000 })
        .toEqual([expect.stringContaining('Approved: the session is confirmed.')]);
      await expect.poll(() => schedule.requests.count(), { timeout: 30_000 }).toBe(0);

      // Move it from the calendar to an open time the next day.
      await schedule.button(`${formatWhen(at10(2))}, alex: Confirmed`).click();
      const dialog = page.getByRole('dialog', { name: `Session ${formatWhen(at10(2))}` });
      await dialog.getByRole('button', { name: 'Move' }).click();
      await dialog
        .getByRole('list', { name: 'Open times' })
        .getByRole('button', { name: formatWhen(at10(3)), exact: true })
        .click();
      await expect.poll(() => schedule.outcomeTexts(), { timeout: 30_000 }).toContainEqual(expect.stringContaining('Moved: Move'));

      // Mark yesterday's session completed.
      await schedule.button(`Completed: ${formatWhen(past)} with alex`).click();
      await expect.poll(() => schedule.button(`Completed: ${formatWhen(past)} with alex`).count(), { timeout: 30_000 }).toBe(0);

      // Weekly hours: a bad window gets a clear error; a good one is saved and listed.
      // On a day without the trainer's hours (those are 2 and 3 days from now: on a Friday,
      // Sunday and Monday), so the new window overlaps nothing.
      const freeDay = [1, 2, 3, 4, 5, 6, 0].find((d) => d !== at10(2).getUTCDay() && d !== at10(3).getUTCDay()) as number;
      const freeDayName = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][freeDay] as string;
      await schedule.addWeeklyHours(freeDayName, '12:00', '07:00', 60);
      await schedule.availability.getByText('The end must be after the start').waitFor();
      await schedule.addWeeklyHours(freeDayName, '07:00', '12:00', 60);
      await schedule.availability.getByText(`${freeDayName} 07:00–12:00, 60-min sessions (UTC)`).waitFor({ timeout: 30_000 });
      const dayOff = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
      await schedule.addDayOff(dayOff, 'Conference');
      await schedule.availability.getByText(/all day · Conference/).waitFor({ timeout: 30_000 });

      const statuses = await sql<{ starts_at: Date; status: string }>(
        stack.superuserUrl,
        `select starts_at, status from public.bookings where trainer_id = $1 order by starts_at`,
        [trainer.userId],
      );
      expect(statuses.map((r) => [r.starts_at.getTime(), r.status])).toEqual([
        [past.getTime(), 'completed'],
        [at10(3).getTime(), 'confirmed'],
      ]);
      const windows = await sql(
        stack.superuserUrl,
        `select day_of_week, start_time, end_time from public.trainer_availability where trainer_id = $1 and day_of_week = $2 and start_time = '07:00'`,
        [trainer.userId, freeDay],
      );
      expect(windows).toEqual([{ day_of_week: freeDay, start_time: '07:00:00', end_time: '12:00:00' }]);
      const exceptions = await sql(
        stack.superuserUrl,
        `select exception_date::text as day, start_time, reason from public.availability_exceptions where trainer_id = $1`,
        [trainer.userId],
      );
      expect(exceptions).toEqual([{ day: dayOff, start_time: null, reason: 'Conference' }]);
    });
  });
});
