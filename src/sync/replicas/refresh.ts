/**
 * One refresh of one replicated table: `sync_pull` from the stored checkpoint, page after page,
 * each page applied in one transaction with its checkpoint (a refresh cut off midway resumes
 * where it stopped, and never stores a row without the checkpoint that covers it). Rows the
 * model refuses are reported (`onRefused`) and removed from the replica; the rest apply.
 * A new database epoch (`reset`) empties the table first. Only changed rows travel: one
 * changed booking costs one row whatever the replica's size.
 */
import { nextCheckpoint, pullCheckpointModel, type PullCheckpoint } from '../checkpoint';
import { callSyncPull } from '../pull';
import { parseServerRow } from '../row-mapping';
import type { SyncRpc } from '../rpc';
import type { PullScope } from '../scope';
import type { ReplicaTable } from './define';
import type { ReplicaStore } from './store';

export type RefusedReplicaRow = { table: string; id: string; message: string; row: Record<string, unknown> };

export type TableRefreshResult = {
  table: string;
  pages: number;
  applied: number;
  removed: number;
  refused: number;
  reset: boolean;
  behind: boolean;
};

export type TableRefreshOptions = {
  rpc: SyncRpc;
  store: ReplicaStore;
  table: ReplicaTable;
  scope: PullScope | null;
  pageSize?: number;
  now?: () => Date;
  onRefused?: (rows: RefusedReplicaRow[]) => Promise<void> | void;
  /** Rows the model accepted (a refused row that is fixed on the server clears its report). */
  onAccepted?: (table: string, ids: string[]) => Promise<void> | void;
};

export const REPLICA_PAGE_SIZE = 500;

async function storedCheckpoint(store: ReplicaStore, table: string): Promise<PullCheckpoint | undefined> {
  const record = await store.checkpoints.get(table);
  return record ? pullCheckpointModel.safeParse(record.checkpoint).data : undefined;
}

export async function refreshReplicaTable(options: TableRefreshOptions): Promise<TableRefreshResult> {
  const { store, table } = options;
  const pageSize = options.pageSize ?? REPLICA_PAGE_SIZE;
  const rows = store.rows(table.table);
  const result: TableRefreshResult = { table: table.table, pages: 0, applied: 0, removed: 0, refused: 0, reset: false, behind: false };
  let checkpoint = await storedCheckpoint(store, table.table);
  for (;;) {
    const page = await callSyncPull(options.rpc, table.table, checkpoint, pageSize, options.scope);
    result.pages += 1;
    const keep: Array<Record<string, unknown> & { id: string }> = [];
    const remove: string[] = [];
    const refused: RefusedReplicaRow[] = [];
    for (const raw of page.documents) {
      const id = typeof raw.id === 'string' ? raw.id : null;
      if (raw.deleted === true) {
        if (id) remove.push(id);
        continue;
      }
      const parsed = parseServerRow(table.model, table.instants, raw);
      if (parsed.ok) keep.push(parsed.row as Record<string, unknown> & { id: string });
      else if (id) {
        refused.push({ table: table.table, id, message: parsed.message, row: raw });
        remove.push(id);
      }
    }
    const next = nextCheckpoint(checkpoint, page.checkpoint);
    const firstReset = page.reset && !result.reset;
    await store.transaction('rw', [rows, store.checkpoints], async () => {
      if (firstReset) await rows.clear();
      if (remove.length) await rows.bulkDelete(remove);
      if (keep.length) await rows.bulkPut(keep);
      await store.checkpoints.put({ table: table.table, checkpoint: next, pulledAt: (options.now?.() ?? new Date()).toISOString() });
    });
    if (firstReset) result.reset = true;
    result.applied += keep.length;
    result.removed += remove.length - refused.length;
    result.refused += refused.length;
    result.behind = page.behind;
    if (refused.length) await options.onRefused?.(refused);
    if (keep.length)
      await options.onAccepted?.(
        table.table,
        keep.map((row) => row.id),
      );
    checkpoint = next;
    if (page.documents.length < pageSize) return result;
  }
}
