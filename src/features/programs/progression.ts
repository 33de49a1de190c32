/**
 * Progressive programs: which week the client is on, how far through it they are, and when it
 * moves on by itself.
 *
 * Rules (the server applies the same auto-advance rule in
 * supabase/migrations/20261201090000_program_auto_advance.sql, because a client's device may
 * not edit their program and the trainer's device may be offline for days):
 * - The planned sessions of a week are its training days (rest days do not count). A program
 *   whose days exist only for week 1 repeats week 1's days every week.
 * - A planned day counts as done in week W when a session for that day with week_index W is
 *   completed or partial (a skipped session is not training done).
 * - Auto-advance applies only to progressive programs with auto_advance on and status active:
 *   when every planned day of the current week is done, current_week moves to the next week;
 *   after the last week the program is completed.
 * - Adherence (the roster's "sessions done vs planned") counts the same done sessions.
 */
export type ProgressionProgram = { id: string; kind: 'static' | 'progressive'; status: string; weeks: number; current_week: number; auto_advance: boolean };
export type ProgressionDay = { id: string; program_id: string; week_index: number; is_rest_day: boolean };
export type ProgressionSession = { program_day_id: string | null; week_index: number | null; status: string };

const DONE = new Set(['completed', 'partial']);

/** The training days planned for `week` (week 1's days when that week has none of its own). */
export function plannedDays<D extends ProgressionDay>(program: Pick<ProgressionProgram, 'id'>, days: readonly D[], week: number): D[] {
  const own = days.filter((d) => d.program_id === program.id);
  const ofWeek = own.filter((d) => d.week_index === week);
  const source = ofWeek.length > 0 ? ofWeek : own.filter((d) => d.week_index === Math.min(...own.map((x) => x.week_index)));
  return source.filter((d) => !d.is_rest_day);
}

export type WeekProgress = { week: number; planned: number; done: number; complete: boolean };

export function weekProgress(program: ProgressionProgram, days: readonly ProgressionDay[], sessions: readonly ProgressionSession[], week = program.current_week): WeekProgress {
  const planned = plannedDays(program, days, week);
  const doneDayIds = new Set(sessions.filter((s) => s.week_index === week && DONE.has(s.status) && s.program_day_id !== null).map((s) => s.program_day_id));
  const done = planned.filter((d) => doneDayIds.has(d.id)).length;
  return { week, planned: planned.length, done, complete: planned.length > 0 && done === planned.length };
}

export type Advance = { current_week: number } | { status: 'completed' } | null;

/** What auto-advance changes in the program now, or null when it stays as it is. */
export function autoAdvance(program: ProgressionProgram, days: readonly ProgressionDay[], sessions: readonly ProgressionSession[]): Advance {
  if (program.kind !== 'progressive' || !program.auto_advance || program.status !== 'active') return null;
  if (!weekProgress(program, days, sessions).complete) return null;
  return program.current_week < program.weeks ? { current_week: program.current_week + 1 } : { status: 'completed' };
}

/** The trainer moves the client to `week` by hand (any program kind); checked against the length. */
export function setCurrentWeek(program: Pick<ProgressionProgram, 'weeks'>, week: number): { current_week: number } {
  if (!Number.isInteger(week) || week < 1 || week > program.weeks) {
    throw new Error(`Week must be between 1 and ${program.weeks}`);
  }
  return { current_week: week };
}

/**
 * Changing the number of weeks keeps the current week inside the program (the server's
 * programs_current_week_range check would refuse it otherwise).
 */
export function resizeWeeks(program: Pick<ProgressionProgram, 'current_week'>, weeks: number): { weeks: number; current_week: number } {
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) throw new Error('A program runs for 1 to 104 weeks');
  return { weeks, current_week: Math.min(program.current_week, weeks) };
}
