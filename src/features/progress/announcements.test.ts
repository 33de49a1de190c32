import { describe, expect, it } from 'vitest';
import { BASELINE_KEY, decideAnnouncements, visibleToasts } from './announcements';

const NOW = Date.parse('2026-12-02T12:00:00Z');
const old = { key: 'pr:squat:100kg', earnedAt: '2026-10-01T10:00:00Z' };
const today = { key: 'pr:squat:105kg', earnedAt: '2026-12-02T09:00:00Z' };
const onDevice = { key: 'pr:bench:80kg', earnedAt: null };

describe('decideAnnouncements', () => {
  it.each([
    {
      name: 'during the first sync, the downloaded past is marked seen without a word',
      seen: [],
      firstSyncDone: false,
      expected: { markSeen: [old.key, today.key, onDevice.key], announce: [] },
    },
    {
      name: 'the first look after the first sync sets the baseline',
      seen: [old.key],
      firstSyncDone: true,
      expected: { markSeen: [BASELINE_KEY, today.key, onDevice.key], announce: [] },
    },
    {
      name: 'after the baseline, earned on this device or granted today is announced; old grants are not',
      seen: [BASELINE_KEY],
      firstSyncDone: true,
      expected: { markSeen: [old.key, today.key, onDevice.key], announce: [today, onDevice] },
    },
    {
      name: 'after the baseline, even while a later sync runs, news is announced',
      seen: [BASELINE_KEY, old.key],
      firstSyncDone: false,
      expected: { markSeen: [today.key, onDevice.key], announce: [today, onDevice] },
    },
    {
      name: 'nothing is announced twice',
      seen: [BASELINE_KEY, old.key, today.key, onDevice.key],
      firstSyncDone: true,
      expected: { markSeen: [], announce: [] },
    },
  ])('$name', ({ seen, firstSyncDone, expected }) => {
    expect(decideAnnouncements({ achievements: [old, today, onDevice], seen: new Set(seen), firstSyncDone, now: NOW })).toEqual(expected);
  });
});

describe('visibleToasts', () => {
  it('shows three at most and counts the rest', () => {
    expect(visibleToasts([1, 2])).toEqual({ visible: [1, 2], more: 0 });
    expect(visibleToasts([1, 2, 3, 4, 5])).toEqual({ visible: [1, 2, 3], more: 2 });
  });
});
