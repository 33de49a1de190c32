import { describe, expect, it } from 'vitest';
import { retryUntilLoaded } from './retry-until-loaded';

describe('retryUntilLoaded', () => {
  it('tries again when back online after a failed load, and answers the value', async () => {
    let online: () => void = () => undefined;
    const failures: number[] = [];
    let calls = 0;
    const result = retryUntilLoaded(
      async () => {
        calls += 1;
        if (calls < 3) throw new TypeError('Failed to fetch dynamically imported module');
        return 'engine';
      },
      {
        wanted: () => true,
        backOnline: () => new Promise<void>((resolve) => (online = resolve)),
        firstPauseMs: 60_000,
        onFailure: (_, attempt) => failures.push(attempt),
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(1);
    online();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(2);
    online();
    expect(await result).toBe('engine');
    expect(failures).toEqual([1, 2]);
  });

  it('retries after a pause when no online event comes, and stops once the value is not wanted', async () => {
    let wanted = true;
    let calls = 0;
    const result = retryUntilLoaded(
      async () => {
        calls += 1;
        if (calls === 2) wanted = false;
        throw new Error('offline');
      },
      { wanted: () => wanted, backOnline: () => new Promise(() => undefined), firstPauseMs: 5, maxPauseMs: 10 },
    );
    expect(await result).toBeUndefined();
    expect(calls).toBe(2);
  });
});
