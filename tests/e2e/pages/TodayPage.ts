import type { Locator, Page } from 'playwright-core';

/** The Today screen: the workout's exercises and the tick of each set. */
export class TodayPage {
  constructor(private readonly page: Page) {}

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  exercise(name: string): Locator {
    return this.page.getByRole('region', { name });
  }

  tick(exercise: string, set: number): Locator {
    return this.page.getByRole('button', { name: `Done: set ${set} of ${exercise}`, exact: true });
  }

  input(field: 'Weight' | 'Reps' | 'RIR' | 'RPE', exercise: string, set: number): Locator {
    return this.page.getByRole('textbox', { name: new RegExp(`^${field}.*, set ${set} of ${exercise}$`) });
  }

  /** The steppers panel of a set, shown while one of its fields has the focus. */
  steppers(exercise: string, set: number): Locator {
    return this.page.getByRole('group', { name: `Adjust set ${set} of ${exercise}`, exact: true });
  }

  stepper(direction: 'Increase' | 'Decrease', field: 'Weight' | 'Reps' | 'RIR' | 'RPE', exercise: string, set: number): Locator {
    return this.page.getByRole('button', { name: `${direction} ${field} of set ${set} of ${exercise}`, exact: true });
  }

  /** Taps a field and types over its value with the keyboard, as a person does (no blur yet). */
  async typeInto(field: 'Weight' | 'Reps' | 'RIR' | 'RPE', exercise: string, set: number, text: string): Promise<void> {
    const input = this.input(field, exercise, set);
    await input.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async isDone(exercise: string, set: number): Promise<boolean> {
    return (await this.tick(exercise, set).getAttribute('aria-pressed')) === 'true';
  }

  /** Taps the tick and waits until it shows the set done. */
  async completeSet(exercise: string, set: number): Promise<void> {
    const tick = this.tick(exercise, set);
    await tick.click();
    // A locator, not an element handle: the first tick stores the draft and its rows re-render.
    await tick.and(this.page.locator('[aria-pressed="true"]')).waitFor();
    // The tick shows at once; wait until the device database has it too.
    await this.page.locator('[data-testid="set-row"][data-saving]').first().waitFor({ state: 'detached' });
  }
}
