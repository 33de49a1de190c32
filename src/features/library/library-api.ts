/**
 * Writing the trainer's own exercises. The exercises table is reference data that devices
 * cache read-only (src/lib/exercise-catalogue.ts), not one of the 12 synced RxDB collections,
 * so these are online writes with supabase-js (RLS: a trainer writes only their own rows); the
 * cached catalogue is refreshed right after, so the new exercise is searchable offline from
 * then on. Offline, saving says it needs a connection: a queued creation could not be used in
 * a program before it reached the server (the program row would point at a missing exercise).
 */
import { refreshCatalogue } from '@/lib/exercise-catalogue';
import { getSupabase } from '@/lib/supabase';
import type { ExerciseForm } from './library-model';
import { serverInReach } from '@/sync/reachability';

export class LibraryWriteError extends Error {}

function assertOnline(action: string): void {
  if (!serverInReach()) throw new LibraryWriteError(`${action} needs a connection. Your search and filters keep working offline.`);
}

function explain(error: { code?: string; message: string }, name: string): LibraryWriteError {
  if (error.code === '23505') return new LibraryWriteError(`You already have an exercise called “${name}”.`);
  return new LibraryWriteError(error.message);
}

/** Creates (id null) or updates one of the trainer's exercises; returns its id. */
export async function saveExercise(trainerId: string, id: string | null, form: ExerciseForm): Promise<string> {
  assertOnline('Saving an exercise');
  const supabase = await getSupabase();
  const row = { ...form, updated_at: new Date().toISOString() };
  const result = id
    ? await supabase.from('exercises').update(row).eq('id', id).eq('trainer_id', trainerId).select('id').single()
    : await supabase.from('exercises').insert({ ...row, trainer_id: trainerId }).select('id').single();
  if (result.error) throw explain(result.error, form.name);
  await refreshCatalogue();
  return (result.data as { id: string }).id;
}

/** Archived exercises leave pickers but stay in programs and history. */
export async function setArchived(trainerId: string, id: string, archived: boolean): Promise<void> {
  assertOnline(archived ? 'Archiving' : 'Restoring');
  const supabase = await getSupabase();
  const { error } = await supabase.from('exercises').update({ archived, updated_at: new Date().toISOString() }).eq('id', id).eq('trainer_id', trainerId);
  if (error) throw new LibraryWriteError(error.message);
  await refreshCatalogue();
}

export type Category = { id: string; parent_id: string | null; name: string; position: number };

const CATEGORY_KEY = 'fitcoach-exercise-categories';

/** The category tree (a few dozen rows), fetched when online and kept in localStorage. */
export async function loadCategories(): Promise<Category[]> {
  const cached = (() => {
    try {
      return JSON.parse(localStorage.getItem(CATEGORY_KEY) ?? '[]') as Category[];
    } catch {
      return [];
    }
  })();
  if (!serverInReach()) return cached;
  try {
    const supabase = await getSupabase();
    const { data, error } = await supabase.from('exercise_categories').select('id, parent_id, name, position').eq('deleted', false).order('position');
    if (error || !data) return cached;
    localStorage.setItem(CATEGORY_KEY, JSON.stringify(data));
    return data as Category[];
  } catch {
    return cached;
  }
}

/** "Strength › Upper body › Chest" for each category, in tree order. */
export function categoryPaths(categories: readonly Category[]): Array<{ id: string; path: string }> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const path = (c: Category): string[] => {
    const parent = c.parent_id ? byId.get(c.parent_id) : undefined;
    return parent && parent.id !== c.id ? [...path(parent), c.name] : [c.name];
  };
  return categories.map((c) => ({ id: c.id, path: path(c).join(' › ') })).sort((a, b) => a.path.localeCompare(b.path));
}
