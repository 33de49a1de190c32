/**
 * The pull handler of one collection: calls `sync_pull` from the device's checkpoint, parses
 * every row with the entity's zod model, and hands RxDB the page and the new checkpoint.
 * A row the model refuses is recorded (row-errors.ts) and skipped rather than blocking the
 * collection; the server's checkpoint still advances past it.
 */
import type { ReplicationPullHandlerResult, WithDeleted } from 'rxdb';
import type { CollectionSpec } from '../db/collections';
import { nextCheckpoint, pullCheckpointModel, type PullCheckpoint } from './checkpoint';
import type { SyncLocalStore } from './local-store';
import { recordPullError } from './row-errors';
import { parseServerRow, type ServerRow } from './row-mapping';
import type { PullScope } from './scope';
import { SyncCallError } from './server-errors';
import type { SyncRpc } from './rpc';

/** `behind`: rows the caller may read are held back until an older transaction ends. */
export type PullPage = { documents: ServerRow[]; checkpoint: PullCheckpoint; reset: boolean; behind: boolean };

export type PullHandlerOptions = {
  rpc: SyncRpc;
  spec: CollectionSpec;
  instants: readonly string[];
  store: SyncLocalStore;
  scope: () => PullScope | null;
  onPage?: (page: { documents: number; reset: boolean; behind: boolean }) => void;
  /** Resolves when this collection's pushes in flight are recorded; awaited before RxDB sees a page. */
  settlePushes?: () => Promise<void>;
};

export async function callSyncPull(rpc: SyncRpc, table: string, checkpoint: PullCheckpoint | undefined, limit: number, scope: PullScope | null): Promise<PullPage> {
  const { data, error } = await rpc('sync_pull', { p_table: table, p_checkpoint: checkpoint ?? null, p_limit: limit, p_scope: scope });
  if (error) throw new SyncCallError(`sync_pull ${table}`, error);
  const page = data as { documents?: unknown; checkpoint?: unknown; reset?: unknown; behind?: unknown } | null;
  if (!page || !Array.isArray(page.documents)) throw new Error(`sync_pull ${table}: malformed answer`);
  return { documents: page.documents as ServerRow[], checkpoint: pullCheckpointModel.parse(page.checkpoint), reset: page.reset === true, behind: page.behind === true };
}

export function createPullHandler(options: PullHandlerOptions) {
  return async (lastCheckpoint: PullCheckpoint | undefined, batchSize: number): Promise<ReplicationPullHandlerResult<Record<string, unknown>, PullCheckpoint>> => {
    let checkpoint = lastCheckpoint ? pullCheckpointModel.safeParse(lastCheckpoint).data : undefined;
    // Loops only past pages whose every row was refused by the model: RxDB ends a pull on an
    // empty page without taking its checkpoint, which would serve the same bad rows forever.
    for (;;) {
      const page = await callSyncPull(options.rpc, options.spec.name, checkpoint, batchSize, options.scope());
      const documents: Record<string, unknown>[] = [];
      for (const raw of page.documents) {
        const parsed = parseServerRow(options.spec.model, options.instants, raw);
        if (parsed.ok) documents.push(parsed.row);
        else if (parsed.id) await recordPullError(options.store, options.spec.name, parsed.id, parsed.message, raw);
      }
      checkpoint = nextCheckpoint(checkpoint, page.checkpoint);
      options.onPage?.({ documents: documents.length, reset: page.reset, behind: page.behind });
      if (documents.length === 0 && page.documents.length > 0) continue;
      if (documents.length > 0) await options.settlePushes?.();
      // RxDB stops paging when a page is shorter than batchSize, so it must see the served count.
      // Rows carry the server's `deleted`; RxDB turns it into `_deleted` (deletedField).
      return { documents: padPage(documents, page.documents.length) as WithDeleted<Record<string, unknown>>[], checkpoint };
    }
  };
}

/**
 * When some rows of a page were refused, RxDB must still see a full page or it would stop
 * paging early: a refused row is replaced by a repeat of a kept one (RxDB keys a page by id,
 * so the repeat is written once).
 */
function padPage(documents: Record<string, unknown>[], servedCount: number): Record<string, unknown>[] {
  const last = documents[documents.length - 1];
  if (!last || documents.length >= servedCount) return documents;
  const padded = [...documents];
  while (padded.length < servedCount) padded.push(last);
  return padded;
}
