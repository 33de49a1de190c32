import type { Locator, Page } from 'playwright-core';

/** The signed-in home that shows who you are. */
export class AccountPage {
  readonly heading: Locator;
  readonly email: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { name: 'You are signed in' });
    this.email = page.getByTestId('signed-in-email');
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
