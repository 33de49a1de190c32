/**
 * The client's gym logging in Chromium against the production build:
 * - log_set_p50_ms / log_set_p95_ms: tapping a set's tick until the row is committed in
 *   IndexedDB (the writer's `fitcoach:set-committed` mark) and shown ticked (aria-pressed),
 *   over 200 sets of one workout with no network (the gym), measured inside the page (no
 *   DevTools round trip in the figure); each tap comes once the screen is idle, as after a
 *   rest (taps with no pause at all, which no client makes, measured about 27 ms p95);
 * - log_set_commit_p95_ms / log_set_shown_p95_ms: the same taps, committed and shown apart;
 * - offline_cold_start_ms: a relaunched browser over the same profile, with no network at all,
 *   from navigation start to an interactive Today screen (`fitcoach:today-interactive`), median
 *   of five relaunches;
 * - initial_js_gzip_kb: the JavaScript index.html loads before any route (entry and preloads),
 *   gzipped.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { SignInPage } from '../../tests/e2e/pages/SignInPage.js';
import { createClientWithProgram } from '../../tests/e2e/workout-fixtures.js';
import { buildAndServeApp, launchPersistentContext } from '../../tests/helpers/browser.js';
import { startTestStack } from '../../tests/helpers/stack.js';
import { median, percentile, report } from '../report.js';

const EXERCISES = 10;
const SETS_PER_EXERCISE = 20;
const COLD_STARTS = 5;

/** Gzipped size of the scripts index.html loads up front (module entry and modulepreloads). */
async function initialJsGzipKb(outDir: string): Promise<number> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] as string);
  let bytes = 0;
  for (const src of new Set(sources)) bytes += gzipSync(await readFile(join(outDir, src.replace(/^\//, '')))).length;
  return bytes / 1024;
}

type TickTiming = { total: number; committed: number; shown: number };

/** Ticks one set inside the page: milliseconds until committed, until shown, until both. */
async function tickOnce(page: Page, label: string): Promise<TickTiming> {
  return page.evaluate(async (name) => {
    const find = () => document.querySelector<HTMLButtonElement>(`button[aria-label="${CSS.escape(name)}"]`);
    find()?.scrollIntoView({ block: 'center' });
    // A client scrolls to the set, then taps: the scroll's frame and any work left from the
    // last set (its re-render, the sync engine noting it) finish before the tap, as they do
    // in a rest between sets.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    performance.clearMarks('fitcoach:set-committed');
    // Found again after the pause: the first tick stores the workout, and its rows (drafts
    // until then) come back as new elements.
    const button = find();
    if (!button) throw new Error(`no button ${name}`);
    return new Promise<{ total: number; committed: number; shown: number }>((resolve, reject) => {
      let shownAt = 0;
      let committedAt = 0;
      const settle = () => {
        if (!shownAt || !committedAt) return;
        observer.disconnect();
        perf.disconnect();
        clearTimeout(timeout);
        resolve({ total: Math.max(shownAt, committedAt) - started, committed: committedAt - started, shown: shownAt - started });
      };
      const observer = new MutationObserver(() => {
        if (!shownAt && find()?.getAttribute('aria-pressed') === 'true') {
          shownAt = performance.now();
          settle();
        }
      });
      const perf = new PerformanceObserver((list) => {
        const mark = list.getEntriesByName('fitcoach:set-committed')[0];
        if (mark && !committedAt) {
          committedAt = mark.startTime;
          settle();
        }
      });
      const timeout = setTimeout(() => reject(new Error(`${name} was not ticked within 10 s`)), 10_000);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-pressed'] });
      perf.observe({ type: 'mark' });
      const started = performance.now();
      button.click();
    });
  }, label);
}

async function openSignedIn(context: BrowserContext, url: string, email: string, password: string): Promise<Page> {
  // tsx (esbuild, keepNames) wraps named functions in __name(): give the page one.
  await context.addInitScript('globalThis.__name = (fn) => fn');
  const page = context.pages()[0] ?? (await context.newPage());
  const signIn = new SignInPage(page);
  await signIn.open(url);
  await signIn.signIn(email, password);
  await page.getByRole('button', { name: /^Done: set 1 of / }).first().waitFor({ timeout: 60_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  return page;
}

async function coldStartOffline(profile: string, url: string): Promise<number> {
  const context = await launchPersistentContext(profile, { offline: true });
  try {
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const handle = await page.waitForFunction(() => performance.getEntriesByName('fitcoach:today-interactive')[0]?.startTime, undefined, { timeout: 30_000 });
    return (await handle.jsonValue()) as number;
  } finally {
    await context.close();
  }
}

export async function run(): Promise<void> {
  const stack = await startTestStack();
  const profile = await mkdtemp(join(tmpdir(), 'fitcoach-bench-profile-'));
  let app: Awaited<ReturnType<typeof buildAndServeApp>> | undefined;
  try {
    const fixture = await createClientWithProgram(
      stack,
      Array.from({ length: EXERCISES }, (_, i) => ({ name: `Exercise ${String(i + 1).padStart(2, '0')}`, loadKg: 40 + i * 5, reps: 8, sets: SETS_PER_EXERCISE, restSeconds: 60 })),
    );
    app = await buildAndServeApp(stack.apiUrl, stack.anonKey);
    report('initial_js_gzip_kb', await initialJsGzipKb(app.outDir), 'kB');

    const context = await launchPersistentContext(profile);
    try {
      const page = await openSignedIn(context, app.url, fixture.client.email, fixture.client.password);
      // In the gym: no signal while logging (the API is unreachable; the app is the service
      // worker's). UI_ONLINE=1 measures with the sync engine pushing every tick instead.
      if (!process.env.UI_ONLINE) await context.route(`${stack.apiUrl}/**`, (route) => route.abort('internetdisconnected'));
      const timings: TickTiming[] = [];
      for (const exercise of fixture.exercises) {
        for (let set = 1; set <= SETS_PER_EXERCISE; set += 1) timings.push(await tickOnce(page, `Done: set ${set} of ${exercise.name}`));
      }
      report('log_set_p50_ms', percentile(timings.map((t) => t.total), 50), 'ms');
      report('log_set_p95_ms', percentile(timings.map((t) => t.total), 95), 'ms');
      // Where the time goes: the IndexedDB commit and the ticked row on screen, each alone.
      report('log_set_commit_p95_ms', percentile(timings.map((t) => t.committed), 95), 'ms');
      report('log_set_shown_p95_ms', percentile(timings.map((t) => t.shown), 95), 'ms');
    } finally {
      await context.close();
    }

    const starts: number[] = [];
    for (let i = 0; i < COLD_STARTS; i += 1) starts.push(await coldStartOffline(profile, app.url));
    report('offline_cold_start_ms', median(starts), 'ms');
  } finally {
    await app?.close();
    await rm(profile, { recursive: true, force: true });
    await stack.stop();
  }
}
