/**
 * The first screen of the device's data comes before syncing it: the sync engine starts its
 * replications (a checkpoint read and a scan for unsent rows per collection) once a screen
 * says it is shown, or after FIRST_SCREEN_WAIT_MS for screens that do not say, so an offline
 * cold start does not share the device database and the main thread with them.
 */
const FIRST_SCREEN_WAIT_MS = 1000;

let noteShown: () => void = () => undefined;
const shown = new Promise<void>((resolve) => {
  noteShown = resolve;
});

/** Called by a screen once the device's data is on it and it takes input. */
export function noteFirstScreenShown(): void {
  noteShown();
}

/** Resolves when the first screen is shown, or after `maxWaitMs` at the latest. */
export function afterFirstScreen(maxWaitMs = FIRST_SCREEN_WAIT_MS): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, maxWaitMs);
  });
  return Promise.race([shown, timeout]).finally(() => clearTimeout(timer));
}

