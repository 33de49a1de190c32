/**
 * Booking offline, end to end in Chromium against the production build and the local stack:
 * two clients of one trainer open Bookings online (the device keeps the trainer's free slots),
 * lose the network (page and service worker), and both book the same slot: each sees it as
 * waiting to be sent. The first back online sees it booked and confirmed; the second, back
 * online after, sees it refused with the server's reason. Postgres holds one booking, and the
 * first device, offline again, still shows it (and the credit spent) after a reload.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, linkTrainerAndClient, sql, type TestUser } from '../helpers/device';
import { buildAndServeApp, cutNetwork, launchBrowser, newContext, restoreNetwork, type ServedApp, withScreenshotOnFailure } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { BookingsPage } from './pages/BookingsPage';
import { SignInPage } from './pages/SignInPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let trainer: TestUser;
let first: TestUser;
let second: TestUser;

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'casey');
  first = await createTestUser(stack, 'client', 'alex');
  second = await createTestUser(stack, 'client', 'sam');
  await linkTrainerAndClient(stack, trainer, first);
  await linkTrainerAndClient(stack, trainer, second);
  // Tomorrow (UTC) 10:00-12:00: two one-hour slots, comfortably in the future whenever the test runs.
  const tomorrow = new Date(Date.now() + 86_400_000).getUTCDay();
  await sql(
    stack.superuserUrl,
    `insert into public.trainer_availability (trainer_id, day_of_week, start_time, end_time, timezone, session_minutes, break_minutes)
     values ($1, $2, '10:00', '12:00', 'UTC', 60, 0)`,
    [trainer.userId, tomorrow],
  );
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

type Device = { context: BrowserContext; page: Page; bookings: BookingsPage; shell: AppShellPage };

async function signInAndOpenBookings(user: TestUser): Promise<Device> {
  const context = await newContext(browser);
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  const shell = new AppShellPage(page);
  const bookings = new BookingsPage(page);
  await signIn.open(app.url);
  await signIn.signIn(user.email, user.password);
  await shell.nav.waitFor();
  await bookings.open();
  // The device has the trainer's free slots, and the sync engine (with its outbox) is running.
  await bookings.freeSlots().first().waitFor({ timeout: 30_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  return { context, page, bookings, shell };
}

describe('booking offline', () => {
  it('books when back online, and refuses the same slot to the second client with the reason', { timeout: 240_000 }, async () => {
    const alex = await signInAndOpenBookings(first);
    const sam = await signInAndOpenBookings(second);
    try {
      await withScreenshotOnFailure(alex.page, 'bookings-offline-first', async () => {
        await withScreenshotOnFailure(sam.page, 'bookings-offline-second', async () => {
          // Both offline; both book the first free slot (the same one): pending on each device.
          await cutNetwork(alex.context);
          await cutNetwork(sam.context);
          await expect.poll(() => alex.shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');
          await expect.poll(() => sam.shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');

          const alexWhen = await alex.bookings.bookFirstFreeSlot();
          const samWhen = await sam.bookings.bookFirstFreeSlot();
          expect(samWhen).toBe(alexWhen);
          for (const device of [alex, sam]) {
            await expect.poll(() => device.bookings.request(), { timeout: 15_000 }).toMatchObject({ state: 'waiting' });
            expect((await device.bookings.request()).text).toContain('Waiting to send');
          }
          // Nothing reached the server.
          expect(await sql(stack.superuserUrl, `select id from public.bookings where trainer_id = $1`, [trainer.userId])).toEqual([]);

          // Alex reconnects first: booked, confirmed, shown in upcoming sessions.
          await restoreNetwork(alex.context);
          await expect.poll(() => alex.bookings.request(), { timeout: 60_000, interval: 500 }).toMatchObject({ state: 'done' });
          const booked = await alex.bookings.request();
          expect(booked.text).toContain('Booked:');
          expect(booked.text).toContain('Confirmed.');
          await expect.poll(() => alex.bookings.upcomingTexts(), { timeout: 30_000 }).toEqual([expect.stringContaining('Confirmed')]);

          // Sam reconnects: refused, with the server's reason.
          await restoreNetwork(sam.context);
          await expect.poll(() => sam.bookings.request(), { timeout: 60_000, interval: 500 }).toMatchObject({ state: 'refused' });
          const refused = await sam.bookings.request();
          expect(refused.text).toContain('Not booked:');
          expect(refused.text).toContain('That time has just been booked by someone else.');
          expect(await sam.bookings.upcomingTexts()).toEqual([]);

          // The server holds exactly one booking of that slot: Alex's, confirmed, one credit spent.
          const rows = await sql<{ client_id: string; status: string; credits_spent: number }>(
            stack.superuserUrl,
            `select client_id, status, credits_spent from public.bookings where trainer_id = $1 and not deleted`,
            [trainer.userId],
          );
          expect(rows).toEqual([{ client_id: first.userId, status: 'confirmed', credits_spent: 1 }]);

          // The device keeps its copy: offline again, a reload still shows the booking and the credits spent.
          await cutNetwork(alex.context);
          await alex.page.reload();
          await alex.bookings.heading.waitFor();
          await expect.poll(() => alex.bookings.upcomingTexts(), { timeout: 15_000 }).toEqual([expect.stringContaining('Confirmed')]);
          await alex.page.getByText('Credit history').click();
          await alex.page.getByText(/^Session on /).waitFor();
          expect((await alex.page.getByTestId('credit-balance').innerText()).trim()).toBe('0 credits');
        });
      });
    } finally {
      await alex.context.close();
      await sam.context.close();
    }
  });
});
