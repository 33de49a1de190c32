/**
 * What the roster shows for each client, from the rows the trainer's device already has
 * (synced programs, sessions, check-ins): the last workout, this week's adherence and the
 * check-ins waiting for a reply.
 *
 * Adherence this week = training sessions done (completed or partial) since Monday 00:00 local
 * time, against the training days planned for the client's active program's current week (rest
 * days excepted; a week without its own days repeats the first week). With no active program,
 * nothing is planned and adherence shows only the sessions done.
 */
export type SummaryProgram = { id: string; client_id: string | null; status: string; current_week: number; updated_at: string };
export type SummaryDay = { id: string; program_id: string; week_index: number; is_rest_day: boolean };
export type SummarySession = { client_id: string; status: string; started_at: string };
export type SummaryCheckIn = { client_id: string; status: string };

export type ClientSummary = { lastWorkoutAt: string | null; doneThisWeek: number; plannedThisWeek: number | null; openCheckIns: number };

const DONE = new Set(['completed', 'partial']);

/** Monday 00:00 of the local week containing `now`. */
export function startOfWeek(now: Date): Date {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (start.getDay() + 6) % 7;
  start.setDate(start.getDate() - sinceMonday);
  return start;
}

export function summariseClient(input: {
  clientId: string;
  programs: readonly SummaryProgram[];
  days: readonly SummaryDay[];
  sessions: readonly SummarySession[];
  checkIns: readonly SummaryCheckIn[];
  now: Date;
}): ClientSummary {
  const { clientId } = input;
  const done = input.sessions.filter((s) => s.client_id === clientId && DONE.has(s.status));
  const lastWorkoutAt = done.reduce<string | null>((latest, s) => (latest === null || s.started_at > latest ? s.started_at : latest), null);
  const weekStart = startOfWeek(input.now).getTime();
  const doneThisWeek = done.filter((s) => Date.parse(s.started_at) >= weekStart && Date.parse(s.started_at) <= input.now.getTime()).length;
  const program = input.programs
    .filter((p) => p.client_id === clientId && p.status === 'active')
    .sort((a, b) => (a.updated_at < b.updated_at ? 1 : -1))[0];
  let plannedThisWeek: number | null = null;
  if (program) {
    const own = input.days.filter((d) => d.program_id === program.id);
    const current = own.filter((d) => d.week_index === program.current_week);
    const week = current.length ? current : own.filter((d) => d.week_index === Math.min(...own.map((d) => d.week_index)));
    plannedThisWeek = week.filter((d) => !d.is_rest_day).length;
  }
  const openCheckIns = input.checkIns.filter((c) => c.client_id === clientId && c.status === 'pending').length;
  return { lastWorkoutAt, doneThisWeek, plannedThisWeek, openCheckIns };
}

export function adherenceText(summary: Pick<ClientSummary, 'doneThisWeek' | 'plannedThisWeek'>): string {
  if (summary.plannedThisWeek === null || summary.plannedThisWeek === 0) return `${summary.doneThisWeek} session${summary.doneThisWeek === 1 ? '' : 's'} this week`;
  // More than planned (an extra day, a make-up session) is not "4 of 3".
  if (summary.doneThisWeek > summary.plannedThisWeek) return `${summary.doneThisWeek} sessions this week (${summary.plannedThisWeek} planned)`;
  return `${summary.doneThisWeek} of ${summary.plannedThisWeek} sessions this week`;
}
