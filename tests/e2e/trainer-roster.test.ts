/**
 * The trainer's roster and exercise library in Chromium (production build) against the local
 * stack: the trainer invites by email and gets a code; the client, signed in on their own
 * device, opens the invitation link and joins; the trainer's roster then lists them with their
 * week, and their detail page opens. The trainer creates an exercise of their own (online),
 * finds it offline with search and filters, is told that archiving needs a connection, and
 * finally removes the client, who leaves the active roster at once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestUser, sql, type TestUser } from '../helpers/device';
import { buildAndServeApp, launchBrowser, newContext, withScreenshotOnFailure, type ServedApp } from '../helpers/browser';
import { startTestStack, type TestStack } from '../helpers/stack';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';

let stack: TestStack;
let app: ServedApp;
let browser: Browser;
let trainer: TestUser;
let client: TestUser;
const contexts: BrowserContext[] = [];
const CLIENT_NAME = 'Robin Runner';

beforeAll(async () => {
  stack = await startTestStack();
  trainer = await createTestUser(stack, 'trainer', 'coach');
  client = await createTestUser(stack, 'client', 'robin');
  await sql(stack.superuserUrl, `update public.profiles set full_name = $2 where id = $1`, [client.userId, CLIENT_NAME]);
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
  return { context, page: await context.newPage() };
}

async function signIn(page: Page, user: TestUser): Promise<AppShellPage> {
  const signInPage = new SignInPage(page);
  const shell = new AppShellPage(page);
  await signInPage.open(app.url);
  await signInPage.signIn(user.email, user.password);
  await shell.nav.waitFor();
  return shell;
}

describe('roster and library', () => {
  it('invites by code, lists the client who joined, keeps own exercises searchable offline, removes the client', { timeout: 200_000 }, async () => {
    const coach = await openDevice();
    const phone = await openDevice();
    await withScreenshotOnFailure(coach.page, 'trainer-roster-coach', async () => {
      const shell = await signIn(coach.page, trainer);
      await coach.page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
      await coach.page.getByText('No active clients yet').waitFor();

      // A bad email is refused on the device with a clear reason.
      await coach.page.getByLabel('Client’s email (optional)').fill('robin@');
      await coach.page.getByRole('button', { name: 'Create invitation' }).click();
      await coach.page.getByRole('alert').filter({ hasText: 'Enter an email address' }).waitFor();
      await coach.page.getByLabel('Client’s email (optional)').fill(client.email);
      await coach.page.getByRole('button', { name: 'Create invitation' }).click();
      const code = ((await coach.page.getByTestId('invite-code').textContent()) ?? '').trim();
      expect(code).toMatch(/^[A-Z0-9]{6,32}$/);
      await coach.page.getByText(client.email.toLowerCase(), { exact: true }).waitFor();

      // The client opens the link on their own device and joins.
      await withScreenshotOnFailure(phone.page, 'trainer-roster-client', async () => {
        await signIn(phone.page, client);
        await phone.page.goto(`${app.url}/join/${code}`);
        await expect.poll(() => phone.page.getByLabel('Invitation code').inputValue()).toBe(code);
        await phone.page.getByRole('button', { name: 'Join' }).click();
        await phone.page.getByRole('status').filter({ hasText: 'You are connected' }).waitFor();
      });

      // The trainer's roster lists the client (the roster refreshes when the screen opens).
      await shell.goTo('Programs');
      await shell.goTo('Clients');
      const row = coach.page.getByRole('list', { name: 'Active clients' }).getByRole('link', { name: new RegExp(CLIENT_NAME) });
      await row.waitFor();
      await expect.poll(() => row.textContent()).toContain('No workout yet');
      await row.click();
      await coach.page.getByRole('heading', { level: 1, name: CLIENT_NAME }).waitFor();
      await coach.page.getByText('No program yet.').waitFor();

      // An exercise of the trainer's own (online), then found offline.
      await shell.goTo('Library');
      await coach.page.getByRole('link', { name: 'New exercise' }).click();
      await coach.page.getByRole('button', { name: 'Create exercise' }).click();
      await coach.page.getByText('Give the exercise a name').waitFor();
      await coach.page.getByLabel('Name', { exact: true }).fill('Sled push');
      await coach.page.getByLabel('Body part').selectOption('legs');
      await coach.page.getByLabel('Equipment').selectOption('sled');
      await coach.page.getByLabel('Video link').fill('https://video.example.com/sled-push');
      await coach.page.getByRole('button', { name: 'Create exercise' }).click();
      await coach.page.getByRole('heading', { level: 1, name: 'Sled push' }).waitFor();
      expect(await coach.page.getByRole('link', { name: /Watch the video/ }).getAttribute('href')).toBe('https://video.example.com/sled-push');
      expect(await sql(stack.superuserUrl, `select name, equipment from public.exercises where trainer_id = $1`, [trainer.userId])).toEqual([{ name: 'Sled push', equipment: 'sled' }]);

      await coach.context.route('**/*', (route) => route.abort('internetdisconnected'));
      await coach.context.setOffline(true);
      await coach.page.getByRole('button', { name: 'Archive' }).click();
      await coach.page.getByRole('alert').filter({ hasText: 'Archiving needs a connection' }).waitFor();
      await coach.page.getByRole('link', { name: '← Library' }).click();
      await coach.page.getByLabel('Source').selectOption('mine');
      await coach.page.getByRole('searchbox', { name: 'Search exercises' }).fill('SLED');
      await coach.page.getByRole('link', { name: /Sled push\s*yours/ }).waitFor();
      await coach.page.getByLabel('Equipment').selectOption('barbell');
      await coach.page.getByText('No exercise matches these filters.').waitFor();
      await coach.context.unrouteAll({ behavior: 'ignoreErrors' });
      await coach.context.setOffline(false);

      // Removing the client ends the relationship at once.
      await shell.goTo('Clients');
      await row.click();
      coach.page.once('dialog', (dialog) => void dialog.accept());
      await coach.page.getByRole('button', { name: `Remove ${CLIENT_NAME}` }).click();
      await coach.page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
      await coach.page.getByText('No active clients yet').waitFor();
      await coach.page.getByRole('button', { name: 'Show 1 removed' }).click();
      await coach.page.getByRole('list', { name: 'Removed clients' }).getByText(CLIENT_NAME).waitFor();
      expect(await sql(stack.superuserUrl, `select status from public.trainer_clients where client_id = $1`, [client.userId])).toEqual([{ status: 'removed' }]);
    });
  });
});
