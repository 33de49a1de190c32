/**
 * The device database: RxDB on Dexie (IndexedDB), one collection per synced table, one
 * database per signed-in user (`deviceDatabaseName(userId)`), so signing out never discards
 * another user's unsynced changes and signing back in finds them again.
 */
import { addRxPlugin, createRxDatabase, type RxCollection, type RxConflictHandler, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { withIndexedChangedSince } from './changed-since';
import { SYNCED_COLLECTIONS, type DeviceDoc, type SyncedTableName } from './collections';
import type { CheckIn } from './collections/check-ins';
import type { FoodLog } from './collections/food-logs';
import type { Goal } from './collections/goals';
import type { HabitLog } from './collections/habit-logs';
import type { Habit } from './collections/habits';
import type { MealPlan } from './collections/meal-plans';
import type { Measurement } from './collections/measurements';
import type { ProgramDay } from './collections/program-days';
import type { ProgramExercise } from './collections/program-exercises';
import type { Program } from './collections/programs';
import type { SetLog } from './collections/set-logs';
import type { WorkoutSession } from './collections/workout-sessions';

export type DeviceCollections = {
  programs: RxCollection<DeviceDoc<Program>>;
  program_days: RxCollection<DeviceDoc<ProgramDay>>;
  program_exercises: RxCollection<DeviceDoc<ProgramExercise>>;
  workout_sessions: RxCollection<DeviceDoc<WorkoutSession>>;
  set_logs: RxCollection<DeviceDoc<SetLog>>;
  habits: RxCollection<DeviceDoc<Habit>>;
  habit_logs: RxCollection<DeviceDoc<HabitLog>>;
  measurements: RxCollection<DeviceDoc<Measurement>>;
  check_ins: RxCollection<DeviceDoc<CheckIn>>;
  goals: RxCollection<DeviceDoc<Goal>>;
  meal_plans: RxCollection<DeviceDoc<MealPlan>>;
  food_logs: RxCollection<DeviceDoc<FoodLog>>;
};

export type DeviceRxDatabase = RxDatabase<DeviceCollections>;

export type DeviceDatabase = {
  rx: DeviceRxDatabase;
  userId: string;
  /** This device's id: the merge's tie-break and `updated_by_device` on every edit. */
  deviceId: string;
  /** The collections this database opened (all 12 unless a test asked for fewer). */
  tables: readonly SyncedTableName[];
  close: () => Promise<void>;
};

export type DeviceDatabaseOptions = {
  userId: string;
  deviceId: string;
  /** Defaults to deviceDatabaseName(userId). */
  name?: string;
  /** Defaults to Dexie on the browser's IndexedDB; Node tests pass fake-indexeddb. */
  storage?: RxStorage<unknown, unknown>;
  /**
   * Wraps the storage with RxDB's dev-mode checks and schema validation (`enableDevMode` from
   * ./dev-mode). Tests pass it; the app passes it only under `import.meta.env.DEV` (see
   * openDeviceDatabase), so a production build does not even contain the dev-mode plugin.
   */
  devMode?: (storage: RxStorage<unknown, unknown>) => Promise<RxStorage<unknown, unknown>>;
  /** Open only some collections (tests); default all 12. */
  tables?: readonly SyncedTableName[];
  /** Several tabs share the database (browser default); tests use false. */
  multiInstance?: boolean;
  /** How a pushed row the server changed meanwhile is resolved (the sync layer's merge). */
  conflictHandler: RxConflictHandler<Record<string, unknown>>;
};

/** One IndexedDB database per user: names are lower-case for RxDB. */
export function deviceDatabaseName(userId: string): string {
  return `fitcoach-${userId.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
}

let pluginsAdded = false;
function addPlugins(): void {
  if (pluginsAdded) return;
  addRxPlugin(RxDBMigrationSchemaPlugin);
  pluginsAdded = true;
}

export async function createDeviceDatabase(options: DeviceDatabaseOptions): Promise<DeviceDatabase> {
  addPlugins();
  let storage = withIndexedChangedSince((options.storage ?? getRxStorageDexie()) as RxStorage<unknown, unknown>);
  if (options.devMode) storage = await options.devMode(storage);
  const rx = await createRxDatabase<DeviceCollections>({
    name: options.name ?? deviceDatabaseName(options.userId),
    storage,
    multiInstance: options.multiInstance ?? true,
    eventReduce: true,
    closeDuplicates: true,
  });
  const wanted = new Set(options.tables ?? SYNCED_COLLECTIONS.map((s) => s.name));
  const specs = SYNCED_COLLECTIONS.filter((spec) => wanted.has(spec.name));
  try {
    await rx.addCollections(
      Object.fromEntries(
        specs.map((spec) => [spec.name, { schema: spec.schema, conflictHandler: options.conflictHandler }]),
      ) as Parameters<DeviceRxDatabase['addCollections']>[0],
    );
  } catch (error) {
    await rx.close();
    throw error;
  }
  return {
    rx,
    userId: options.userId,
    deviceId: options.deviceId,
    tables: specs.map((s) => s.name),
    close: async () => {
      await rx.close();
    },
  };
}
