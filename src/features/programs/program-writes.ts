/**
 * Every write the program builder makes, through src/db (insertRow/editRow/deleteRow), so each
 * works offline and syncs with the field-level merge. Plain functions of the device database:
 * the screens (useProgramWriter) and the integration tests use the same code.
 */
import { deleteRow, editRow, insertRow, insertRows, newRowId, type DeviceDatabase } from '@/db';
import type { RowChanges } from '@/db/writes';
import { moveItem, positionsAtEnd, sortByPosition, type Ordered, type PositionChange } from './ordering';
import { resizeWeeks } from './progression';
import {
  assignTemplate,
  duplicateDay,
  duplicateWeek,
  updateFromTemplate,
  type DayRowIn,
  type ExerciseRowIn,
  type NewDay,
  type NewExercise,
  type ProgramRowIn,
} from './template-copy';

type ProgramChanges = RowChanges<'programs'>;
type DayChanges = RowChanges<'program_days'>;
type ExerciseChanges = RowChanges<'program_exercises'>;

async function rows<T>(query: { exec: () => Promise<Array<{ toJSON: () => unknown }>> }): Promise<T[]> {
  return (await query.exec()).map((d) => d.toJSON() as T);
}

export async function loadProgram(db: DeviceDatabase, programId: string): Promise<{ program: ProgramRowIn; days: DayRowIn[]; exercises: ExerciseRowIn[] }> {
  const program = (await db.rx.collections.programs.findOne(programId).exec())?.toJSON() as ProgramRowIn | undefined;
  if (!program) throw new Error('This program is not on this device');
  const days = await rows<DayRowIn>(db.rx.collections.program_days.find({ selector: { program_id: programId } }));
  const exercises = days.length
    ? await rows<ExerciseRowIn>(db.rx.collections.program_exercises.find({ selector: { program_day_id: { $in: days.map((d) => d.id) } } }))
    : [];
  return { program, days, exercises };
}

async function applyPositions(db: DeviceDatabase, table: 'program_days' | 'program_exercises', changes: readonly PositionChange[]): Promise<void> {
  for (const change of changes) {
    if (table === 'program_days') await editRow(db, 'program_days', change.id, { position: change.position });
    else await editRow(db, 'program_exercises', change.id, { position: change.position });
  }
}

export async function createTemplate(db: DeviceDatabase, trainerId: string, name: string): Promise<string> {
  const program = await insertRow(db, 'programs', {
    trainer_id: trainerId,
    client_id: null,
    template_id: null,
    name,
    description: null,
    kind: 'static',
    status: 'active',
    weeks: 1,
    current_week: 1,
    auto_advance: false,
    starts_on: null,
    ends_on: null,
  });
  return program.id;
}

export async function editProgram(db: DeviceDatabase, programId: string, changes: ProgramChanges): Promise<void> {
  await editRow(db, 'programs', programId, changes);
}

/** Changes the length; the current week stays inside it. */
export async function setProgramWeeks(db: DeviceDatabase, program: Pick<ProgramRowIn, 'id' | 'current_week'>, weeks: number): Promise<void> {
  await editRow(db, 'programs', program.id, resizeWeeks(program, weeks));
}

export type DayPlacement = { mode: 'sequence' } | { mode: 'weekday'; dayOfWeek: number };

/** A new training day at the end of `week`. Sequence days are numbered after the last. */
export async function addDay(db: DeviceDatabase, programId: string, week: number, name: string, placement: DayPlacement): Promise<string> {
  const weekDays = (await loadProgram(db, programId)).days.filter((d) => d.week_index === week);
  const { positions, changes } = positionsAtEnd(weekDays, 1);
  await applyPositions(db, 'program_days', changes);
  const nextSequence = Math.min(366, Math.max(0, ...weekDays.map((d) => d.sequence_index ?? 0)) + 1);
  const day = await insertRow(db, 'program_days', {
    program_id: programId,
    trainer_id: null,
    client_id: null,
    week_index: week,
    phase_name: null,
    day_of_week: placement.mode === 'weekday' ? placement.dayOfWeek : null,
    sequence_index: placement.mode === 'sequence' ? nextSequence : null,
    name,
    position: positions[0] as string,
    is_rest_day: false,
    notes: null,
  });
  return day.id;
}

export async function editDay(db: DeviceDatabase, dayId: string, changes: DayChanges): Promise<void> {
  await editRow(db, 'program_days', dayId, changes);
}

export function moveDay(db: DeviceDatabase, weekDays: readonly Ordered[], dayId: string, toIndex: number): Promise<void> {
  return serially(() => applyPositions(db, 'program_days', moveItem(weekDays, dayId, toIndex)));
}

/** Deletes a day and its exercises (the server cascades too; the device hides them at once). */
export async function deleteDay(db: DeviceDatabase, dayId: string): Promise<void> {
  const exercises = await db.rx.collections.program_exercises.find({ selector: { program_day_id: dayId } }).exec();
  for (const e of exercises) await deleteRow(db, 'program_exercises', e.id);
  await deleteRow(db, 'program_days', dayId);
}

async function insertCopies(db: DeviceDatabase, days: readonly NewDay[], exercises: readonly NewExercise[]): Promise<void> {
  if (days.length) await insertRows(db, 'program_days', days);
  if (exercises.length) await insertRows(db, 'program_exercises', exercises);
}

export async function duplicateDayOf(db: DeviceDatabase, programId: string, dayId: string): Promise<string> {
  const { days, exercises } = await loadProgram(db, programId);
  const day = days.find((d) => d.id === dayId);
  if (!day) throw new Error('This day is not on this device');
  const result = duplicateDay({ day, weekDays: days.filter((d) => d.week_index === day.week_index), exercises, newId: newRowId });
  await applyPositions(db, 'program_days', result.positionChanges);
  await insertCopies(db, [result.day], result.exercises);
  return result.day.id;
}

/** Copies week `fromWeek` to the next week, growing the program if it was the last week. */
export async function duplicateWeekOf(db: DeviceDatabase, programId: string, fromWeek: number): Promise<number> {
  const { program, days, exercises } = await loadProgram(db, programId);
  const toWeek = fromWeek + 1;
  if (toWeek > 104) throw new Error('A program runs for at most 104 weeks');
  const result = duplicateWeek({ days, exercises, fromWeek, toWeek, newId: newRowId });
  if (program.weeks < toWeek) await editRow(db, 'programs', programId, { weeks: toWeek });
  await insertCopies(db, result.days, result.exercises);
  return toWeek;
}

/** Adds exercises at the end of a day, in the order given, with the default prescription. */
export async function addExercises(db: DeviceDatabase, dayId: string, exerciseIds: readonly string[]): Promise<string[]> {
  if (exerciseIds.length === 0) return [];
  const existing = await rows<ExerciseRowIn>(db.rx.collections.program_exercises.find({ selector: { program_day_id: dayId } }));
  const { positions, changes } = positionsAtEnd(existing, exerciseIds.length);
  await applyPositions(db, 'program_exercises', changes);
  const added = exerciseIds.map((exerciseId, i) => ({
    id: newRowId(),
    program_day_id: dayId,
    trainer_id: null,
    client_id: null,
    exercise_id: exerciseId,
    position: positions[i] as string,
    sets: 3,
    reps_min: 8,
    reps_max: 12,
    load_kg: null,
    load_percent_1rm: null,
    rir: null,
    rpe: null,
    tempo: null,
    tut_seconds: null,
    rest_seconds: 90,
    drop_sets: 0,
    superset_group: null,
    duration_seconds: null,
    distance_m: null,
    notes: null,
  }));
  await insertRows(db, 'program_exercises', added);
  return added.map((row) => row.id);
}

export async function addExercise(db: DeviceDatabase, dayId: string, exerciseId: string): Promise<string> {
  const [id] = await addExercises(db, dayId, [exerciseId]);
  return id as string;
}

export async function editExercise(db: DeviceDatabase, id: string, changes: ExerciseChanges): Promise<void> {
  await editRow(db, 'program_exercises', id, changes);
}

export function moveExercise(db: DeviceDatabase, dayExercises: readonly Ordered[], id: string, toIndex: number): Promise<void> {
  return serially(() => applyPositions(db, 'program_exercises', moveItem(dayExercises, id, toIndex)));
}

/**
 * Moves run one after another, each reading the list as it is now: two quick key presses move
 * an item two places, not one (the second would otherwise start from the old order).
 */
let moves: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = moves.then(task, task);
  moves = next.catch(() => undefined);
  return next;
}

/** Moves a day `delta` places within its week (keyboard and the ↑ ↓ buttons). */
export function moveDayBy(db: DeviceDatabase, dayId: string, delta: number): Promise<void> {
  return serially(async () => {
    const day = (await db.rx.collections.program_days.findOne(dayId).exec())?.toJSON() as DayRowIn | undefined;
    if (!day) return;
    const week = await rows<DayRowIn>(db.rx.collections.program_days.find({ selector: { program_id: day.program_id, week_index: day.week_index } }));
    const index = sortByPosition(week).findIndex((d) => d.id === dayId);
    await applyPositions(db, 'program_days', moveItem(week, dayId, Math.max(0, index + delta)));
  });
}

/** Moves an exercise `delta` places within its day. */
export function moveExerciseBy(db: DeviceDatabase, id: string, delta: number): Promise<void> {
  return serially(async () => {
    const row = (await db.rx.collections.program_exercises.findOne(id).exec())?.toJSON() as ExerciseRowIn | undefined;
    if (!row) return;
    const day = await rows<ExerciseRowIn>(db.rx.collections.program_exercises.find({ selector: { program_day_id: row.program_day_id } }));
    const index = sortByPosition(day).findIndex((e) => e.id === id);
    await applyPositions(db, 'program_exercises', moveItem(day, id, Math.max(0, index + delta)));
  });
}

export async function deleteExercise(db: DeviceDatabase, id: string): Promise<void> {
  await deleteRow(db, 'program_exercises', id);
}

/** Deletes a program with its days and exercises. */
export async function deleteProgram(db: DeviceDatabase, programId: string): Promise<void> {
  const { days, exercises } = await loadProgram(db, programId);
  for (const e of exercises) await deleteRow(db, 'program_exercises', e.id);
  for (const d of days) await deleteRow(db, 'program_days', d.id);
  await deleteRow(db, 'programs', programId);
}

/** The client's active programs (templates have no client), newest first. */
export async function activeProgramsOf(db: DeviceDatabase, clientId: string): Promise<Array<{ id: string; name: string }>> {
  const docs = await db.rx.collections.programs.find({ selector: { client_id: clientId, status: 'active' } }).exec();
  return docs
    .sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))
    .map((d) => ({ id: d.id, name: d.name }));
}

/**
 * Assigns a template to a client: a full copy on the device, synced like any edit. With
 * `replacing`, those active programs are completed first, so the client has one to follow.
 */
export async function assignToClient(db: DeviceDatabase, templateId: string, clientId: string, startsOn: string | null, replacing: readonly string[] = []): Promise<string> {
  for (const id of replacing) await editRow(db, 'programs', id, { status: 'completed' });
  const { program, days, exercises } = await loadProgram(db, templateId);
  const copy = assignTemplate({ template: program, days, exercises, clientId, startsOn, newId: newRowId });
  await insertRow(db, 'programs', copy.program);
  await insertCopies(db, copy.days, copy.exercises);
  return copy.program.id;
}

/** Replaces a client's copy with its template as it is now. */
export async function updateProgramFromTemplate(db: DeviceDatabase, programId: string): Promise<void> {
  const current = await loadProgram(db, programId);
  if (!current.program.template_id) throw new Error('This program was not made from a template');
  const source = await loadProgram(db, current.program.template_id);
  const plan = updateFromTemplate({
    program: current.program,
    programDays: current.days,
    programExercises: current.exercises,
    template: source.program,
    templateDays: source.days,
    templateExercises: source.exercises,
    newId: newRowId,
  });
  for (const id of plan.deleteExerciseIds) await deleteRow(db, 'program_exercises', id);
  for (const id of plan.deleteDayIds) await deleteRow(db, 'program_days', id);
  await editRow(db, 'programs', programId, plan.programChanges);
  await insertCopies(db, plan.days, plan.exercises);
}
