/**
 * The demo world as a new user meets it (issue 24), in Chromium against the production build:
 * a habit the seed logged today ticks and unticks with nothing refused; skipping the planned
 * workout asks first, says "skipped" (not "done") and can be undone; signing out offline with a
 * change waiting completes and stays signed out after a reload and after the network returns.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { sql } from '../helpers/device';
import { cutNetwork, newContext, restoreNetwork, withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { AppShellPage } from './pages/AppShellPage';
import { ProgramsPage } from './pages/ProgramsPage';
import { SignInPage } from './pages/SignInPage';

const alex = DEMO_ACCOUNTS.find((a) => a.label === 'demo client')!;
const sam = DEMO_ACCOUNTS.find((a) => a.label === 'demo client 2')!;
const coach = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;

const suite = browserSuite({ seed: 'supabase/seed.sql' });

async function signInAs(account: { email: string; password: string }): Promise<AppShellPage> {
  const signIn = new SignInPage(suite.page);
  await signIn.open(suite.app.url);
  await signIn.signIn(account.email, account.password);
  const shell = new AppShellPage(suite.page);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  // The app's code must be on the device before a test cuts the network: the service worker
  // precaches it once installed, and the next navigation (page.goto) is served by it. Cut
  // sooner, a page still loading supabase-js's chunk fails with "Could not open your data".
  await suite.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return shell;
}

const todayLog = async (habit: string) =>
  sql<{ done: boolean }>(
    suite.stack.superuserUrl,
    `select l.done from public.habit_logs l join public.habits h on h.id = l.habit_id
     where h.name = $1 and l.log_date = current_date and not l.deleted`,
    [habit],
  );

describe('a demo client', () => {
  it('ticks and unticks a habit the seed logged today, and nothing is refused', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-habit-tick', async () => {
      const shell = await signInAs(alex);
      await suite.page.goto(`${suite.app.url}/progress/habits`);
      const tick = suite.page.getByRole('button', { name: /^Walk 8,000 steps: (mark done today|done today)/ });
      await tick.waitFor();
      if ((await tick.getAttribute('aria-pressed')) === 'true') {
        await tick.click();
        await expect.poll(async () => (await todayLog('Walk 8,000 steps')).map((r) => r.done), { timeout: 30_000 }).toEqual([false]);
      }
      await suite.page.getByRole('button', { name: 'Walk 8,000 steps: mark done today' }).click();
      await expect.poll(async () => (await todayLog('Walk 8,000 steps')).map((r) => r.done), { timeout: 30_000 }).toEqual([true]);
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
      expect(await suite.page.getByText(/refused/i).count()).toBe(0);

      await suite.page.getByRole('button', { name: 'Walk 8,000 steps: done today (tap to undo)' }).click();
      await expect.poll(async () => (await todayLog('Walk 8,000 steps')).map((r) => r.done), { timeout: 30_000 }).toEqual([false]);
      expect(await suite.page.getByText(/refused/i).count()).toBe(0);
    });
  });

  it('archives a habit of their own with an undo, and cannot archive the coach’s', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-habit-archive', async () => {
      await signInAs(alex);
      await suite.page.goto(`${suite.app.url}/progress/habits`);
      const archived = () =>
        sql<{ archived: boolean }>(suite.stack.superuserUrl, `select archived from public.habits where name = 'Sleep 7+ hours'`);
      await suite.page.getByRole('button', { name: 'Archive Sleep 7+ hours' }).click();
      const notice = suite.page.getByRole('status').filter({ hasText: '“Sleep 7+ hours” is archived' });
      await notice.waitFor();
      // The notice shows at the tap; the card goes once the device database has the change.
      await expect.poll(() => suite.page.getByRole('heading', { name: 'Sleep 7+ hours' }).count()).toBe(0);
      await notice.getByRole('button', { name: 'Undo', exact: true }).click();
      await suite.page.getByRole('heading', { name: 'Sleep 7+ hours' }).waitFor();
      expect(await suite.page.getByRole('button', { name: 'Archive Walk 8,000 steps' }).count()).toBe(0);
      await suite.page.getByRole('button', { name: 'Archive Sleep 7+ hours' }).click();
      await expect.poll(async () => (await archived()).map((r) => r.archived), { timeout: 30_000 }).toEqual([true]);
    });
  });

  it('is asked before a workout is skipped, sees it as skipped, and can undo it', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-skip', async () => {
      await signInAs(sam);
      await suite.page.goto(`${suite.app.url}/today`);
      const skip = suite.page.getByRole('button', { name: 'Skip this workout' });
      // Sam trains on Tuesdays and Thursdays; on the other days, skip a day of the program anyway.
      const restDay = suite.page.getByText('Rest day. Recover well.');
      await Promise.race([skip.waitFor(), restDay.waitFor()]);
      if (await restDay.isVisible()) await suite.page.getByRole('button', { name: /^Full body 1/ }).click();
      await skip.waitFor();
      const title = (await suite.page.getByRole('heading', { level: 1 }).textContent()) ?? '';
      const skippedRows = () =>
        sql(
          suite.stack.superuserUrl,
          `select 1 from public.workout_sessions where client_id = $1 and status = 'skipped' and not deleted and started_at > now() - interval '1 hour'`,
          [sam.id],
        );

      await skip.click();
      const dialog = suite.page.getByRole('dialog', { name: `Skip ${title}?` });
      await dialog.getByRole('button', { name: 'Keep it' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await suite.page.getByRole('heading', { level: 1, name: title }).count()).toBe(1);

      await skip.click();
      await dialog.getByRole('button', { name: 'Skip workout' }).click();
      await suite.page.getByText(`You skipped ${title} today.`).waitFor();
      expect(await suite.page.getByText(/is done for today/).count()).toBe(0);
      await expect.poll(async () => (await skippedRows()).length, { timeout: 30_000 }).toBe(1);

      await suite.page.getByRole('button', { name: 'Undo skip' }).click();
      await suite.page.getByRole('heading', { level: 1, name: title }).waitFor();
      await expect.poll(async () => (await skippedRows()).length, { timeout: 30_000 }).toBe(0);
    });
  });

  it('offline, the waiting count counts the sets ticked, not the planned rows stored with them', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-waiting-count', async () => {
      const shell = await signInAs(alex);
      await suite.page.goto(`${suite.app.url}/today`);
      const ticks = suite.page.getByRole('button', { name: /^Done: set \d+ of / });
      // On the program's rest days, train a day of it anyway.
      const restDay = suite.page.getByText('Rest day. Recover well.');
      await Promise.race([ticks.first().waitFor(), restDay.waitFor()]);
      if (await restDay.isVisible()) await suite.page.getByRole('button', { name: /^Day A/ }).click();
      await ticks.first().waitFor();
      expect(await ticks.count()).toBeGreaterThan(4);
      await cutNetwork(suite.context);
      const first = ticks.first();
      const name = (await first.getAttribute('aria-label')) ?? '';
      await first.click();
      await suite.page.getByRole('button', { name, exact: true }).and(suite.page.locator('[aria-pressed="true"]')).waitFor();
      // The workout started and one set was ticked: two changes, though every planned set is stored.
      await expect.poll(() => shell.syncDescription(), { timeout: 20_000 }).toBe('Sync status: Offline, 2 changes waiting');
      const second = suite.page.getByRole('button', { name: /^Done: set \d+ of / }).and(suite.page.locator('[aria-pressed="false"]')).first();
      await second.click();
      await expect.poll(() => shell.syncDescription(), { timeout: 20_000 }).toBe('Sync status: Offline, 3 changes waiting');
      await restoreNetwork(suite.context);
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
      const stored = await sql<{ done: boolean }>(
        suite.stack.superuserUrl,
        `select s.done from public.set_logs s join public.workout_sessions w on w.id = s.session_id
         where w.client_id = $1 and w.status = 'in_progress' and not s.deleted`,
        [alex.id],
      );
      expect(stored.filter((r) => r.done)).toHaveLength(2);
      expect(stored.length).toBe(await ticks.count());
    });
  });

  it('signs out offline with a change waiting, and stays signed out after a reload and back online', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-sign-out-offline', async () => {
      const shell = await signInAs(alex);
      await suite.page.goto(`${suite.app.url}/progress/habits`);
      await suite.page.getByRole('button', { name: /^Drink 2.5 l of water: / }).waitFor();
      await cutNetwork(suite.context);
      await suite.page.getByRole('button', { name: /^Drink 2.5 l of water: / }).click();
      await expect.poll(() => shell.syncDescription(), { timeout: 20_000 }).toMatch(/Offline, 1 change waiting/);

      await shell.goTo('Account');
      await suite.page.getByRole('button', { name: 'Sign out' }).click();
      await suite.page.getByRole('button', { name: 'Sign out anyway' }).click();
      const signIn = new SignInPage(suite.page);
      await signIn.email.waitFor({ timeout: 15_000 });
      await suite.page
        .getByText(/1 change.*kept on this device|kept on this device/i)
        .first()
        .waitFor();

      await suite.page.reload().catch(() => undefined);
      await signIn.email.waitFor({ timeout: 15_000 });
      await restoreNetwork(suite.context);
      await suite.page.reload();
      await signIn.email.waitFor({ timeout: 15_000 });
      expect(await shell.nav.count()).toBe(0);
    });
  });
});

describe('a demo trainer on a new device', () => {
  it('sees workouts as still arriving, never "No workout yet", until they are pulled', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-first-sync-roster', async () => {
      // Hold back the workouts' first pull, as a slow network would.
      let release: () => void = () => undefined;
      const released = new Promise<void>((resolve) => (release = resolve));
      await suite.context.route('**/rest/v1/rpc/sync_pull', async (route) => {
        if ((route.request().postData() ?? '').includes('"p_table":"workout_sessions"')) await released;
        await route.continue();
      });
      const signIn = new SignInPage(suite.page);
      await signIn.open(suite.app.url);
      await signIn.signIn(coach.email, coach.password);
      const shell = new AppShellPage(suite.page);
      await shell.nav.waitFor();
      const alexRow = suite.page.getByRole('list', { name: 'Active clients' }).getByRole('link', { name: /Alex/ });
      await alexRow.waitFor({ timeout: 30_000 });
      await alexRow.getByText('Getting workouts…').waitFor();
      expect(await suite.page.getByText(/No workout yet/).count()).toBe(0);
      expect(await shell.syncLabel()).not.toBe('Synced');

      release();
      await alexRow.getByText(/^Last workout /).waitFor({ timeout: 30_000 });
      await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toBe('Sync status: Online, all changes synced');
    });
  });
});

describe('a second active program', () => {
  it('is assigned only after the trainer chose to add it, and the client can train any day of either', { timeout: 150_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'demo-second-program-trainer', async () => {
      await signInAs(coach);
      await suite.page.goto(`${suite.app.url}/programs/00000000-0000-4000-a000-000000000001`);
      const programs = new ProgramsPage(suite.page);
      await suite.page.getByRole('button', { name: 'Assign to a client' }).waitFor();
      await suite.page.getByRole('button', { name: 'Assign to a client' }).click();
      const dialog = suite.page.getByRole('dialog', { name: /^Assign / });
      await dialog.getByLabel('Client').selectOption({ label: 'Sam Client' });
      await dialog.getByText('They already follow “Full Body Basics”.').waitFor();
      expect(await dialog.getByLabel(/Replace it/).isChecked()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await programs.assignTo('Sam Client', 'add');
      const active = () =>
        sql<{ name: string }>(
          suite.stack.superuserUrl,
          `select name from public.programs where client_id = $1 and status = 'active' and not deleted order by name`,
          [sam.id],
        );
      await expect
        .poll(async () => (await active()).map((r) => r.name), { timeout: 30_000 })
        .toEqual(['Full Body Basics', 'Strength Foundations (3-day)']);
    });
    await suite.context.close();
    suite.context = await newContext(suite.browser);
    suite.page = await suite.context.newPage();
    await withScreenshotOnFailure(suite.page, 'demo-second-program-client', async () => {
      await signInAs(sam);
      await suite.page.goto(`${suite.app.url}/today`);
      // Today offers one program's day (or a rest day); the other program's days are a tap away.
      const strengthDay = suite.page.getByRole('button', { name: /^Strength Foundations \(3-day\): / }).first();
      const fullBodyDay = suite.page.getByRole('button', { name: /^Full Body Basics: / }).first();
      const other = suite.page.getByText('Train another day instead');
      const listed = suite.page.getByRole('heading', { name: 'Train another day' });
      await expect.poll(async () => (await other.isVisible()) || (await listed.isVisible()), { timeout: 30_000 }).toBe(true);
      if (await other.isVisible()) await other.click();
      expect((await strengthDay.count()) + (await fullBodyDay.count())).toBeGreaterThan(0);
      const label = (await strengthDay.textContent()) ?? '';
      await strengthDay.click();
      await suite.page.getByRole('heading', { level: 1, name: label.replace('Strength Foundations (3-day): ', '') }).waitFor();
    });
  });
});
