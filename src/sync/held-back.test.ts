import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHeldBackPulls } from './held-back';

afterEach(() => {
  vi.useRealTimers();
});

describe('pulls the server held back', () => {
  it('pulls a behind collection again after a wait that grows while it stays behind', () => {
    vi.useFakeTimers();
    const repull = vi.fn();
    const held = createHeldBackPulls<'programs'>({ repull, firstDelayMs: 100, maxDelayMs: 300 });

    held.notePage('programs', true);
    vi.advanceTimersByTime(99);
    expect(repull).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(repull).toHaveBeenCalledTimes(1);

    held.notePage('programs', true); // still behind: waits 200 ms
    vi.advanceTimersByTime(199);
    expect(repull).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(repull).toHaveBeenCalledTimes(2);

    held.notePage('programs', true); // capped at 300 ms
    vi.advanceTimersByTime(300);
    expect(repull).toHaveBeenCalledTimes(3);
    expect(held.isBehind()).toBe(true);
  });

  it('stops pulling again once a page is not behind', () => {
    vi.useFakeTimers();
    const repull = vi.fn();
    const held = createHeldBackPulls<'programs' | 'habits'>({ repull, firstDelayMs: 100 });
    held.notePage('programs', true);
    held.notePage('habits', false);
    held.notePage('programs', false);
    vi.advanceTimersByTime(1000);
    expect(repull).not.toHaveBeenCalled();
    expect(held.isBehind()).toBe(false);
  });

  it('schedules one re-pull however many behind pages arrive meanwhile', () => {
    vi.useFakeTimers();
    const repull = vi.fn();
    const held = createHeldBackPulls<'programs'>({ repull, firstDelayMs: 100 });
    held.notePage('programs', true);
    held.notePage('programs', true);
    held.notePage('programs', true);
    vi.advanceTimersByTime(100);
    expect(repull).toHaveBeenCalledTimes(1);
  });

  it('waits for catching up, but no longer than asked', async () => {
    const held = createHeldBackPulls<'programs'>({ repull: () => undefined, firstDelayMs: 10_000 });
    held.notePage('programs', true);
    setTimeout(() => held.notePage('programs', false), 120);
    const started = Date.now();
    await held.awaitCaughtUp(5000);
    expect(held.isBehind()).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);

    held.notePage('programs', true);
    const again = Date.now();
    await held.awaitCaughtUp(150);
    expect(held.isBehind()).toBe(true);
    expect(Date.now() - again).toBeGreaterThanOrEqual(140);
    held.stop();
    expect(held.isBehind()).toBe(false);
  });
});
