import { describe, expect, it } from 'vitest';
import { failedModuleUrl, freshAddress, importAfreshAfterFailure } from './fresh-import';

const chromiumFailure = (url: string) => new TypeError(`Failed to fetch dynamically imported module: ${url}`);

describe('importAfreshAfterFailure', () => {
  it('reads the failed chunk from Chromium and Firefox messages, and none from Safari', () => {
    expect(failedModuleUrl(chromiumFailure('https://app.test/assets/engine-Ab1.js'))).toBe('https://app.test/assets/engine-Ab1.js');
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: http://127.0.0.1:5173/assets/x.js'))).toBe(
      'http://127.0.0.1:5173/assets/x.js',
    );
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeNull();
  });

  it('asks for the failed chunk under a new address each time, keeping its own query', () => {
    expect(freshAddress('https://app.test/assets/engine.js', 1)).toBe('https://app.test/assets/engine.js?retry=1');
    expect(freshAddress('https://app.test/assets/engine.js?v=2', 3)).toBe('https://app.test/assets/engine.js?v=2&retry=3');
  });

  it('after a failure imports the chunk afresh rather than answering the remembered failure', async () => {
    const asked: string[] = [];
    let bundlerCalls = 0;
    const load = importAfreshAfterFailure(
      async () => {
        bundlerCalls += 1;
        throw chromiumFailure('https://app.test/assets/engine-Ab1.js');
      },
      async (url) => {
        asked.push(url);
        if (asked.length === 1) throw chromiumFailure(url);
        return { startSync: 'engine' };
      },
    );
    await expect(load()).rejects.toThrow('engine-Ab1.js');
    await expect(load()).rejects.toThrow('retry=1');
    expect(await load()).toEqual({ startSync: 'engine' });
    expect(bundlerCalls).toBe(1);
    expect(asked).toEqual(['https://app.test/assets/engine-Ab1.js?retry=1', 'https://app.test/assets/engine-Ab1.js?retry=2']);
    expect(load.freshTries()).toBe(2);
  });

  it('keeps using the bundler import when the failure names no chunk', async () => {
    let calls = 0;
    const load = importAfreshAfterFailure(
      async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('Importing a module script failed.');
        return 'loaded';
      },
      async () => {
        throw new Error('not asked');
      },
    );
    await expect(load()).rejects.toThrow('Importing');
    expect(await load()).toBe('loaded');
  });
});
