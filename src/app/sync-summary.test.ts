import { describe, expect, it } from 'vitest';
import { initialSyncStatus, emptyCollectionStatus, type SyncStatusState } from '@/sync/status-store';
import { formatAgo, summarizeSync, type SyncTone } from './sync-summary';

function state(changes: Partial<SyncStatusState>, pending = 0): SyncStatusState {
  return {
    ...initialSyncStatus,
    running: true,
    session: 'signed-in',
    firstSync: { collectionsDone: 12, collectionsTotal: 12, rowsReceived: 0, done: true },
    collections: { set_logs: { ...emptyCollectionStatus(), pendingPushes: pending } },
    ...changes,
  };
}
const rowError = { key: 'set_logs:1', collection: 'set_logs', rowId: '1', direction: 'push' as const, code: '23514', message: 'check', constraint: null, column: null, row: {}, base: null, at: '' };

describe('summarizeSync', () => {
  it.each<[string, SyncStatusState, SyncTone, string]>([
    ['all synced', state({}), 'synced', 'Synced'],
    ['changes waiting online', state({}, 3), 'pending', '3 waiting'],
    ['offline with changes', state({ online: false }, 9), 'offline', 'Offline · 9 waiting'],
    ['offline, nothing waiting', state({ online: false }), 'offline', 'Offline'],
    ['a refused write', state({ rowErrors: [rowError] }), 'error', '1 change refused'],
    ['session expired', state({ session: 'expired' }, 2), 'expired', 'Sign in to sync'],
    ['first sync', state({ firstSync: { collectionsDone: 3, collectionsTotal: 12, rowsReceived: 40, done: false } }), 'first-sync', 'Getting your data… 25%'],
    ['a new device before its engine starts', state({ running: false, firstSync: { collectionsDone: 0, collectionsTotal: 0, rowsReceived: 0, done: false } }), 'first-sync', 'Getting your data…'],
    ['pulling', state({ collections: { programs: { ...emptyCollectionStatus(), active: true } } }), 'syncing', 'Syncing…'],
    ['refreshing a replica', state({ replicas: { bookings: { active: true, lastPulledAt: null, lastError: null, behind: false } } }), 'syncing', 'Syncing…'],
  ])('%s', (_label, input, tone, label) => {
    const summary = summarizeSync(input);
    expect(summary.tone).toBe(tone);
    expect(summary.label).toBe(label);
  });

  it('shows first-sync progress only on a device that never synced', () => {
    const starting = state({ firstSync: { collectionsDone: 0, collectionsTotal: 12, rowsReceived: 0, done: false } });
    expect(summarizeSync(starting, true)).toMatchObject({ tone: 'syncing', firstSyncProgress: null });
    expect(summarizeSync({ ...starting, online: false }, true).description).toBe('Sync status: Offline');
  });

  it('prefers the engine\'s count of unsent rows', () => {
    expect(summarizeSync(state({ online: false }), true, { rows: 9, requests: 0, refused: 0, total: 9 }).label).toBe('Offline · 9 waiting');
  });

  it('counts outbox requests as waiting and refused requests as refused', () => {
    const outbox = (status: 'pending' | 'refused') => ({ key: status, fn: 'book', args: {}, label: 'Book', status, createdAt: '', attempts: 0, lastAttemptAt: null, result: null, error: null });
    const summary = summarizeSync(state({ outbox: [outbox('pending'), outbox('refused')] }, 1));
    expect([summary.waiting, summary.refused]).toEqual([2, 1]);
  });

  it('says "all changes synced" in its accessible description only when that is true', () => {
    expect(summarizeSync(state({})).description).toBe('Sync status: Online, all changes synced');
    expect(summarizeSync(state({ online: false }, 2)).description).toBe('Sync status: Offline, 2 changes waiting');
  });
});

describe('formatAgo', () => {
  const now = Date.parse('2026-11-25T12:00:00.000Z');
  it.each<[string | null, string]>([
    [null, 'never on this device'],
    ['2026-11-25T11:59:40.000Z', 'just now'],
    ['2026-11-25T11:55:00.000Z', '5 min ago'],
    ['2026-11-25T09:00:00.000Z', '3 h ago'],
    ['2026-11-23T12:00:00.000Z', '2 days ago'],
  ])('%s → %s', (time, text) => {
    expect(formatAgo(time, now)).toBe(text);
  });
});
