/** Client detail at a glance: recent sessions with their sets, and best lifts (estimated 1RM). */
export type DetailSession = { id: string; started_at: string; status: string; name: string | null; program_day_id: string | null };
export type DetailSet = { session_id: string; exercise_id: string; weight_kg: number | null; reps: number | null; done: boolean; set_index: number; performed_at: string };

export type SessionDigest = { id: string; startedAt: string; status: string; title: string; exercises: Array<{ exerciseId: string; sets: string[] }> };

/** The most recent `limit` sessions, each with its done sets grouped by exercise in order. */
export function recentSessions(sessions: readonly DetailSession[], sets: readonly DetailSet[], dayName: (dayId: string) => string | undefined, limit = 5): SessionDigest[] {
  return [...sessions]
    .sort((a, b) => (a.started_at < b.started_at ? 1 : -1))
    .slice(0, limit)
    .map((s) => {
      const own = sets.filter((x) => x.session_id === s.id && x.done).sort((a, b) => (a.performed_at < b.performed_at ? -1 : a.performed_at > b.performed_at ? 1 : a.set_index - b.set_index));
      const byExercise = new Map<string, string[]>();
      for (const set of own) {
        const text = set.weight_kg !== null && set.reps !== null ? `${set.weight_kg} kg × ${set.reps}` : set.reps !== null ? `${set.reps} reps` : 'done';
        byExercise.set(set.exercise_id, [...(byExercise.get(set.exercise_id) ?? []), text]);
      }
      return {
        id: s.id,
        startedAt: s.started_at,
        status: s.status,
        title: (s.program_day_id ? dayName(s.program_day_id) : undefined) ?? s.name ?? 'Workout',
        exercises: [...byExercise].map(([exerciseId, list]) => ({ exerciseId, sets: list })),
      };
    });
}

export type BestLift = { exerciseId: string; e1rmKg: number; weightKg: number; reps: number; at: string };

/** Each exercise's best done set by estimated one-rep max (`estimate` is the app's e1RM formula). */
export function bestLifts(sets: readonly DetailSet[], estimate: (weightKg: number | null, reps: number | null) => number | null, limit = 6): BestLift[] {
  const best = new Map<string, BestLift>();
  for (const set of sets) {
    if (!set.done || set.weight_kg === null || set.reps === null) continue;
    const e1rm = estimate(set.weight_kg, set.reps);
    if (e1rm === null) continue;
    const current = best.get(set.exercise_id);
    if (!current || e1rm > current.e1rmKg) best.set(set.exercise_id, { exerciseId: set.exercise_id, e1rmKg: e1rm, weightKg: set.weight_kg, reps: set.reps, at: set.performed_at });
  }
  return [...best.values()].sort((a, b) => b.e1rmKg - a.e1rmKg).slice(0, limit);
}
