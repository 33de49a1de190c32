import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createOfflineRest } from './offline-rest';

function setup(answers: () => boolean) {
  const calls: string[] = [];
  const rest = createOfflineRest({
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
    probe: async () => {
      calls.push('probe');
      // The answer reaches the engine as a change of online state, as the fetch would report it.
      if (answers()) rest.noteOnline(true);
    },
    firstProbeMs: 100,
    maxProbeMs: 400,
  });
  return { rest, calls };
}

describe('replications resting while offline', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('pauses once on going offline and asks the server at growing intervals, up to the longest', async () => {
    const { rest, calls } = setup(() => false);
    rest.noteOnline(false);
    rest.noteOnline(false);
    expect(calls).toEqual(['pause']);
    await vi.advanceTimersByTimeAsync(100); // first probe
    await vi.advanceTimersByTimeAsync(200); // second, 200 ms later
    await vi.advanceTimersByTimeAsync(400); // third, 400 ms later
    await vi.advanceTimersByTimeAsync(400); // fourth: the wait stays at 400 ms
    expect(calls).toEqual(['pause', 'probe', 'probe', 'probe', 'probe']);
    rest.stop();
  });

  it('resumes when a probe gets an answer and stops probing', async () => {
    let serverBack = false;
    const { rest, calls } = setup(() => serverBack);
    rest.noteOnline(false);
    await vi.advanceTimersByTimeAsync(100);
    serverBack = true;
    await vi.advanceTimersByTimeAsync(200);
    expect(calls).toEqual(['pause', 'probe', 'probe', 'resume']);
    await vi.advanceTimersByTimeAsync(5000);
    expect(calls).toHaveLength(4);
  });

  it('asks at once when told the network is back, and not at all while online', async () => {
    const { rest, calls } = setup(() => true);
    rest.probeNow();
    expect(calls).toEqual([]);
    rest.noteOnline(false);
    rest.probeNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['pause', 'probe', 'resume']);
  });
});
