/**
 * The exercise catalogue on the device: read-only reference data (global exercises and the
 * user's trainers' own), fetched with supabase-js when online and kept in a small Dexie
 * database per user, so names, alternatives and the picker work with no signal. It is not a
 * synced RxDB collection (the synced model keeps to RxDB's 12), and the device never edits it.
 */
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import { catalogueExerciseModel, type CatalogueExercise } from './catalogue-model';
import { getSupabase } from './supabase';

type CatalogueDb = Dexie & { exercises: EntityTable<CatalogueExercise, 'id'> };

const databases = new Map<string, CatalogueDb>();

export function catalogueDb(userId: string): CatalogueDb {
  let db = databases.get(userId);
  if (!db) {
    db = new Dexie(`fitcoach-catalogue-${userId.toLowerCase()}`) as CatalogueDb;
    db.version(1).stores({ exercises: '&id, name' });
    databases.set(userId, db);
  }
  return db;
}

const PAGE = 1000;
const COLUMNS = 'id, name, body_part, equipment, alternatives, archived, trainer_id, deleted, category_id, difficulty, mechanics, instructions, video_url, is_unilateral';

/** Fetches the whole catalogue (a few hundred rows) and replaces the device copy. Offline: keeps the copy. */
export async function refreshCatalogue(userId: string): Promise<{ ok: boolean; count: number }> {
  const fetched: CatalogueExercise[] = [];
  const supabase = await getSupabase();
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await supabase.from('exercises').select(COLUMNS).order('id').range(from, from + PAGE - 1);
    if (error || !data) return { ok: false, count: 0 };
    for (const raw of data as unknown[]) {
      const parsed = catalogueExerciseModel.safeParse(raw);
      if (parsed.success && !parsed.data.deleted) {
        const { deleted: _deleted, ...exercise } = parsed.data;
        fetched.push(exercise);
      }
    }
    if (data.length < PAGE) break;
  }
  const db = catalogueDb(userId);
  await db.transaction('rw', db.exercises, async () => {
    await db.exercises.clear();
    await db.exercises.bulkPut(fetched);
  });
  return { ok: true, count: fetched.length };
}

/** Live list of the device copy, sorted by name. */
export function watchCatalogue(userId: string, onChange: (exercises: CatalogueExercise[]) => void): () => void {
  const subscription = liveQuery(() => catalogueDb(userId).exercises.orderBy('name').toArray()).subscribe({
    next: onChange,
    error: () => onChange([]),
  });
  return () => subscription.unsubscribe();
}

export { searchCatalogue, type CatalogueExercise } from './catalogue-model';
