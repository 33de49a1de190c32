import { useState } from 'react';
import { useStore } from 'zustand';
import { syncStatus } from '@/sync/status-store';
import { SyncPanel } from './SyncPanel';
import { summarizeSync } from './sync-summary';
import { useLastSynced } from './useLastSynced';
import { usePendingChanges, usePendingChangesPoller } from './usePendingChanges';

/** Always in the header: online or not, changes waiting, refused writes; opens the details. */
export function SyncIndicator() {
  const state = useStore(syncStatus);
  const lastSynced = useLastSynced();
  usePendingChangesPoller();
  const pending = usePendingChanges();
  const summary = summarizeSync(state, lastSynced !== null, pending);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={`sync-indicator tone-${summary.tone}`} aria-label={summary.description} aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="sync-indicator">
        <span className="sync-dot" aria-hidden="true" />
        <span className="sync-label" aria-hidden="true">
          {summary.label}
        </span>
      </button>
      {summary.firstSyncProgress !== null && (
        <progress className="first-sync" max={1} value={summary.firstSyncProgress} aria-label="First sync progress">
          {Math.round(summary.firstSyncProgress * 100)}%
        </progress>
      )}
      <SyncPanel open={open} onClose={() => setOpen(false)} pending={pending} />
    </>
  );
}
