import { describe, expect, it } from 'vitest';
import { createPushesUnderWay, withinTime, type PushQueue } from './push-queue';

/** A push queue that settles when told to. */
function manualQueue() {
  let release: () => void = () => undefined;
  let settled = Promise.resolve();
  const queue: PushQueue = { queued: () => settled };
  return {
    queue,
    hold: () => {
      settled = new Promise<void>((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('pushes under way', () => {
  it('lets a pull go at once when no push of its collection is under way', async () => {
    const sets = manualQueue();
    sets.hold(); // RxDB's queue is busy with something else (its own change tracking)
    const pushes = createPushesUnderWay<'set_logs'>(() => sets.queue);
    expect(await withinTime(pushes.settle('set_logs', 1000), 50)).toBe(true);
  });

  it('holds a pull until the push queue has recorded a push that is under way', async () => {
    const sets = manualQueue();
    const pushes = createPushesUnderWay<'set_logs'>(() => sets.queue);
    let answer: () => void = () => undefined;
    const handler = pushes.noting('set_logs', () => new Promise<string[]>((resolve) => (answer = () => resolve([]))));
    sets.hold();
    const pushing = handler(['row']);
    await tick();
    let settled = false;
    const pull = pushes.settle('set_logs', 5000).then(() => (settled = true));
    answer(); // the server answered; RxDB has not recorded it yet
    await pushing;
    await tick();
    expect(settled).toBe(false);
    sets.release(); // recorded
    await pull;
    expect(settled).toBe(true);
    // Once recorded, the next pull does not wait.
    sets.hold();
    expect(await withinTime(pushes.settle('set_logs', 1000), 50)).toBe(true);
  });

  it('gives up waiting after maxMs (a push that keeps failing holds its queue)', async () => {
    const sets = manualQueue();
    const pushes = createPushesUnderWay<'set_logs'>(() => sets.queue);
    sets.hold();
    const failing = pushes.noting('set_logs', async () => Promise.reject(new Error('offline')));
    await expect(failing([])).rejects.toThrow('offline');
    const started = Date.now();
    await pushes.settle('set_logs', 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('says whether the parent collections finished their queued pushes in time', async () => {
    const programs = manualQueue();
    const pushes = createPushesUnderWay<'programs' | 'set_logs'>((t) => (t === 'programs' ? programs.queue : undefined));
    expect(await pushes.awaitQueued(['programs'], 50)).toBe(true);
    programs.hold();
    expect(await pushes.awaitQueued(['programs'], 30)).toBe(false);
    expect(await pushes.awaitQueued([], 30)).toBe(true);
  });
});
