/**
 * The trainer workspace end to end in Chromium (production build, service worker) against the
 * local stack:
 * 1. The trainer's phone signs in online once (catalogue and roster cached), goes offline for
 *    the page and the service worker, builds a 3-day template, and assigns it to a client.
 *    Reconnected, everything reaches Postgres; the client's own device, signed in as the
 *    client, shows day 1 of the program on its Today screen.
 * 2. The trainer's laptop (a second browser context) edits the description of the client's
 *    program while the phone, offline, renames it. After both sync, both edits are on both.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { createTestUser, linkTrainerAndClient, sql, type TestUser } from '../helpers/device';
import { buildAndServeApp, cutNetwork, launchBrowser, newContext, restoreNetwork, type ServedApp, withScreenshotOnFailure } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { ProgramsPage } from './pages/ProgramsPage';
import { SignInPage } from './pages/SignInPage';
import { TodayPage } from './pages/TodayPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let trainer: TestUser;
let client: TestUser;
const contexts: BrowserContext[] = [];
const CLIENT_NAME = 'Alex Lifter';
const DAYS = [
  { name: 'Day A squat', exercise: 'Back squat' },
  { name: 'Day B bench', exercise: 'Bench press' },
  { name: 'Day C pull', exercise: 'Deadlift' },
];

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  client = await createTestUser(stack, 'client', 'alex');
  await sql(stack.superuserUrl, `update public.profiles set full_name = $2 where id = $1`, [client.userId, CLIENT_NAME]);
  await linkTrainerAndClient(stack, trainer, client);
  for (const { exercise } of DAYS) {
    await sql(stack.superuserUrl, `insert into public.exercises (id, name, body_part, equipment) values ($1, $2, 'full_body', 'barbell')`, [newRowId(), exercise]);
  }
  app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await app?.close();
  await stack?.stop();
});

async function openDevice(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser);
  contexts.push(context);
  const page = await context.newPage();
  if (process.env.DEBUG_E2E) {
    page.on('console', (m) => console.log(`[console ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  }
  return { context, page };
}

async function signInAndSync(page: Page, user: TestUser): Promise<AppShellPage> {
  const signIn = new SignInPage(page);
  const shell = new AppShellPage(page);
  await signIn.open(app.url);
  await signIn.signIn(user.email, user.password);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  return shell;
}

/** Rows in a Dexie store of the page's IndexedDB (the cached catalogue and roster). */
async function cachedCount(page: Page, database: string, store: string): Promise<number> {
  return page.evaluate(
    ([name, table]) =>
      new Promise<number>((resolve) => {
        const open = indexedDB.open(name as string);
        open.onerror = () => resolve(0);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains(table as string)) return resolve(0);
          const count = db.transaction(table as string).objectStore(table as string).count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = () => resolve(0);
        };
      }),
    [database, store],
  );
}

describe('building a program offline', () => {
  it('builds and assigns a 3-day program offline; the client sees it on Today; phone and laptop edits both survive', { timeout: 240_000 }, async () => {
    const phone = await openDevice();
    await withScreenshotOnFailure(phone.page, 'trainer-program-phone', async () => {
      const shell = await signInAndSync(phone.page, trainer);
      // The app's next start runs under its service worker, which has every screen's code
      // precached (the very first page load is not controlled by it yet).
      await phone.page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await phone.page.reload();
      await shell.nav.waitFor();
      expect(await phone.page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      const programs = new ProgramsPage(phone.page);
      await shell.goTo('Programs');
      await programs.heading.waitFor();
      const id = trainer.userId.toLowerCase();
      await expect.poll(() => cachedCount(phone.page, `fitcoach-replicas-${id}`, 'exercises'), { timeout: 20_000 }).toBe(DAYS.length);
      await expect.poll(() => cachedCount(phone.page, `fitcoach-replicas-${id}`, 'trainer_clients'), { timeout: 20_000 }).toBe(1);

      // Offline from here: build the template and assign it.
      await cutNetwork(phone.context);
      await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toContain('Offline');
      await programs.createTemplate('Strength 3-day');
      for (const day of DAYS) {
        await programs.addDay(day.name);
        await programs.addExercise(day.name, day.exercise);
      }
      // Reorder by keyboard: Day C to the top, and back again.
      await programs.moveDayWithKeyboard('Day C pull', 'ArrowUp', 2);
      await expect.poll(() => programs.dayOrder()).toEqual(['Day C pull', 'Day A squat', 'Day B bench']);
      await programs.moveDayWithKeyboard('Day C pull', 'ArrowDown', 2);
      await expect.poll(() => programs.dayOrder()).toEqual(DAYS.map((d) => d.name));
      await programs.setField(programs.prescriptionField('Day A squat', 'Sets', 'Back squat'), '5');
      await programs.setField(programs.prescriptionField('Day A squat', 'Reps', 'Back squat'), '3-5');
      await programs.setField(programs.prescriptionField('Day A squat', 'Load in kg', 'Back squat'), '100');
      await expect.poll(() => programs.prescriptionField('Day A squat', 'Reps', 'Back squat').inputValue()).toBe('3-5');
      await programs.assignTo(CLIENT_NAME);
      await programs.openAssignedCopy(CLIENT_NAME);
      await expect.poll(() => shell.syncDescription(), { timeout: 15_000 }).toMatch(/Offline, \d+ changes? waiting/);

      // Reconnect: template and the client's copy reach Postgres.
      await restoreNetwork(phone.context);
      const copyDays = () =>
        sql<{ name: string }>(
          stack.superuserUrl,
          `select d.name from public.program_days d join public.programs p on p.id = d.program_id
           where p.client_id = $1 and not d.deleted order by d.position`,
          [client.userId],
        ).then((rows) => rows.map((r) => r.name));
      await expect.poll(copyDays, { timeout: 60_000, interval: 500 }).toEqual(DAYS.map((d) => d.name));
      const squat = () =>
        sql(
          stack.superuserUrl,
          `select e.sets, e.reps_min, e.reps_max, e.load_kg::float as load_kg from public.program_exercises e where e.client_id = $1 and not e.deleted order by e.sets desc`,
          [client.userId],
        );
      await expect.poll(squat, { timeout: 30_000, interval: 500 }).toEqual([
        { sets: 5, reps_min: 3, reps_max: 5, load_kg: 100 },
        { sets: 3, reps_min: 8, reps_max: 12, load_kg: null },
        { sets: 3, reps_min: 8, reps_max: 12, load_kg: null },
      ]);
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
    });

    // The client's own device shows day 1 on Today.
    const clientDevice = await openDevice();
    await withScreenshotOnFailure(clientDevice.page, 'trainer-program-client', async () => {
      await signInAndSync(clientDevice.page, client);
      const today = new TodayPage(clientDevice.page);
      await today.heading(DAYS[0]?.name as string).waitFor({ timeout: 30_000 });
      await expect.poll(() => today.input('Reps', 'Back squat', 1).inputValue()).toMatch(/^[35]$/);
    });

    // The laptop opens the client's program; the phone works on it offline at the same time.
    const laptop = await openDevice();
    await withScreenshotOnFailure(laptop.page, 'trainer-program-laptop', async () => {
      const laptopShell = await signInAndSync(laptop.page, trainer);
      const laptopPrograms = new ProgramsPage(laptop.page);
      await laptopShell.goTo('Programs');
      await laptopPrograms.programLink(new RegExp(`Strength 3-day.*${CLIENT_NAME}`)).click();
      await laptopPrograms.builderHeading('Strength 3-day').waitFor();

      const phonePrograms = new ProgramsPage(phone.page);
      await withScreenshotOnFailure(phone.page, 'trainer-program-phone-offline-edit', async () => {
        await cutNetwork(phone.context);
        await phonePrograms.setField(phonePrograms.programName, 'Strength 3-day (block 1)');
        await phonePrograms.builderHeading('Strength 3-day (block 1)').waitFor();
      });

      await laptopPrograms.setField(laptopPrograms.description, 'Heavy triples, long rests');
      await expect
        .poll(() => sql<{ description: string | null }>(stack.superuserUrl, `select description from public.programs where client_id = $1`, [client.userId]), { timeout: 30_000 })
        .toEqual([{ description: 'Heavy triples, long rests' }]);

      await restoreNetwork(phone.context);
      const both = { name: 'Strength 3-day (block 1)', description: 'Heavy triples, long rests' };
      await expect
        .poll(() => sql(stack.superuserUrl, `select name, description from public.programs where client_id = $1`, [client.userId]), { timeout: 60_000, interval: 500 })
        .toEqual([both]);
      for (const page of [phone.page, laptop.page]) {
        const view = new ProgramsPage(page);
        await expect.poll(() => view.programName.inputValue(), { timeout: 30_000 }).toBe(both.name);
        await expect.poll(() => view.description.inputValue(), { timeout: 30_000 }).toBe(both.description);
      }
    });
  });
});
