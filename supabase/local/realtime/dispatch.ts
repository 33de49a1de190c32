/**
 * From one row change to the `postgres_changes` messages for the channels that may see it:
 * bindings matched by schema, table, event and filter; then each subscriber's privileges and
 * RLS checked in Postgres (rls.ts); then the payload trimmed to the columns the subscriber may
 * select, with `old_record` holding only the replica identity (the primary key unless the table
 * is REPLICA IDENTITY FULL), as hosted Supabase sends it.
 * Changes are prepared concurrently but sent in the order they were committed.
 */
import type { Catalog, TableFacts } from './catalog.js';
import type { TableChange } from './changes.js';
import { channelIsExpired, type JoinedChannel, type PostgresBinding } from './channels.js';
import { rowMatchesFilter, type ColumnType } from './filters.js';
import type { VisibilityChecker } from './rls.js';

export type PostgresChangesPayload = {
  ids: number[];
  data: {
    schema: string;
    table: string;
    commit_timestamp: string;
    type: TableChange['type'];
    columns: ColumnType[];
    record?: Record<string, unknown>;
    old_record?: Record<string, unknown>;
    errors: null;
  };
};

export type Delivery = { channel: JoinedChannel; payload: PostgresChangesPayload };

export type Dispatcher = {
  enqueue: (change: TableChange) => void;
  /** Resolves when every change enqueued so far has been sent (or dropped). */
  drain: () => Promise<void>;
};

export type DispatcherOptions = {
  channels: () => Iterable<JoinedChannel>;
  catalog: Catalog;
  visibility: VisibilityChecker;
  log: (line: string) => void;
};

export function bindingMatchesChange(binding: PostgresBinding, change: TableChange): boolean {
  if (binding.schema !== '*' && binding.schema !== change.schema) return false;
  if (binding.table !== undefined && binding.table !== '*' && binding.table !== change.table) return false;
  return binding.event === '*' || binding.event === change.type;
}

function pick(row: Record<string, unknown> | null | undefined, columns: ReadonlySet<string>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (!row) return picked;
  for (const [name, value] of Object.entries(row)) if (columns.has(name)) picked[name] = value;
  return picked;
}

/** The full new row: from the notification, or read back when it was too long to send. */
async function resolveRecord(change: TableChange, facts: TableFacts, catalog: Catalog) {
  const record = change.record ?? null;
  if (change.type === 'DELETE' || !change.truncated?.length || !record) return record;
  const key = Object.fromEntries(facts.primaryKey.map((column) => [column, record[column]]));
  return (await catalog.fetchRow(facts, key)) ?? null;
}

export async function prepareDeliveries(
  change: TableChange,
  candidates: Array<{ channel: JoinedChannel; bindings: PostgresBinding[] }>,
  catalog: Catalog,
  visibility: VisibilityChecker,
): Promise<Delivery[]> {
  const facts = await catalog.tableFacts(change.schema, change.table);
  if (!facts) return [];
  const record = await resolveRecord(change, facts, catalog);
  if (change.type !== 'DELETE' && !record) return [];
  const oldRecord = change.old_record ?? null;
  const columns = change.columns ?? facts.columns;
  const row = change.type === 'DELETE' ? oldRecord : record;
  if (!row) return [];

  const matched = candidates
    .map(({ channel, bindings }) => ({
      channel,
      bindings: bindings.filter((b) => !b.filter || rowMatchesFilter(b.filter, row, columns)),
    }))
    .filter(({ bindings }) => bindings.length > 0);
  if (matched.length === 0) return [];

  const visible = await visibility.check(facts, row, matched.map(({ channel }) => channel.subscriber));
  const identity = new Set(facts.identityColumns);
  const deliveries: Delivery[] = [];
  for (const { channel, bindings } of matched) {
    const visibleColumns = visible.get(channel.subscriber.key);
    if (!visibleColumns) continue;
    const allowed = new Set(visibleColumns);
    // A filter on a column the subscriber may not select would reveal that column's values.
    const ids = bindings.filter((b) => !b.filter || allowed.has(b.filter.column)).map((b) => b.id);
    if (ids.length === 0) continue;
    const data: PostgresChangesPayload['data'] = {
      schema: change.schema,
      table: change.table,
      commit_timestamp: change.commit_timestamp,
      type: change.type,
      columns: columns.filter((c) => allowed.has(c.name)),
      errors: null,
    };
    if (change.type !== 'DELETE') data.record = pick(record, allowed);
    if (change.type !== 'INSERT') data.old_record = pick(pick(oldRecord, identity), allowed);
    deliveries.push({ channel, payload: { ids, data } });
  }
  return deliveries;
}

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  let tail: Promise<void> = Promise.resolve();

  const candidatesFor = (change: TableChange) => {
    const candidates: Array<{ channel: JoinedChannel; bindings: PostgresBinding[] }> = [];
    for (const channel of options.channels()) {
      const bindings = channel.bindings.filter((b) => bindingMatchesChange(b, change));
      if (bindings.length > 0) candidates.push({ channel, bindings });
    }
    return candidates;
  };

  const send = (deliveries: Delivery[]) => {
    for (const { channel, payload } of deliveries) {
      // The channel may have left, been rejoined or expired while the change was checked.
      if (channel.connection.channels.get(channel.topic) !== channel || channelIsExpired(channel)) continue;
      channel.connection.send({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'postgres_changes', payload });
    }
  };

  return {
    enqueue: (change) => {
      const candidates = candidatesFor(change);
      if (candidates.length === 0) return;
      const prepared = prepareDeliveries(change, candidates, options.catalog, options.visibility).catch((error: unknown) => {
        options.log(`[realtime] dropped a change on ${change.schema}.${change.table}: ${(error as Error).message}`);
        return [];
      });
      tail = tail
        .then(async () => send(await prepared))
        .catch((error: unknown) => options.log(`[realtime] could not send a change: ${(error as Error).message}`));
    },
    drain: () => tail,
  };
}
