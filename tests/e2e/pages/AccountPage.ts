import type { Locator, Page } from 'playwright-core';

/** The account screen: who you are, units, signing out. */
export class AccountPage {
  readonly heading: Locator;
  readonly email: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'Account', level: 1 });
    this.email = page.getByTestId('signed-in-email');
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await this.heading.waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }

  /** The warning shown when changes have not synced yet. */
  get unsyncedWarning(): Locator {
    return this.page.getByRole('dialog', { name: 'Sign out with changes waiting?' });
  }
}
