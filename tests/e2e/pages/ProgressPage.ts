import type { Locator, Page } from 'playwright-core';

/** The client's Progress screen (habits, body measurements, …), as a person sees it. */
export class ProgressPage {
  constructor(private readonly page: Page) {}

  async openTab(name: 'Habits' | 'Body' | 'Photos' | 'Check-in' | 'Goals' | 'Achievements' | 'Calculator'): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Progress sections' }).getByRole('link', { name, exact: true }).click();
  }

  habit(name: string): Locator {
    return this.page.getByRole('article', { name });
  }

  /** The big "Tick" button of a habit for today. */
  tickToday(name: string): Locator {
    return this.page.getByRole('button', { name: new RegExp(`^${name}: (mark done today|done today)`) });
  }

  async streakText(name: string): Promise<string> {
    return ((await this.habit(name).getByTestId('habit-streak').textContent()) ?? '').trim();
  }

  /** Records a measurement through the form; values in the user's units. */
  async addMeasurement(values: { weight?: string; waist?: string; day?: string }): Promise<void> {
    const form = this.page.getByRole('form', { name: 'New measurement' });
    if (values.day) await form.getByLabel('Day').fill(values.day);
    if (values.weight) await form.getByLabel(/^Weight/).fill(values.weight);
    if (values.waist) await form.getByLabel(/^Waist/).fill(values.waist);
    await form.getByRole('button', { name: 'Save measurement' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved on this device' }).waitFor();
  }

  async chartCaption(): Promise<string> {
    return ((await this.page.getByTestId('chart-caption').textContent()) ?? '').trim();
  }

  /** The plotted points of the measurement line (recharts draws one circle per point). */
  chartDots(): Locator {
    return this.page.getByRole('figure', { name: /chart$/ }).locator('.recharts-line-dots circle');
  }

  async changeOver(days: 7 | 30 | 90): Promise<string> {
    const summary = this.page.getByRole('definition').filter({ has: this.page.locator(`xpath=preceding-sibling::dt[.='${days} days']`) });
    return ((await summary.textContent()) ?? '').trim();
  }
}
