/**
 * What the always-visible sync indicator says, from the sync engine's status store: one tone
 * and a short label for the header, the counts and times for the details panel.
 */
import type { PendingChanges, SyncStatusState } from '@/sync';

export type SyncTone = 'offline' | 'expired' | 'error' | 'first-sync' | 'pending' | 'syncing' | 'synced';

export type SyncSummary = {
  tone: SyncTone;
  /** Short text shown in the header. */
  label: string;
  /** The accessible name of the indicator button: everything in one sentence. */
  description: string;
  /** Local changes and requests not yet accepted by the server. */
  waiting: number;
  /** Writes the server refused. */
  refused: number;
  /** 0..1 while the first sync after sign-in runs; null otherwise. */
  firstSyncProgress: number | null;
  active: boolean;
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `pending`: the engine's count of unsent rows, when the caller has one.
 * `everSynced`: this device finished a full sync for this user before. The engine restarts
 * its first-sync count at every start; only a device that never synced shows it as progress.
 */
export function summarizeSync(state: SyncStatusState, everSynced = false, pending: PendingChanges | null = null): SyncSummary {
  const collections = Object.values(state.collections);
  // The engine's own count (usePendingChanges) when known; the store's otherwise.
  const pushes = pending ? pending.rows : collections.reduce((sum, c) => sum + c.pendingPushes, 0);
  const requests = state.outbox.filter((r) => r.status === 'pending' || r.status === 'sending').length;
  const waiting = pushes + requests;
  const refused = state.rowErrors.length + state.outbox.filter((r) => r.status === 'refused').length;
  const active = collections.some((c) => c.active) || Object.values(state.replicas).some((r) => r.active);
  const first = state.firstSync;
  const firstSyncProgress = !everSynced && state.running && !first.done && first.collectionsTotal > 0 ? first.collectionsDone / first.collectionsTotal : null;
  const waitingText = waiting > 0 ? plural(waiting, 'change waiting', 'changes waiting') : '';

  let tone: SyncTone;
  let label: string;
  if (!state.online) {
    tone = 'offline';
    label = waiting > 0 ? `Offline · ${waiting} waiting` : 'Offline';
  } else if (state.session === 'expired') {
    tone = 'expired';
    label = 'Sign in to sync';
  } else if (refused > 0) {
    tone = 'error';
    label = plural(refused, 'change refused', 'changes refused');
  } else if (firstSyncProgress !== null) {
    tone = 'first-sync';
    label = `Getting your data… ${Math.round(firstSyncProgress * 100)}%`;
  } else if (waiting > 0) {
    tone = 'pending';
    label = `${waiting} waiting`;
  } else if (!everSynced && !first.done) {
    // A device that never synced has nothing to call "synced" until its first pull is done
    // (the engine starts after the first screen, and its pulls a moment later).
    tone = 'first-sync';
    label = 'Getting your data…';
  } else if (active || (state.running && !first.done)) {
    tone = 'syncing';
    label = 'Syncing…';
  } else {
    tone = 'synced';
    label = 'Synced';
  }
  const parts = [
    state.online ? 'Online' : 'Offline',
    state.session === 'expired' ? 'session expired, sign in again to sync' : '',
    waitingText || (refused === 0 && state.online && tone === 'synced' ? 'all changes synced' : ''),
    refused > 0 ? plural(refused, 'change was refused by the server', 'changes were refused by the server') : '',
    firstSyncProgress !== null ? `first sync ${Math.round(firstSyncProgress * 100)}% done` : '',
  ].filter(Boolean);
  return { tone, label, description: `Sync status: ${parts.join(', ')}`, waiting, refused, firstSyncProgress, active };
}

/** "just now", "5 min ago", "3 h ago", "2 days ago" */
export function formatAgo(isoTime: string | null, now: number): string {
  if (!isoTime) return 'never on this device';
  const seconds = Math.max(0, Math.round((now - Date.parse(isoTime)) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 36) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
