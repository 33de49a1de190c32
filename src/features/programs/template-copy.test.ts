import { describe, expect, it } from 'vitest';
import { sortByPosition } from './ordering';
import { assignTemplate, duplicateDay, duplicateWeek, updateFromTemplate, type DayRowIn, type ExerciseRowIn, type ProgramRowIn } from './template-copy';

const TRAINER = '00000000-0000-4000-8000-0000000000a1';
const CLIENT = '00000000-0000-4000-8000-0000000000c1';
const meta = { created_at: '2026-12-01T10:00:00.000Z', updated_at: '2026-12-01T10:00:00.000Z', updated_by_device: 'phone', server_rev: 7 };

function ids() {
  let n = 0;
  return () => `id-${(n += 1)}`;
}

const template: ProgramRowIn = {
  ...meta,
  id: 'tpl',
  trainer_id: TRAINER,
  client_id: null,
  template_id: null,
  name: 'Strength 3-day',
  description: 'Linear progression',
  kind: 'progressive',
  status: 'active',
  weeks: 4,
  current_week: 3,
  auto_advance: true,
  starts_on: null,
  ends_on: null,
};
const dayRow = (id: string, name: string, position: string, week = 1, program = 'tpl', clientId: string | null = null): DayRowIn => ({
  ...meta,
  id,
  program_id: program,
  trainer_id: TRAINER,
  client_id: clientId,
  week_index: week,
  phase_name: null,
  day_of_week: null,
  sequence_index: Number(id.replace(/\D/g, '')) || 1,
  name,
  position,
  is_rest_day: false,
  notes: null,
});
const exerciseRow = (id: string, dayId: string, position: string, changes: Partial<ExerciseRowIn> = {}): ExerciseRowIn => ({
  ...meta,
  id,
  program_day_id: dayId,
  trainer_id: TRAINER,
  client_id: null,
  exercise_id: `ex-${id}`,
  position,
  sets: 3,
  reps_min: 8,
  reps_max: 12,
  load_kg: null,
  load_percent_1rm: 75,
  rir: 2,
  rpe: null,
  tempo: '3-1-1-0',
  tut_seconds: null,
  rest_seconds: 90,
  drop_sets: 1,
  superset_group: 'A',
  duration_seconds: null,
  distance_m: null,
  notes: 'Brace',
  ...changes,
});
// Stored out of order on purpose: the copy follows positions, not storage order.
const days = [dayRow('d2', 'Day B', 'a1'), dayRow('d1', 'Day A', 'a0'), dayRow('d3', 'Day C', 'a2'), dayRow('other', 'Elsewhere', 'a0', 1, 'other-program')];
const exercises = [exerciseRow('e2', 'd1', 'a1'), exerciseRow('e1', 'd1', 'a0', { load_kg: 100, load_percent_1rm: null }), exerciseRow('e3', 'd2', 'a0'), exerciseRow('e9', 'other', 'a0')];

describe('assigning a template copies it', () => {
  const copy = assignTemplate({ template, days, exercises, clientId: CLIENT, startsOn: '2026-12-07', newId: ids() });

  it('makes a new active program for the client that remembers its template and starts at week 1', () => {
    expect(copy.program).toEqual({
      id: 'id-1',
      trainer_id: TRAINER,
      client_id: CLIENT,
      template_id: 'tpl',
      name: 'Strength 3-day',
      description: 'Linear progression',
      kind: 'progressive',
      status: 'active',
      weeks: 4,
      current_week: 1,
      auto_advance: true,
      starts_on: '2026-12-07',
      ends_on: null,
    });
  });

  it('copies the days in order, and every prescription field of their exercises, into new rows', () => {
    expect(copy.days.map((d) => [d.name, d.position, d.program_id, d.client_id])).toEqual([
      ['Day A', 'a0', 'id-1', CLIENT],
      ['Day B', 'a1', 'id-1', CLIENT],
      ['Day C', 'a2', 'id-1', CLIENT],
    ]);
    const dayA = copy.days[0]?.id;
    const squat = copy.exercises.find((e) => e.exercise_id === 'ex-e1');
    expect(squat).toMatchObject({ program_day_id: dayA, position: 'a0', sets: 3, reps_min: 8, reps_max: 12, load_kg: 100, load_percent_1rm: null, rir: 2, tempo: '3-1-1-0', rest_seconds: 90, drop_sets: 1, superset_group: 'A', notes: 'Brace', client_id: CLIENT });
    expect(copy.exercises.map((e) => e.exercise_id).sort()).toEqual(['ex-e1', 'ex-e2', 'ex-e3']);
  });

  it('shares no row with the template, so editing the template later leaves the copy as it was', () => {
    const templateIds = new Set([template.id, ...days.map((d) => d.id), ...exercises.map((e) => e.id)]);
    for (const row of [copy.program, ...copy.days, ...copy.exercises]) expect(templateIds.has(row.id)).toBe(false);
    const before = JSON.stringify(copy);
    // The trainer edits the template's rows (the device changes them in place).
    exercises[1] = { ...(exercises[1] as ExerciseRowIn), sets: 5 };
    expect(JSON.stringify(copy)).toBe(before);
  });

  it('refuses to assign a client program (only templates are assigned)', () => {
    expect(() => assignTemplate({ template: { ...template, client_id: CLIENT }, days, exercises, clientId: CLIENT, startsOn: null, newId: ids() })).toThrow('only a template');
  });
});

describe('update from template', () => {
  it('replaces the copy with the template as it is now, keeping the client and their week', () => {
    const copy = assignTemplate({ template, days, exercises, clientId: CLIENT, startsOn: null, newId: ids() });
    const clientProgram = { ...meta, ...copy.program, current_week: 4 };
    const copiedDays = copy.days.map((d) => ({ ...meta, ...d }));
    const copiedExercises = copy.exercises.map((e) => ({ ...meta, ...e }));
    const newer = { ...template, name: 'Strength 3-day v2', weeks: 3 };
    const plan = updateFromTemplate({
      program: clientProgram,
      programDays: copiedDays,
      programExercises: copiedExercises,
      template: newer,
      templateDays: [dayRow('d1', 'Day A', 'a0')],
      templateExercises: [exerciseRow('e1', 'd1', 'a0', { sets: 5 })],
      newId: ids(),
    });
    expect(plan.programChanges).toMatchObject({ name: 'Strength 3-day v2', weeks: 3, current_week: 3 });
    expect(plan.deleteDayIds.sort()).toEqual(copiedDays.map((d) => d.id).sort());
    expect(plan.deleteExerciseIds).toHaveLength(3);
    expect(plan.days).toHaveLength(1);
    expect(plan.days[0]).toMatchObject({ program_id: clientProgram.id, client_id: CLIENT, name: 'Day A' });
    expect(plan.exercises[0]).toMatchObject({ program_day_id: plan.days[0]?.id, sets: 5, client_id: CLIENT });
  });

  it('refuses a template the program was not copied from', () => {
    const program = { ...template, id: 'p', client_id: CLIENT, template_id: 'another' };
    expect(() => updateFromTemplate({ program, programDays: [], programExercises: [], template, templateDays: [], templateExercises: [], newId: ids() })).toThrow('not copied from that template');
  });
});

describe('duplicating', () => {
  it('a day lands right after the original with its exercises', () => {
    const weekDays = days.filter((d) => d.program_id === 'tpl');
    const result = duplicateDay({ day: weekDays.find((d) => d.id === 'd1') as DayRowIn, weekDays, exercises, newId: ids() });
    expect(result.day.name).toBe('Day A (copy)');
    const order = sortByPosition([...weekDays, { ...meta, ...result.day }]).map((d) => d.name);
    expect(order).toEqual(['Day A', 'Day A (copy)', 'Day B', 'Day C']);
    expect(result.exercises.map((e) => e.exercise_id).sort()).toEqual(['ex-e1', 'ex-e2']);
    expect(result.exercises.every((e) => e.program_day_id === result.day.id)).toBe(true);
  });

  it('a week becomes the next week with the same days and prescriptions', () => {
    const result = duplicateWeek({ days: days.filter((d) => d.program_id === 'tpl'), exercises, fromWeek: 1, toWeek: 2, newId: ids() });
    expect(result.days.map((d) => [d.name, d.week_index])).toEqual([
      ['Day A', 2],
      ['Day B', 2],
      ['Day C', 2],
    ]);
    expect(result.exercises).toHaveLength(3);
  });
});
