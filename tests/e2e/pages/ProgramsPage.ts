import type { Locator, Page } from 'playwright-core';

/** The trainer's program list and the program builder, as a trainer sees them. */
export class ProgramsPage {
  constructor(private readonly page: Page) {}

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1, name: 'Programs' });
  }

  async createTemplate(name: string): Promise<void> {
    await this.page.getByLabel('New template').fill(name);
    await this.page.getByRole('button', { name: 'Create template' }).click();
    await this.builderHeading(name).waitFor();
  }

  /** A program in the list; a client's copy shows the client's name. */
  programLink(name: string | RegExp): Locator {
    return this.page.getByRole('link', { name });
  }

  builderHeading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name });
  }

  day(name: string): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${name}`) });
  }

  async addDay(name: string): Promise<void> {
    await this.page.getByLabel(/^New day in week/).fill(name);
    await this.page.getByRole('button', { name: 'Add day' }).click();
    await this.day(name).waitFor();
  }

  async addExercise(dayName: string, exercise: string): Promise<void> {
    await this.addExercises(dayName, [exercise]);
  }

  /** Opens the chooser once, searches and picks each exercise in turn, then adds them all. */
  async addExercises(dayName: string, exercises: string[]): Promise<void> {
    await this.page.getByRole('button', { name: `+ Add exercise to ${dayName}` }).click();
    const dialog = this.page.getByRole('dialog', { name: `Add to ${dayName}` });
    for (const exercise of exercises) {
      await dialog.getByRole('searchbox', { name: 'Search exercises' }).fill(exercise);
      await dialog.getByRole('button', { name: new RegExp(`^${exercise}`) }).first().click();
    }
    await dialog.getByRole('button', { name: exercises.length === 1 ? 'Add exercise' : `Add ${exercises.length} exercises` }).click();
    await dialog.waitFor({ state: 'hidden' });
    for (const exercise of exercises) await this.prescriptionField(dayName, 'Sets', exercise).waitFor();
  }

  prescriptionField(dayName: string, field: string, exercise: string): Locator {
    return this.day(dayName).getByRole('textbox', { name: `${field}, ${exercise}`, exact: true });
  }

  /** Types into a builder field and leaves it, which writes it. */
  async setField(field: Locator, value: string): Promise<void> {
    await field.fill(value);
    await field.press('Tab');
  }

  /** Names of the week's days, top to bottom. */
  async dayOrder(): Promise<string[]> {
    return this.page.locator('section.day-card h3').evaluateAll((headings) => headings.map((h) => (h.firstChild?.textContent ?? '').trim()));
  }

  /** Moves a day with the keyboard: focus its reorder handle, press the arrow key `times`. */
  async moveDayWithKeyboard(dayName: string, key: 'ArrowUp' | 'ArrowDown', times: number): Promise<void> {
    const handle = this.page.getByRole('button', { name: `Reorder ${dayName}`, exact: true });
    await handle.focus();
    for (let i = 0; i < times; i += 1) await handle.press(key);
  }

  get programName(): Locator {
    return this.page.getByRole('textbox', { name: 'Program name', exact: true });
  }

  get description(): Locator {
    return this.page.getByRole('textbox', { name: 'Description', exact: true });
  }

  /** `existing`: the client already follows a program, and the dialog asks what to do with it. */
  async assignTo(clientName: string, existing?: 'replace' | 'add'): Promise<void> {
    await this.page.getByRole('button', { name: 'Assign to a client' }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Assign / });
    await dialog.getByLabel('Client').selectOption({ label: clientName });
    if (existing) await dialog.getByLabel(existing === 'replace' ? /Replace it/ : /Add beside it/).check();
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await dialog.getByRole('status').filter({ hasText: `Assigned to ${clientName}` }).waitFor();
  }

  async openAssignedCopy(clientName: string): Promise<void> {
    await this.page.getByRole('link', { name: `Open ${clientName}’s program` }).click();
    await this.page.getByText(`Program of ${clientName}`).waitFor();
  }
}
