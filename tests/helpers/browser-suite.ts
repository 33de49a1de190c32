/**
 * The frame of a browser test file: one private stack (optionally with the demo seed and rows
 * of the file's own), the production build served against it, one Chromium, and a fresh phone-
 * sized context and page for each test. Registers the vitest hooks; read the parts from the
 * returned object inside tests (the context and page change from test to test).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { buildAndServeApp, launchBrowser, newContext, type ServedApp } from './browser';
import { startTestStack, type TestStack } from './stack';

export type BrowserSuite = { stack: TestStack; app: ServedApp; browser: Browser; context: BrowserContext; page: Page };

export function browserSuite(options: { seed?: string; setup?: (stack: TestStack) => Promise<void> } = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.stack = await startTestStack(options.seed ? { seed: options.seed } : {});
    await options.setup?.(suite.stack);
    suite.app = await buildAndServeApp(suite.stack.apiUrl, suite.stack.anonKey);
    suite.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.app?.close();
    await suite.stack?.stop();
  });
  beforeEach(async () => {
    suite.context = await newContext(suite.browser);
    suite.page = await suite.context.newPage();
  });
  afterEach(async () => {
    await suite.context?.close();
  });
  return suite;
}
