/**
 * Which workout the Today screen offers. In order:
 * 1. a session still in progress (started within the last 18 hours) is resumed;
 * 2. otherwise the client's active program (the most recently updated if several) decides:
 *    - days fixed to a weekday: today's weekday in the program's current week (a program
 *      without days for that week falls back to its first week);
 *    - days in a sequence (day 1, 2, 3…): the day after the last one the client did, wrapping
 *      around; rest days in a sequence are passed over;
 *    - a day already done today is reported as done, so finishing does not jump to the next; so is
 *      another day of the week trained (or skipped) instead of today's, or on a rest day;
 * 3. no program (or nothing today): the screen offers an empty ad-hoc workout.
 * Dates are the device's local calendar days.
 */
export type PlanProgram = { id: string; client_id: string | null; status: string; current_week: number; updated_at: string };
export type PlanDay = {
  id: string;
  program_id: string;
  week_index: number;
  day_of_week: number | null;
  sequence_index: number | null;
  position: string;
  name: string;
  is_rest_day: boolean;
};
export type PlanSession = { id: string; program_day_id: string | null; status: string; started_at: string };

export type TodayChoice<P extends PlanProgram = PlanProgram, D extends PlanDay = PlanDay, S extends PlanSession = PlanSession> =
  | { kind: 'resume'; session: S }
  | { kind: 'planned'; program: P; day: D }
  | { kind: 'done-today'; program: P; day: D; session: S }
  | { kind: 'rest-day'; program: P; day: D | null }
  | { kind: 'no-program' };

export const RESUME_WITHIN_MS = 18 * 3600_000;

export function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

function byPosition(a: PlanDay, b: PlanDay): number {
  return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
}

export function activeProgram<P extends PlanProgram>(programs: readonly P[], clientId: string): P | null {
  const active = programs.filter((p) => p.client_id === clientId && p.status === 'active');
  return active.sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))[0] ?? null;
}

/**
 * Every day a client may choose instead of today's: the current week's training days of each of
 * their active programs (a trainer may run two side by side), newest program first.
 */
export function choosableDays<P extends PlanProgram, D extends PlanDay>(programs: readonly P[], days: readonly D[], clientId: string): Array<{ program: P; day: D }> {
  return programs
    .filter((p) => p.client_id === clientId && p.status === 'active')
    .sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))
    .flatMap((program) => daysOfCurrentWeek(program, days).filter((d) => !d.is_rest_day).map((day) => ({ program, day })));
}

/** The days of the program's current week (or its first week with days). */
export function daysOfCurrentWeek<D extends PlanDay>(program: PlanProgram, days: readonly D[]): D[] {
  const own = days.filter((d) => d.program_id === program.id);
  const current = own.filter((d) => d.week_index === program.current_week);
  if (current.length) return current.sort(byPosition);
  const first = Math.min(...own.map((d) => d.week_index));
  return own.filter((d) => d.week_index === first).sort(byPosition);
}

/** Another training day of the week done (or skipped) today in place of today's: today is done. */
function trainedInsteadToday<D extends PlanDay, S extends PlanSession>(days: readonly D[], doneToday: (day: D) => S | undefined): { day: D; session: S } | null {
  const done = days.filter((d) => !d.is_rest_day).flatMap((day) => {
    const session = doneToday(day);
    return session ? [{ day, session }] : [];
  });
  return done.sort((a, b) => (a.session.started_at < b.session.started_at ? 1 : -1))[0] ?? null;
}

export function chooseToday<P extends PlanProgram, D extends PlanDay, S extends PlanSession>(input: {
  programs: readonly P[];
  days: readonly D[];
  sessions: readonly S[];
  clientId: string;
  now: Date;
}): TodayChoice<P, D, S> {
  const { now } = input;
  const sessions = [...input.sessions].sort((a, b) => (a.started_at < b.started_at ? 1 : -1));
  const inProgress = sessions.find((s) => s.status === 'in_progress' && now.getTime() - Date.parse(s.started_at) < RESUME_WITHIN_MS);
  if (inProgress) return { kind: 'resume', session: inProgress };

  const program = activeProgram(input.programs, input.clientId);
  if (!program) return { kind: 'no-program' };
  const days = daysOfCurrentWeek(program, input.days);
  if (days.length === 0) return { kind: 'rest-day', program, day: null };
  const today = localDay(now);
  const doneToday = (day: D) => sessions.find((s) => s.program_day_id === day.id && s.status !== 'in_progress' && localDay(new Date(s.started_at)) === today);

  const weekdayDays = days.filter((d) => d.day_of_week !== null);
  if (weekdayDays.length > 0) {
    const day = weekdayDays.find((d) => d.day_of_week === now.getDay());
    const done = day && !day.is_rest_day ? doneToday(day) : undefined;
    if (day && done) return { kind: 'done-today', program, day, session: done };
    const instead = trainedInsteadToday(days, doneToday);
    if (instead) return { kind: 'done-today', program, ...instead };
    if (!day || day.is_rest_day) return { kind: 'rest-day', program, day: day ?? null };
    return { kind: 'planned', program, day };
  }

  const sequence = days.filter((d) => !d.is_rest_day).sort((a, b) => (a.sequence_index ?? 0) - (b.sequence_index ?? 0) || byPosition(a, b));
  if (sequence.length === 0) return { kind: 'rest-day', program, day: null };
  const ownDayIds = new Set(input.days.filter((d) => d.program_id === program.id).map((d) => d.id));
  const last = sessions.find((s) => s.program_day_id !== null && ownDayIds.has(s.program_day_id) && s.status !== 'in_progress');
  if (!last) return { kind: 'planned', program, day: sequence[0] as D };
  const lastDay = input.days.find((d) => d.id === last.program_day_id);
  if (lastDay && localDay(new Date(last.started_at)) === today && sequence.some((d) => d.id === lastDay.id)) {
    return { kind: 'done-today', program, day: lastDay, session: last };
  }
  const lastIndex = lastDay?.sequence_index ?? 0;
  const next = sequence.find((d) => (d.sequence_index ?? 0) > lastIndex) ?? (sequence[0] as D);
  return { kind: 'planned', program, day: next };
}
