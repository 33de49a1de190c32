import { describe, expect, it } from 'vitest';
import { readPages } from './read-pages';

const table = Array.from({ length: 2345 }, (_, i) => i);
const server = (cap: number) => async (from: number, to: number) => ({ data: table.slice(from, Math.min(to + 1, from + cap)), error: null });

describe('readPages', () => {
  it('reads past a server that answers at most 1,000 rows a request', async () => {
    expect((await readPages(server(1000))).data).toEqual(table);
  });

  it('stops at maxRows and on the first error', async () => {
    expect((await readPages(server(1000), { maxRows: 1500 })).data).toHaveLength(1500);
    let calls = 0;
    const failing = async (from: number, to: number) => (++calls === 2 ? { data: null, error: { message: 'boom' } } : { data: table.slice(from, to + 1), error: null });
    expect(await readPages(failing)).toEqual({ data: null, error: { message: 'boom' } });
  });

  it('asks once for a short table', async () => {
    let calls = 0;
    await readPages(async (from, to) => (calls++, { data: table.slice(from, Math.min(to + 1, 10)), error: null }));
    expect(calls).toBe(1);
  });
});
