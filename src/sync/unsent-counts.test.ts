import { describe, expect, it } from 'vitest';
import { createUnsentCounts } from './unsent-counts';

function setup(initial: Record<'set_logs' | 'habits', number>) {
  const rows = { ...initial };
  const counted: string[] = [];
  let clock = 0;
  const counts = createUnsentCounts<'set_logs' | 'habits'>({
    tables: ['set_logs', 'habits'],
    count: async (table) => {
      counted.push(table);
      return rows[table];
    },
    quietMs: 1000,
    maxWaitMs: 10_000,
    now: () => clock,
  });
  return { counts, rows, counted, tick: (ms: number) => (clock += ms) };
}

describe('unsent row counts', () => {
  it('counts every collection once, then only the ones that changed', async () => {
    const { counts, rows, counted } = setup({ set_logs: 2, habits: 1 });
    expect(await counts.total()).toBe(3);
    expect(await counts.total()).toBe(3);
    expect(counted).toEqual(['set_logs', 'habits']);
    rows.set_logs = 5;
    counts.noteChange('set_logs');
    expect(await counts.total()).toBe(6);
    expect(counted).toEqual(['set_logs', 'habits', 'set_logs']);
  });

  it('keeps the last count of a collection being written while the caller can wait, and recounts once it pauses', async () => {
    const { counts, rows, counted, tick } = setup({ set_logs: 0, habits: 0 });
    await counts.total();
    rows.set_logs = 1;
    counts.noteChange('set_logs');
    tick(300);
    expect(await counts.total({ quiet: true })).toBe(0);
    tick(1000);
    expect(await counts.total({ quiet: true })).toBe(1);
    expect(counted.filter((t) => t === 'set_logs')).toHaveLength(2);
  });

  it('recounts a collection written without pause at most every ten seconds, and at once when asked for an exact count', async () => {
    const { counts, rows, tick } = setup({ set_logs: 0, habits: 0 });
    await counts.total();
    for (let i = 1; i <= 11; i += 1) {
      rows.set_logs = i;
      counts.noteChange('set_logs');
      tick(950);
      if (i < 11) expect(await counts.total({ quiet: true })).toBe(0);
    }
    expect(await counts.total({ quiet: true })).toBe(11);
    rows.set_logs = 12;
    counts.noteChange('set_logs');
    expect(await counts.total()).toBe(12);
  });
});
