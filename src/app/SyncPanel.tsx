import { formatDate } from '@/lib/dates';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useStore } from 'zustand';
import { editRow, type SyncedTableName } from '@/db';
import { useDeviceStore } from '@/lib/device-store';
import { Dialog } from '@/lib/ui/Dialog';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import type { PendingChanges, RowErrorRecord } from '@/sync';
import { discardRefusedChange, listRowErrors } from '@/sync/row-errors';
import { syncStatus } from '@/sync/status-store';
import { describeRowError } from './row-error-text';
import { useLastSynced } from './useLastSynced';
import { formatAgo, summarizeSync } from './sync-summary';

/** Where a refused row can be fixed in the app. */
function fixLink(record: RowErrorRecord): string | null {
  if (record.collection === 'set_logs' && typeof record.row.session_id === 'string') return `/history/${record.row.session_id}`;
  if (record.collection === 'workout_sessions') return `/history/${record.rowId}`;
  return null;
}

/** The details behind the indicator, with the list of refused writes to fix, retry or discard. */
export function SyncPanel({ open, onClose, pending }: { open: boolean; onClose: () => void; pending: PendingChanges | null }) {
  const state = useStore(syncStatus);
  const lastSynced = useLastSynced();
  const summary = summarizeSync(state, lastSynced !== null, pending);
  const catalogue = useExerciseCatalogue();
  const [now, setNow] = useState(() => Date.now());
  const [busyKey, setBusyKey] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, [open]);

  async function refreshErrors() {
    const engine = useDeviceStore.getState().engine;
    if (engine) syncStatus.setState({ rowErrors: await listRowErrors(engine.localStore) });
  }

  async function discard(record: RowErrorRecord) {
    const { engine, database } = useDeviceStore.getState();
    if (!engine || !database) return;
    setBusyKey(record.key);
    const collection = database.rx.collections[record.collection as SyncedTableName];
    if (collection) await discardRefusedChange(engine.localStore, collection as never, record);
    // A replica's row the app could not read: nothing of the user's to put back; dismissed.
    else await engine.localStore.rowErrors.delete(record.key);
    await refreshErrors();
    setBusyKey(null);
  }

  /** Sends the row again unchanged: right when the refusal was temporary (its workout had not arrived yet). */
  async function retry(record: RowErrorRecord) {
    const { engine, database } = useDeviceStore.getState();
    if (!engine || !database) return;
    setBusyKey(record.key);
    try {
      await editRow(database, record.collection as SyncedTableName, record.rowId, {});
      engine.resync();
    } finally {
      setBusyKey(null);
    }
  }

  const refusedRequests = state.outbox.filter((r) => r.status === 'refused');
  return (
    <Dialog open={open} title="Sync" onClose={onClose}>
      <dl className="facts">
        <dt>Connection</dt>
        <dd>{state.online ? (state.live ? 'Online, live updates on' : 'Online') : 'Offline — everything is saved on this device'}</dd>
        <dt>Changes waiting</dt>
        <dd data-testid="sync-waiting">{summary.waiting === 0 ? 'None' : summary.waiting}</dd>
        <dt>Last synced</dt>
        <dd>{lastSynced ? `${formatDate(lastSynced, { time: true })} (${formatAgo(lastSynced, now)})` : 'Not yet on this device'}</dd>
        {state.session === 'expired' && (
          <>
            <dt>Session</dt>
            <dd>Expired: sign out and in again to sync (your changes are kept).</dd>
          </>
        )}
      </dl>
      {summary.firstSyncProgress !== null && (
        <p>
          Getting your data: {state.firstSync.collectionsDone} of {state.firstSync.collectionsTotal} parts, {state.firstSync.rowsReceived}{' '}
          rows so far.
        </p>
      )}
      <h3>Refused changes</h3>
      {state.rowErrors.length === 0 && refusedRequests.length === 0 ? (
        <p className="muted">None. The server accepted everything it received.</p>
      ) : (
        <ul className="row-errors">
          {state.rowErrors.map((record) => {
            const { title, reason } = describeRowError(record, (id) => (catalogue.byId.has(id) ? exerciseName(catalogue, id) : undefined));
            const link = fixLink(record);
            return (
              <li key={record.key}>
                <p className="row-error-title">{title}</p>
                <p className="row-error-reason">{reason}</p>
                <div className="row-actions">
                  {record.direction === 'pull' ? (
                    <button
                      type="button"
                      onClick={() => void discard(record)}
                      disabled={busyKey === record.key}
                      aria-label={`Dismiss: ${title}`}
                    >
                      Dismiss
                    </button>
                  ) : (
                    <>
                      {link && (
                        <Link className="button" to={link} onClick={onClose}>
                          Fix
                        </Link>
                      )}
                      <button type="button" onClick={() => void retry(record)} disabled={busyKey === record.key}>
                        Try again
                      </button>
                      <button
                        type="button"
                        className="danger-outline"
                        onClick={() => void discard(record)}
                        disabled={busyKey === record.key}
                        aria-label={`Discard: ${title}`}
                      >
                        Discard
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
          {refusedRequests.map((request) => (
            <li key={request.key}>
              <p className="row-error-title">{request.label}</p>
              <p className="row-error-reason">{request.error?.message ?? 'Refused by the server.'}</p>
              <div className="row-actions">
                <button type="button" onClick={() => void useDeviceStore.getState().engine?.outbox.dismiss(request.key)}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => useDeviceStore.getState().engine?.resync()} disabled={!state.online}>
          Sync now
        </button>
      </div>
    </Dialog>
  );
}
