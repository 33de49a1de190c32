/**
 * The exercise catalogue on the device: read-only reference data (global exercises and the
 * user's trainers' own), the sync engine's catalogue replica (src/sync/replicas/catalogue.ts),
 * refreshed incrementally at every poke and resync, so names, alternatives and the picker work
 * with no signal. The device never edits it.
 */
import { liveQuery } from 'dexie';
import { REPLICAS, openReplicaStore } from '@/sync/replicas';
import type { CatalogueExercise } from './catalogue-model';
import { whenEngineStarted } from './device-store';

/** Brings the catalogue up to date now (after a trainer's own change); false when it could not. */
export async function refreshCatalogue(): Promise<boolean> {
  const engine = await whenEngineStarted();
  return (await engine?.replicas.refreshTable('exercises')) != null;
}

/** Live list of the device copy, sorted by name. */
export function watchCatalogue(userId: string, onChange: (exercises: CatalogueExercise[]) => void): () => void {
  const rows = openReplicaStore(userId, REPLICAS).rows('exercises');
  const subscription = liveQuery(() => rows.orderBy('name').toArray() as Promise<unknown[]> as Promise<CatalogueExercise[]>).subscribe({
    next: onChange,
    error: () => onChange([]),
  });
  return () => subscription.unsubscribe();
}

export { searchCatalogue, type CatalogueExercise } from './catalogue-model';
