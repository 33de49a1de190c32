/**
 * Keeps the user's replicas fresh inside the sync engine: every table at start and at every
 * resync (subscribed, back online, back in view, the poll timer), one table at its poke, and
 * again shortly while the server holds rows back (`behind`). One refresh per table at a time;
 * calls during one share a single follow-up (they may know of news it started too early to see).
 * Refused rows go to the engine's row errors, so the sync panel shows them like refused pushes.
 */
import type { SyncLocalStore } from '../local-store';
import { clearRowErrors, recordPullError } from '../row-errors';
import type { SyncRpc } from '../rpc';
import { patchReplica, type SyncStatusStore } from '../status-store';
import type { ReplicaDefinition, ReplicaScopeContext, ReplicaTable } from './define';
import { refreshReplicaTable, type TableRefreshResult } from './refresh';
import type { ReplicaStore } from './store';

export type ReplicaManagerOptions = {
  rpc: SyncRpc;
  store: ReplicaStore;
  definitions: readonly ReplicaDefinition[];
  context: () => ReplicaScopeContext;
  status: SyncStatusStore;
  /** Where refused rows are recorded (the engine's local store). */
  errors?: SyncLocalStore;
  onRefused?: () => void;
  /** Pause before asking again while the server holds rows back. */
  behindRetryMs?: number;
  pageSize?: number;
};

export type ReplicaManager = {
  /** Refreshes every table; resolves when all are done (failures are in the status store). */
  refreshAll: () => Promise<TableRefreshResult[]>;
  /** Refreshes one server table, if a replica has it (a poke naming it). */
  refreshTable: (table: string) => Promise<TableRefreshResult | null>;
  /** Refreshes these tables at once; answers the ones that could not be refreshed. */
  refreshTables: (tables: readonly string[]) => Promise<string[]>;
  tables: readonly string[];
  stop: () => void;
};

type Slot = { running: Promise<TableRefreshResult | null>; queued: Promise<TableRefreshResult | null> | null };

export function startReplicaManager(options: ReplicaManagerOptions): ReplicaManager {
  const byTable = new Map<string, ReplicaTable>();
  for (const definition of options.definitions) for (const table of definition.tables) byTable.set(table.table, table);
  const slots = new Map<string, Slot>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let stopped = false;

  const runOnce = async (table: ReplicaTable): Promise<TableRefreshResult | null> => {
    if (stopped) return null;
    patchReplica(options.status, table.table, { active: true });
    try {
      const result = await refreshReplicaTable({
        rpc: options.rpc,
        store: options.store,
        table,
        scope: table.scope?.(options.context()) ?? null,
        pageSize: options.pageSize,
        onRefused: async (rows) => {
          if (!options.errors) return;
          for (const row of rows) await recordPullError(options.errors, row.table, row.id, row.message, row.row);
          options.onRefused?.();
        },
        onAccepted: async (name, ids) => {
          if (options.errors) await clearRowErrors(options.errors, name, ids);
        },
      });
      patchReplica(options.status, table.table, {
        active: false,
        lastPulledAt: new Date().toISOString(),
        lastError: null,
        behind: result.behind,
      });
      if (result.behind && !stopped) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void refresh(table);
        }, options.behindRetryMs ?? 2_000);
        timers.add(timer);
      }
      return result;
    } catch (error) {
      patchReplica(options.status, table.table, { active: false, lastError: error instanceof Error ? error.message : String(error) });
      return null;
    }
  };

  const refresh = (table: ReplicaTable): Promise<TableRefreshResult | null> => {
    const current = slots.get(table.table);
    if (current?.queued) return current.queued;
    const start = () => {
      const running = runOnce(table).finally(() => {
        const slot = slots.get(table.table);
        if (slot?.running === running && !slot.queued) slots.delete(table.table);
      });
      slots.set(table.table, { running, queued: null });
      return running;
    };
    if (!current) return start();
    const queued = current.running.then(start);
    current.queued = queued;
    return queued;
  };

  const refreshTable = (name: string): Promise<TableRefreshResult | null> => {
    const table = byTable.get(name);
    return table ? refresh(table) : Promise.resolve(null);
  };

  return {
    tables: [...byTable.keys()],
    refreshAll: async () => {
      const results = await Promise.all([...byTable.values()].map((table) => refresh(table)));
      return results.filter((r): r is TableRefreshResult => r !== null);
    },
    refreshTable,
    refreshTables: async (names) => {
      const results = await Promise.all(names.map(refreshTable));
      return names.filter((_, i) => results[i] === null);
    },
    stop: () => {
      stopped = true;
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
    },
  };
}
