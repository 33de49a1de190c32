/**
 * What the device knows about each synced table: its zod model (the single source of truth for
 * forms, the RxDB schema and parsing rows from the network) and how it replicates.
 */
import type { RxJsonSchema } from 'rxdb';
import type { z } from 'zod';

export type SyncedTableName =
  | 'programs'
  | 'program_days'
  | 'program_exercises'
  | 'workout_sessions'
  | 'set_logs'
  | 'habits'
  | 'habit_logs'
  | 'measurements'
  | 'check_ins'
  | 'goals'
  | 'meal_plans'
  | 'food_logs';

/** A row as the device stores it: the model without `deleted` (RxDB keeps that as `_deleted`). */
export type DeviceDoc<Row> = Omit<Row, 'deleted'>;

export type CollectionSpec<Row = Record<string, unknown>> = {
  /** RxDB collection name, equal to the server table name. */
  name: SyncedTableName;
  model: z.ZodObject;
  schema: RxJsonSchema<DeviceDoc<Row>>;
  /**
   * Log tables: the instant column a trainer's pull is bounded by (their clients' recent
   * window); a client always pulls all of their own rows.
   */
  windowColumn?: string;
  /**
   * Rows that are written once and rarely edited (set logs, habit logs). They merge by the same
   * field rules; two devices can only collide on one as an equal duplicate.
   */
  appendOnly?: boolean;
  /**
   * Synced tables this one references by foreign key (a set log's session, a day's program).
   * A row pushed before its parent reached the server is retried once the parent's collection
   * has pushed, instead of being refused for good.
   */
  parents?: readonly SyncedTableName[];
};
