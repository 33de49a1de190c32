import type { Locator, Page } from 'playwright-core';

/** The client's Bookings screen: the trainer's week calendar, the requests in the outbox, upcoming sessions. */
export class BookingsPage {
  readonly heading: Locator;
  readonly calendar: Locator;
  readonly requests: Locator;
  readonly upcoming: Locator;
  readonly bookDialog: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Bookings' });
    this.calendar = page.getByRole('region', { name: /^Calendar with / });
    this.requests = page.getByTestId('booking-request');
    this.upcoming = page.getByTestId('upcoming-booking');
    this.bookDialog = page.getByRole('dialog', { name: 'Book this session?' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bookings' }).click();
    await this.heading.waitFor();
  }

  /** The free slots shown in the calendar, in the order of the page (earliest first within the week). */
  freeSlots(): Locator {
    return this.calendar.getByRole('button', { name: /^Free/ });
  }

  /** Picks the first free slot and confirms; returns the "When" the dialog showed. */
  async bookFirstFreeSlot(): Promise<string> {
    await this.freeSlots().first().click();
    await this.bookDialog.waitFor();
    const when = ((await this.bookDialog.locator('dd').first().textContent()) ?? '').trim();
    await this.bookDialog.getByRole('button', { name: 'Book', exact: true }).click();
    await this.bookDialog.waitFor({ state: 'hidden' });
    return when;
  }

  /** The one request in the outbox list: its state (waiting, sending, done, refused) and text. */
  async request(): Promise<{ state: string; text: string }> {
    const item = this.requests.first();
    return { state: (await item.getAttribute('data-state')) ?? '', text: ((await item.innerText()) ?? '').replace(/\s+/g, ' ').trim() };
  }

  /** Opens the manage dialog of the upcoming session at `when` ("Wed 2 Dec, 10:00"). */
  async manage(when: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Manage session ${when}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Session ${when}` });
    await dialog.waitFor();
    return dialog;
  }

  async upcomingTexts(): Promise<string[]> {
    return (await this.upcoming.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
