/**
 * Copy semantics of programs (FEATURES.md, module 3):
 * - Assigning a template to a client copies the template, its days and their exercises into
 *   new rows owned by the client's copy (`template_id` records the source). The copy shares
 *   nothing with the template, so later edits of the template never reach existing clients.
 * - "Update from template" is the trainer's explicit choice to replace a client's copy with the
 *   template as it is now: the copy's days and exercises are replaced, its own identity
 *   (client, status, start date) and the client's place in it (current week, clamped) are kept.
 * - Duplicating a day or a week copies rows within one program.
 * Ids come from `newId` (UUIDv7 on the device) so the result is deterministic in tests.
 */
import type { Program, ProgramDay, ProgramExercise } from '@/db';
import { positionForInsert, positionsAtEnd, sortByPosition, type PositionChange } from './ordering';

type Synced = 'id' | 'created_at' | 'updated_at' | 'updated_by_device' | 'deleted' | 'server_rev';
type WithId<T> = Omit<T, Synced> & { id: string };
export type ProgramRowIn = Omit<Program, 'deleted'>;
export type DayRowIn = Omit<ProgramDay, 'deleted'>;
export type ExerciseRowIn = Omit<ProgramExercise, 'deleted'>;
export type NewProgram = WithId<Program>;
export type NewDay = WithId<ProgramDay>;
export type NewExercise = WithId<ProgramExercise>;

export type CopyResult = { program: NewProgram; days: NewDay[]; exercises: NewExercise[] };

/** Prescription fields a copy carries over (everything but identity and ownership). */
function prescription(e: ExerciseRowIn): Omit<NewExercise, 'id' | 'program_day_id' | 'trainer_id' | 'client_id'> {
  return {
    exercise_id: e.exercise_id,
    position: e.position,
    sets: e.sets,
    reps_min: e.reps_min,
    reps_max: e.reps_max,
    load_kg: e.load_kg,
    load_percent_1rm: e.load_percent_1rm,
    rir: e.rir,
    rpe: e.rpe,
    tempo: e.tempo,
    tut_seconds: e.tut_seconds,
    rest_seconds: e.rest_seconds,
    drop_sets: e.drop_sets,
    superset_group: e.superset_group,
    duration_seconds: e.duration_seconds,
    distance_m: e.distance_m,
    notes: e.notes,
  };
}

function dayFields(d: DayRowIn): Omit<NewDay, 'id' | 'program_id' | 'trainer_id' | 'client_id'> {
  return {
    week_index: d.week_index,
    phase_name: d.phase_name,
    day_of_week: d.day_of_week,
    sequence_index: d.sequence_index,
    name: d.name,
    position: d.position,
    is_rest_day: d.is_rest_day,
    notes: d.notes,
  };
}

/** Days and exercises of `source` copied under `programId` (ownership copied from the target). */
function copyContent(
  programId: string,
  owner: { trainer_id: string | null; client_id: string | null },
  days: readonly DayRowIn[],
  exercises: readonly ExerciseRowIn[],
  newId: () => string,
): { days: NewDay[]; exercises: NewExercise[] } {
  const outDays: NewDay[] = [];
  const outExercises: NewExercise[] = [];
  for (const day of sortByPosition(days)) {
    const dayId = newId();
    outDays.push({ id: dayId, program_id: programId, ...owner, ...dayFields(day) });
    for (const e of sortByPosition(exercises.filter((x) => x.program_day_id === day.id))) {
      outExercises.push({ id: newId(), program_day_id: dayId, ...owner, ...prescription(e) });
    }
  }
  return { days: outDays, exercises: outExercises };
}

/** The client's copy of a template. */
export function assignTemplate(input: {
  template: ProgramRowIn;
  days: readonly DayRowIn[];
  exercises: readonly ExerciseRowIn[];
  clientId: string;
  startsOn: string | null;
  newId: () => string;
}): CopyResult {
  const { template } = input;
  if (template.client_id !== null) throw new Error('assignTemplate: only a template (a program without a client) can be assigned');
  const own = input.days.filter((d) => d.program_id === template.id);
  const ownIds = new Set(own.map((d) => d.id));
  const programId = input.newId();
  const owner = { trainer_id: template.trainer_id, client_id: input.clientId };
  const program: NewProgram = {
    id: programId,
    ...owner,
    template_id: template.id,
    name: template.name,
    description: template.description,
    kind: template.kind,
    status: 'active',
    weeks: template.weeks,
    current_week: 1,
    auto_advance: template.auto_advance,
    starts_on: input.startsOn,
    ends_on: null,
  };
  return { program, ...copyContent(programId, owner, own, input.exercises.filter((e) => ownIds.has(e.program_day_id)), input.newId) };
}

export type TemplateUpdatePlan = {
  /** Fields of the client's program to change. */
  programChanges: Partial<NewProgram>;
  /** The copy's current days (their exercises follow them on the server) to delete. */
  deleteDayIds: string[];
  deleteExerciseIds: string[];
  days: NewDay[];
  exercises: NewExercise[];
};

/** Replaces a client's copy with the template as it is now (the trainer asked for it). */
export function updateFromTemplate(input: {
  program: ProgramRowIn;
  programDays: readonly DayRowIn[];
  programExercises: readonly ExerciseRowIn[];
  template: ProgramRowIn;
  templateDays: readonly DayRowIn[];
  templateExercises: readonly ExerciseRowIn[];
  newId: () => string;
}): TemplateUpdatePlan {
  const { program, template } = input;
  if (program.template_id !== template.id) throw new Error('updateFromTemplate: this program was not copied from that template');
  const currentDays = input.programDays.filter((d) => d.program_id === program.id);
  const currentDayIds = new Set(currentDays.map((d) => d.id));
  const templateDays = input.templateDays.filter((d) => d.program_id === template.id);
  const templateDayIds = new Set(templateDays.map((d) => d.id));
  const content = copyContent(
    program.id,
    { trainer_id: program.trainer_id, client_id: program.client_id },
    templateDays,
    input.templateExercises.filter((e) => templateDayIds.has(e.program_day_id)),
    input.newId,
  );
  return {
    programChanges: {
      name: template.name,
      description: template.description,
      kind: template.kind,
      weeks: template.weeks,
      auto_advance: template.auto_advance,
      // The client keeps their place, within the template's length.
      current_week: Math.min(program.current_week, template.weeks),
    },
    deleteDayIds: currentDays.map((d) => d.id),
    deleteExerciseIds: input.programExercises.filter((e) => currentDayIds.has(e.program_day_id)).map((e) => e.id),
    ...content,
  };
}

/** A copy of one day (with its exercises) placed right after it in the same week. */
export function duplicateDay(input: {
  day: DayRowIn;
  weekDays: readonly DayRowIn[];
  exercises: readonly ExerciseRowIn[];
  newId: () => string;
}): { day: NewDay; exercises: NewExercise[]; positionChanges: PositionChange[] } {
  const sorted = sortByPosition(input.weekDays);
  const index = sorted.findIndex((d) => d.id === input.day.id);
  const { position, changes } = positionForInsert(sorted, index + 1);
  const owner = { trainer_id: input.day.trainer_id, client_id: input.day.client_id };
  const copied = copyContent(input.day.program_id, owner, [input.day], input.exercises, input.newId);
  const day = { ...(copied.days[0] as NewDay), name: `${input.day.name} (copy)`.slice(0, 120), position };
  return { day, exercises: copied.exercises, positionChanges: changes };
}

/**
 * Week `fromWeek` copied to `toWeek` (appended after that week's existing days). Day-of-week
 * and sequence numbers are kept, so the copy is the same week again, ready for progression.
 */
export function duplicateWeek(input: {
  days: readonly DayRowIn[];
  exercises: readonly ExerciseRowIn[];
  fromWeek: number;
  toWeek: number;
  newId: () => string;
}): { days: NewDay[]; exercises: NewExercise[] } {
  const source = sortByPosition(input.days.filter((d) => d.week_index === input.fromWeek));
  if (source.length === 0) return { days: [], exercises: [] };
  const first = source[0] as DayRowIn;
  const sourceIds = new Set(source.map((d) => d.id));
  const copied = copyContent(
    first.program_id,
    { trainer_id: first.trainer_id, client_id: first.client_id },
    source,
    input.exercises.filter((e) => sourceIds.has(e.program_day_id)),
    input.newId,
  );
  const existing = input.days.filter((d) => d.week_index === input.toWeek);
  const { positions } = positionsAtEnd(existing, copied.days.length);
  return {
    days: copied.days.map((d, i) => ({ ...d, week_index: input.toWeek, position: existing.length ? (positions[i] as string) : d.position })),
    exercises: copied.exercises,
  };
}
