import type { Locator, Page } from 'playwright-core';

/** The sign-in / sign-up screen, as a person sees it. */
export class SignInPage {
  readonly email: Locator;
  readonly password: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.email = page.getByLabel('Email');
    this.password = page.getByLabel('Password');
    this.alert = page.getByRole('alert');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.getByRole('heading', { name: /sign in|create your account/i }).waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  async signUp(email: string, password: string, name = 'New Person', role: 'client' | 'trainer' = 'client'): Promise<void> {
    await this.page.getByRole('button', { name: /create an account/i }).click();
    await this.page.getByLabel('Your name').fill(name);
    await this.email.fill(email);
    await this.password.fill(password);
    await this.page.getByLabel(role === 'client' ? /training/ : /coach/).check();
    await this.page.getByRole('button', { name: 'Create your account' }).click();
  }

  fieldError(text: string | RegExp): Locator {
    return this.page.getByText(text);
  }
}
