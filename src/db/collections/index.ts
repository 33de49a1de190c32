/**
 * The synced collections: exactly one per synced server table, 12 in all. RxDB's open-source
 * build refuses more than 13 open collections per JavaScript realm, so never add a 13th here:
 * device-only data goes to Dexie (src/sync/local-store.ts) instead.
 */
import { checkInsCollection } from './check-ins';
import { foodLogsCollection } from './food-logs';
import { goalsCollection } from './goals';
import { habitLogsCollection } from './habit-logs';
import { habitsCollection } from './habits';
import { mealPlansCollection } from './meal-plans';
import { measurementsCollection } from './measurements';
import { programDaysCollection } from './program-days';
import { programExercisesCollection } from './program-exercises';
import { programsCollection } from './programs';
import { setLogsCollection } from './set-logs';
import type { CollectionSpec, SyncedTableName } from './spec';
import { workoutSessionsCollection } from './workout-sessions';

export const SYNCED_COLLECTIONS = [
  programsCollection,
  programDaysCollection,
  programExercisesCollection,
  workoutSessionsCollection,
  setLogsCollection,
  habitsCollection,
  habitLogsCollection,
  measurementsCollection,
  checkInsCollection,
  goalsCollection,
  mealPlansCollection,
  foodLogsCollection,
] as const satisfies readonly CollectionSpec<never>[];

export const SYNCED_TABLE_NAMES: readonly SyncedTableName[] = SYNCED_COLLECTIONS.map((spec) => spec.name);

export function collectionSpec(name: SyncedTableName): CollectionSpec {
  const spec = SYNCED_COLLECTIONS.find((s) => s.name === name);
  if (!spec) throw new Error(`unknown synced collection ${name}`);
  return spec as unknown as CollectionSpec;
}

export type { CollectionSpec, DeviceDoc, SyncedTableName } from './spec';
