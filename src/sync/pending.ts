/**
 * How many local changes of a collection the server has not accepted yet. It asks RxDB's own
 * replication state the same question its upstream asks before a push: every row changed since
 * the last push checkpoint whose state differs from the server state RxDB last saw. Rows the
 * server refused are not pending (they sit in row-errors with their reason).
 *
 * `isPlaceholder` marks rows the app wrote for the user rather than rows the user wrote: the
 * planned sets stored when a workout starts. Never sent and untouched, they are not a change the
 * user made (one tick is one change waiting, not the 16 rows of the day's plan); once ticked or
 * once the server has them, they count as usual.
 */
import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getLastCheckpointDoc,
  writeDocToDocState,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

export async function countPendingPushes<Checkpoint>(
  replication: RxReplicationState<Record<string, unknown>, Checkpoint>,
  isPlaceholder: (doc: Record<string, unknown>) => boolean = () => false,
): Promise<number> {
  const state = replication.internalReplicationState;
  if (!state) return 0;
  let checkpoint = await getLastCheckpointDoc<Record<string, unknown>, unknown>(state, 'up');
  let pending = 0;
  for (;;) {
    const page = await getChangedDocumentsSince(state.input.forkInstance, 500, checkpoint);
    if (page.documents.length === 0) break;
    const ids = page.documents.map((doc) => String((doc as Record<string, unknown>)[state.primaryPath]));
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of page.documents) {
      const id = String((doc as Record<string, unknown>)[state.primaryPath]);
      const docState = writeDocToDocState(doc, false, false);
      const master = assumed[id];
      if (!master) {
        // New, unless deleted before it was ever sent, or a planned row nobody has touched.
        if (!docState._deleted && !isPlaceholder(docState as Record<string, unknown>)) pending += 1;
      } else if (master.metaDocument.isResolvedConflict === doc._rev || !state.input.conflictHandler.isEqual(master.docData, docState, 'pending-count')) {
        pending += 1;
      }
    }
    if (page.documents.length < 500) break;
    checkpoint = page.checkpoint;
  }
  return pending;
}
