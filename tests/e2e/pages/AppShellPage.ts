import type { Locator, Page } from 'playwright-core';

/** What is always on screen when signed in: the sync indicator and the navigation. */
export class AppShellPage {
  readonly syncIndicator: Locator;
  readonly nav: Locator;

  constructor(private readonly page: Page) {
    this.syncIndicator = page.getByTestId('sync-indicator');
    this.nav = page.getByRole('navigation', { name: 'Main' });
  }

  /** The indicator's accessible name, e.g. "Sync status: Offline, 9 changes waiting". */
  async syncDescription(): Promise<string> {
    return (await this.syncIndicator.getAttribute('aria-label')) ?? '';
  }

  async syncLabel(): Promise<string> {
    return ((await this.syncIndicator.textContent()) ?? '').trim();
  }

  async goTo(section: 'Today' | 'History' | 'Account' | 'Clients' | 'Programs' | 'Library'): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
  }

  /** Opens the sync details and reads "Changes waiting". */
  async changesWaiting(): Promise<string> {
    await this.syncIndicator.click();
    const value = (await this.page.getByTestId('sync-waiting').textContent()) ?? '';
    await this.page.getByRole('dialog', { name: 'Sync' }).getByRole('button', { name: 'Close' }).click();
    return value.trim();
  }
}
