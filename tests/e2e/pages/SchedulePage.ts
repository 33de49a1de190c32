import type { Locator, Page } from 'playwright-core';

/** The trainer's Schedule screen: booking requests, sessions to mark, calendar, availability. */
export class SchedulePage {
  readonly heading: Locator;
  readonly requests: Locator;
  readonly outcomes: Locator;
  readonly availability: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Schedule' });
    this.requests = page.getByTestId('booking-request-row');
    this.outcomes = page.getByTestId('booking-request');
    this.availability = page.getByRole('region', { name: 'Availability' });
  }

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Schedule' }).click();
    await this.heading.waitFor();
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** Fills the "Add weekly hours" form and submits it. */
  async addWeeklyHours(day: string, from: string, to: string, sessionMinutes: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add weekly hours' });
    await form.getByLabel('Day').selectOption({ label: day });
    await form.getByLabel('From', { exact: true }).fill(from);
    await form.getByLabel('To', { exact: true }).fill(to);
    await form.getByLabel('Session (min)').fill(String(sessionMinutes));
    await form.getByRole('button', { name: 'Add hours' }).click();
  }

  async addDayOff(date: string, reason: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Add an exception' });
    await form.getByLabel('Date').fill(date);
    await form.getByLabel('Reason (optional)').fill(reason);
    await form.getByRole('button', { name: 'Add exception' }).click();
  }

  async outcomeTexts(): Promise<string[]> {
    return (await this.outcomes.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  }
}
