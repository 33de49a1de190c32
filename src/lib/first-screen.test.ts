import { describe, expect, it } from 'vitest';
import { afterFirstScreen, noteFirstScreenShown } from './first-screen';

const settledWithin = (promise: Promise<void>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);

describe('waiting for the first screen', () => {
  it('gives up waiting after the longest wait when no screen says it is shown', async () => {
    expect(await settledWithin(afterFirstScreen(40), 10)).toBe(false);
    expect(await settledWithin(afterFirstScreen(40), 200)).toBe(true);
  });

  it('goes on as soon as a screen is shown, and at once for anyone asking later', async () => {
    const waiting = afterFirstScreen(60_000);
    noteFirstScreenShown();
    expect(await settledWithin(waiting, 50)).toBe(true);
    expect(await settledWithin(afterFirstScreen(60_000), 50)).toBe(true);
  });
});
