/**
 * Issue 24.11 in Chromium against the production build and the demo world: a client's purchase
 * paid by hand no longer stays pending forever. The trainer marks it received (the credits
 * reach the client's screen and Postgres) or not received (the client is told), gives and takes
 * back credits with a note, and changes prices and the cancellation policy, offline too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../supabase/local/demo-accounts';
import { cutNetwork, newContext, restoreNetwork, withScreenshotOnFailure } from '../helpers/browser';
import { browserSuite } from '../helpers/browser-suite';
import { sql } from '../helpers/device';
import { AppShellPage } from './pages/AppShellPage';
import { SignInPage } from './pages/SignInPage';

const alex = DEMO_ACCOUNTS.find((a) => a.label === 'demo client')!;
const sam = DEMO_ACCOUNTS.find((a) => a.label === 'demo client 2')!;
const coach = DEMO_ACCOUNTS.find((a) => a.label === 'demo trainer')!;

const suite = browserSuite({ seed: 'supabase/seed.sql' });

async function signInAs(page: Page, account: { email: string; password: string }): Promise<AppShellPage> {
  const signIn = new SignInPage(page);
  await signIn.open(suite.app.url);
  await signIn.signIn(account.email, account.password);
  const shell = new AppShellPage(page);
  await shell.nav.waitFor();
  await expect.poll(() => shell.syncDescription(), { timeout: 30_000 }).toContain('all changes synced');
  // The app's code is on the device (the service worker's precache) before a test goes offline.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return shell;
}

const balanceText = async (page: Page) => (await page.getByTestId('credit-balance').innerText()).trim();

async function openBilling(page: Page): Promise<void> {
  await page.goto(`${suite.app.url}/schedule`);
  await page.getByRole('link', { name: /^Prices & credits/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Prices & credits' }).waitFor();
}

async function buyFivePack(page: Page): Promise<void> {
  await page.goto(`${suite.app.url}/bookings`);
  await page.getByRole('button', { name: 'Buy sessions' }).click();
  await page
    .getByRole('dialog', { name: 'Buy sessions' })
    .getByRole('button', { name: /^5 sessions with Casey/ })
    .click();
  await page.getByTestId('purchase-pending').first().waitFor();
}

const payments = (status: string) =>
  sql<{ id: string; ledger: number }>(
    suite.stack.superuserUrl,
    `select p.id, (select coalesce(sum(l.delta), 0)::int from public.credit_ledger l where l.payment_id = p.id) as ledger
     from public.payments p where p.client_id = $1 and p.provider = 'manual' and p.status = $2`,
    [alex.id, status],
  );

describe('a purchase paid in cash', () => {
  it(
    'the trainer marks it received and the client’s credits arrive; a second purchase marked not received tells the client',
    { timeout: 180_000 },
    async () => {
      const coachContext = await newContext(suite.browser);
      const coachPage = await coachContext.newPage();
      try {
        await withScreenshotOnFailure(suite.page, 'billing-client', async () => {
          await signInAs(suite.page, alex);
          await suite.page.goto(`${suite.app.url}/bookings`);
          await expect.poll(() => balanceText(suite.page), { timeout: 30_000 }).toBe('3 credits');
          await buyFivePack(suite.page);
          expect(await suite.page.getByTestId('purchase-pending').innerText()).toContain('Pay Casey Coach in cash or by bank transfer');
          await expect.poll(async () => (await payments('pending')).length, { timeout: 30_000 }).toBe(1);
        });

        await withScreenshotOnFailure(coachPage, 'billing-trainer-confirm', async () => {
          await signInAs(coachPage, coach);
          await coachPage.goto(`${suite.app.url}/schedule`);
          await coachPage.getByRole('link', { name: 'Prices & credits (1 to confirm)' }).click();
          const row = coachPage.getByTestId('payment-to-confirm');
          await expect.poll(async () => (await row.innerText()).replace(/\s+/g, ' ')).toContain('Alex Client: 5 credits, £275.00');
          await row.getByRole('button', { name: /^Received:/ }).click();
          await coachPage.getByText("5 credits added to the client's balance.").waitFor({ timeout: 30_000 });
          await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
          const alexRow = coachPage.getByTestId('client-credits-row').filter({ hasText: 'Alex' });
          await expect.poll(async () => (await alexRow.innerText()).replace(/\s+/g, ' '), { timeout: 30_000 }).toMatch(/^Alex Client 7 1/);
        });
        const [paid] = await payments('succeeded');
        expect(paid?.ledger).toBe(5);

        await withScreenshotOnFailure(suite.page, 'billing-client-credited', async () => {
          await expect.poll(() => balanceText(suite.page), { timeout: 30_000 }).toBe('8 credits');
          expect(await suite.page.getByTestId('purchase-pending').count()).toBe(0);
          await buyFivePack(suite.page);
        });

        await withScreenshotOnFailure(coachPage, 'billing-trainer-decline', async () => {
          const row = coachPage.getByTestId('payment-to-confirm');
          await row.waitFor({ timeout: 30_000 });
          await row.getByRole('button', { name: /^Not received:/ }).click();
          const dialog = coachPage.getByRole('dialog', { name: 'Not received?' });
          await dialog.getByRole('button', { name: 'Keep waiting' }).click();
          expect(await row.count()).toBe(1);
          await row.getByRole('button', { name: /^Not received:/ }).click();
          await dialog.getByRole('button', { name: 'Not received', exact: true }).click();
          await expect.poll(() => row.count(), { timeout: 30_000 }).toBe(0);
        });
        await expect.poll(async () => (await payments('failed')).map((p) => p.ledger), { timeout: 30_000 }).toEqual([0]);

        await withScreenshotOnFailure(suite.page, 'billing-client-declined', async () => {
          const notice = suite.page.getByTestId('purchase-not-received');
          await notice.waitFor({ timeout: 30_000 });
          expect(await notice.innerText()).toContain('Casey Coach marked your purchase of 5 credits (£275.00) as not received');
          expect(await balanceText(suite.page)).toBe('8 credits');
        });
      } finally {
        await coachContext.close();
      }
    },
  );
});

describe('the trainer', () => {
  it('gives a client credits with a note, and cannot take back more than they hold', { timeout: 120_000 }, async () => {
    await withScreenshotOnFailure(suite.page, 'billing-give-credits', async () => {
      await signInAs(suite.page, coach);
      await openBilling(suite.page);
      await suite.page.getByRole('button', { name: 'Give or take back credits: Sam Client' }).click();
      const dialog = suite.page.getByRole('dialog', { name: 'Credits for Sam Client' });
      await dialog.getByLabel('Credits', { exact: true }).fill('2');
      await dialog.getByLabel(/^Note for Sam/).fill('Makeup for the cancelled class');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      const samRow = suite.page.getByTestId('client-credits-row').filter({ hasText: 'Sam' });
      await expect.poll(async () => (await samRow.innerText()).replace(/\s+/g, ' '), { timeout: 30_000 }).toMatch(/^Sam Client 2 /);
      expect(
        await sql(
          suite.stack.superuserUrl,
          `select delta, reason, note from public.credit_ledger where client_id = $1 and reason = 'adjustment'`,
          [sam.id],
        ),
      ).toEqual([{ delta: 2, reason: 'adjustment', note: 'Makeup for the cancelled class' }]);

      await suite.page.getByRole('button', { name: 'Give or take back credits: Sam Client' }).click();
      await dialog.getByLabel('Take back').check();
      await dialog.getByLabel('Credits', { exact: true }).fill('10');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('They have 2 with you: take back at most that').waitFor();
      await dialog.getByLabel('Credits', { exact: true }).fill('0');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.getByText('At least 1 credit').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      const { length } = await sql(
        suite.stack.superuserUrl,
        `select 1 from public.credit_ledger where client_id = $1 and reason = 'adjustment'`,
        [sam.id],
      );
      expect(length).toBe(1);
    });
  });

  it(
    'changes prices offline; a bad price says which and sends nothing; the change lands when back online',
    { timeout: 120_000 },
    async () => {
      await withScreenshotOnFailure(suite.page, 'billing-prices', async () => {
        await signInAs(suite.page, coach);
        await openBilling(suite.page);
        const form = suite.page.getByRole('form', { name: 'Prices and cancellation' });
        await expect.poll(() => form.getByLabel('One session').inputValue()).toBe('60');
        await cutNetwork(suite.context);
        await form.getByLabel('One session').fill('-5');
        await form.getByRole('button', { name: 'Save prices' }).click();
        await form.getByText('One session: A price cannot be negative').waitFor();
        await form.getByLabel('One session').fill('65.50');
        await form.getByLabel('10 sessions').fill('');
        await form.getByLabel('Cancellation policy').selectOption('up_to_12h');
        await form.getByRole('button', { name: 'Save prices' }).click();
        await suite.page.getByText('Waiting to send: Prices and cancellation policy').waitFor();
        await restoreNetwork(suite.context);
        await suite.page.getByText('Prices saved: Prices and cancellation policy').waitFor({ timeout: 30_000 });
        const rows = await sql(
          suite.stack.superuserUrl,
          `select single_session_price_cents, offers_ten_pack, ten_pack_price_cents, cancellation_policy
         from public.trainer_pricing where trainer_id = $1 and not deleted`,
          [coach.id],
        );
        expect(rows).toEqual([
          { single_session_price_cents: 6550, offers_ten_pack: false, ten_pack_price_cents: null, cancellation_policy: 'up_to_12h' },
        ]);
        await expect.poll(() => form.getByLabel('One session').inputValue(), { timeout: 30_000 }).toBe('65.50');
      });
    },
  );
});
