/**
 * The exercise catalogue on the device: read-only reference data (global exercises and the
 * user's trainers' own), the sync engine's catalogue replica (src/sync/replicas/catalogue.ts),
 * refreshed incrementally at every poke and resync, so names, alternatives and the picker work
 * with no signal. The device never edits it.
 */
import { replicaRows, type ReplicaStore } from '@/sync/replicas';
import type { CatalogueExercise } from './catalogue-model';
import { whenEngineStarted } from './device-store';

/** Brings the catalogue up to date now (after a trainer's own change); false when it could not. */
export async function refreshCatalogue(): Promise<boolean> {
  const engine = await whenEngineStarted();
  return (await engine?.replicas.refreshTable('exercises')) != null;
}

/** The device copy, sorted by name (for useReplicaQuery or watchReplica). */
export function catalogueByName(store: ReplicaStore): Promise<CatalogueExercise[]> {
  return replicaRows<CatalogueExercise>(store, 'exercises').orderBy('name').toArray();
}

export { searchCatalogue, type CatalogueExercise } from './catalogue-model';
