/**
 * The change feed: one dedicated superuser connection LISTENs on `realtime_changes` (one
 * NOTIFY per changed row from the triggers in sql/10_realtime.sql), `realtime_messages` (each
 * broadcast stored in realtime.messages, sql/20_realtime_broadcast.idempotent.sql) and
 * `realtime_schema` (any DDL, so cached table and policy facts are dropped). If the connection drops it reconnects
 * with backoff; changes committed while it was down are lost, which is why clients re-pull
 * after (re)subscribing anyway.
 */
import pg from 'pg';
import { z } from 'zod';

const rowSchema = z.record(z.string(), z.unknown());

export const tableChangeSchema = z.object({
  schema: z.string(),
  table: z.string(),
  type: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  commit_timestamp: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })).optional(),
  record: rowSchema.nullable().optional(),
  old_record: rowSchema.nullable().optional(),
  /** Columns left out of record/old_record because the NOTIFY payload would be too long. */
  truncated: z.array(z.string()).optional(),
});

/** One row change as the trigger sent it (before any subscriber-specific trimming). */
export type TableChange = z.infer<typeof tableChangeSchema>;

/** A message stored in realtime.messages (realtime.send, or an insert), to broadcast. */
export const broadcastMessageSchema = z.object({
  id: z.string(),
  topic: z.string(),
  event: z.string().nullable(),
  payload: z.unknown(),
  private: z.boolean(),
});
export type BroadcastMessage = z.infer<typeof broadcastMessageSchema>;

export type ChangeFeedOptions = {
  superuserUrl: string;
  onChange: (change: TableChange) => void;
  onMessage: (message: BroadcastMessage) => void;
  /** DDL happened, or the feed reconnected (so DDL may have been missed). */
  onSchemaChange: () => void;
  log: (line: string) => void;
};

export type ChangeFeed = { ready: Promise<void>; close: () => Promise<void> };

export const CHANGES_CHANNEL = 'realtime_changes';
export const SCHEMA_CHANNEL = 'realtime_schema';
export const MESSAGES_CHANNEL = 'realtime_messages';

const MIN_RETRY_MS = 100;
const MAX_RETRY_MS = 5_000;

export function parseTableChange(payload: string | undefined): TableChange | undefined {
  if (!payload) return undefined;
  try {
    const parsed = tableChangeSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function startChangeFeed(options: ChangeFeedOptions): ChangeFeed {
  let closed = false;
  let client: pg.Client | undefined;
  let retryMs = MIN_RETRY_MS;
  let retryTimer: NodeJS.Timeout | undefined;
  let resolveReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });

  const scheduleReconnect = (reason: string) => {
    if (closed || retryTimer) return;
    options.log(`[realtime] change feed lost (${reason}); reconnecting in ${retryMs} ms`);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  };

  const connect = async () => {
    if (closed) return;
    const next = new pg.Client({ connectionString: options.superuserUrl, application_name: 'local realtime listener' });
    let failed = false;
    const fail = (reason: string) => {
      if (failed) return;
      failed = true;
      if (client === next) client = undefined;
      next.end().catch(() => undefined);
      scheduleReconnect(reason);
    };
    next.on('error', (error) => fail(error.message));
    next.on('end', () => fail('connection ended'));
    next.on('notification', (message) => {
      if (message.channel === SCHEMA_CHANNEL) {
        options.onSchemaChange();
        return;
      }
      if (message.channel === MESSAGES_CHANNEL) {
        const parsed = broadcastMessageSchema.safeParse(JSON.parse(message.payload ?? 'null'));
        if (parsed.success) options.onMessage(parsed.data);
        else options.log(`[realtime] ignored a malformed broadcast notification`);
        return;
      }
      if (message.channel !== CHANGES_CHANNEL) return;
      const change = parseTableChange(message.payload);
      if (change) options.onChange(change);
      else options.log(`[realtime] ignored a malformed change notification`);
    });
    try {
      await next.connect();
      await next.query(`listen ${CHANGES_CHANNEL}; listen ${SCHEMA_CHANNEL}; listen ${MESSAGES_CHANNEL}`);
    } catch (error) {
      fail((error as Error).message);
      return;
    }
    if (closed) {
      failed = true;
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = MIN_RETRY_MS;
    options.onSchemaChange();
    resolveReady();
  };

  void connect();

  return {
    ready,
    close: async () => {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      const current = client;
      client = undefined;
      resolveReady();
      if (current) await current.end().catch(() => undefined);
    },
  };
}
