/**
 * The exercise library's rules: what a trainer may type for their own exercise (one zod
 * model: the form, and the row sent to the server, whose CHECK constraints say the same), and
 * the offline search and filters over the cached catalogue.
 */
import { z } from 'zod';

export const BODY_PARTS = ['chest', 'back', 'shoulders', 'arms', 'core', 'legs', 'glutes', 'full_body', 'cardio', 'mobility'] as const;
export const EQUIPMENT = ['barbell', 'dumbbell', 'kettlebell', 'machine', 'cable', 'bodyweight', 'band', 'ez_bar', 'trap_bar', 'smith_machine', 'pull_up_bar', 'medicine_ball', 'cardio_machine', 'suspension', 'sled', 'other'] as const;
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export const MECHANICS = ['compound', 'isolation'] as const;

const emptyToNull = (s: unknown) => (typeof s === 'string' && s.trim() === '' ? null : s);

export const exerciseFormModel = z.object({
  name: z.string().trim().min(1, 'Give the exercise a name').max(120, 'A name is at most 120 characters'),
  body_part: z.enum(BODY_PARTS, { message: 'Choose a body part' }),
  equipment: z.enum(EQUIPMENT, { message: 'Choose the equipment' }),
  difficulty: z.enum(DIFFICULTIES, { message: 'Choose a difficulty' }),
  mechanics: z.preprocess(emptyToNull, z.enum(MECHANICS).nullable()),
  category_id: z.preprocess(emptyToNull, z.uuid('Choose a category from the list').nullable()),
  instructions: z.preprocess(emptyToNull, z.string().trim().max(4000, 'Instructions are at most 4000 characters').nullable()),
  video_url: z.preprocess(
    emptyToNull,
    z
      .string()
      .trim()
      .regex(/^https?:\/\/\S+\.\S+/, 'A video link starts with https:// (e.g. a YouTube or Vimeo link)')
      .max(2000)
      .nullable(),
  ),
  alternatives: z.array(z.uuid()).max(20, 'Up to 20 alternatives'),
  is_unilateral: z.boolean(),
});
export type ExerciseForm = z.infer<typeof exerciseFormModel>;
export type ExerciseFormInput = z.input<typeof exerciseFormModel>;

export const emptyExerciseForm: ExerciseFormInput = {
  name: '',
  body_part: 'full_body',
  equipment: 'bodyweight',
  difficulty: 'beginner',
  mechanics: null,
  category_id: null,
  instructions: null,
  video_url: null,
  alternatives: [],
  is_unilateral: false,
};

/** Field → first message, for showing next to each field. */
export function formErrors(error: z.ZodError): Partial<Record<keyof ExerciseForm, string>> {
  const errors: Partial<Record<keyof ExerciseForm, string>> = {};
  for (const issue of error.issues) {
    const field = issue.path[0] as keyof ExerciseForm | undefined;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

export type LibraryExercise = {
  id: string;
  name: string;
  body_part: string;
  equipment: string;
  difficulty?: string;
  archived: boolean;
  trainer_id: string | null;
  instructions?: string | null;
};

export type LibraryFilter = {
  query: string;
  bodyPart: string;
  equipment: string;
  difficulty: string;
  source: 'all' | 'mine' | 'catalogue';
  showArchived: boolean;
};

export const defaultLibraryFilter: LibraryFilter = { query: '', bodyPart: '', equipment: '', difficulty: '', source: 'all', showArchived: false };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/_/g, ' ');

/** Filters and search (name, body part, equipment, instructions; accent- and case-insensitive), by name. */
export function filterLibrary<T extends LibraryExercise>(exercises: readonly T[], filter: LibraryFilter, trainerId: string): T[] {
  const words = fold(filter.query).split(/\s+/).filter(Boolean);
  return exercises
    .filter((e) => filter.showArchived || !e.archived)
    .filter((e) => (filter.source === 'mine' ? e.trainer_id === trainerId : filter.source === 'catalogue' ? e.trainer_id === null : true))
    .filter((e) => !filter.bodyPart || e.body_part === filter.bodyPart)
    .filter((e) => !filter.equipment || e.equipment === filter.equipment)
    .filter((e) => !filter.difficulty || e.difficulty === filter.difficulty)
    .filter((e) => {
      if (words.length === 0) return true;
      const text = fold(`${e.name} ${e.body_part} ${e.equipment} ${e.difficulty ?? ''}`);
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const label = (value: string | null | undefined) => (value ? value.replace(/_/g, ' ') : '');

/** Names compared as people read them: case, accents, extra spaces and hyphens aside. */
function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Why a name cannot be used for the trainer's exercise, or null: another live exercise the
 * trainer sees (the catalogue's or their own) already has it, so their clients' history and
 * the chooser would show two exercises nobody can tell apart.
 */
export function nameClash(name: string, exercises: readonly LibraryExercise[], trainerId: string, editingId: string | null): string | null {
  const key = nameKey(name);
  if (!key) return null;
  const same = exercises.find(
    (e) => e.id !== editingId && !e.archived && (e.trainer_id === null || e.trainer_id === trainerId) && nameKey(e.name) === key,
  );
  if (!same) return null;
  return same.trainer_id === null
    ? `The library already has “${same.name}”: use it (you can add your notes to a program), or give yours a name that tells them apart, such as “${same.name} (paused)”.`
    : `You already have an exercise called “${same.name}”. Give this one another name.`;
}
