/**
 * Achievements: which ones a client's data earns. The server grants them (triggers in
 * supabase/migrations/20261201000000_achievement_grants.sql insert into `achievements`), and
 * the device computes the same list from its own replica so an achievement earned offline is
 * shown at once. Both sides use the same keys, and a key is granted once per client (unique
 * (client_id, key) on the server; a set of keys here), so two devices syncing the same workout
 * or the same tick never make two.
 *
 * Rules (each tested in achievement-rules.test.ts; the SQL triggers implement the same):
 * - milestone:first_workout: the first workout finished (completed or partial).
 * - milestone:workouts:N for N in 10, 25, 50, 100 finished workouts.
 * - streak:habit:<habit id>:N when a daily habit has N consecutive ticked days (N in
 *   STREAK_MILESTONES_DAYS), whenever that run happened.
 * - pr:<exercise id>:<kg>kg when a done, non-warm-up set with reps beats the heaviest weight of
 *   that exercise in the client's earlier workouts (an exercise's first workout sets the
 *   baseline, as for the session's personal records).
 * - goal:<goal id> when a goal's status is completed.
 */
import { STREAK_MILESTONES_DAYS } from '@/features/habits';

export type AchievementKind = 'milestone' | 'streak' | 'pr' | 'goal' | 'fun';

export type EarnedAchievement = { key: string; kind: AchievementKind; title: string; details: Record<string, string | number> };

export const WORKOUT_MILESTONES = [10, 25, 50, 100] as const;

export type AchievementInput = {
  sessions: ReadonlyArray<{ id: string; status: string; started_at: string }>;
  sets: ReadonlyArray<{
    id: string;
    session_id: string;
    exercise_id: string;
    weight_kg: number | null;
    reps: number | null;
    set_kind: string;
    done: boolean;
    performed_at: string;
  }>;
  habits: ReadonlyArray<{ id: string; name: string; cadence: string }>;
  habitLogs: ReadonlyArray<{ habit_id: string; log_date: string; done: boolean }>;
  goals: ReadonlyArray<{ id: string; title: string; status: string }>;
  exerciseName?: (exerciseId: string) => string | undefined;
};

/** The weight as the key and title show it: the server's numeric(6,2) without trailing zeros. */
export function kgText(weightKg: number): string {
  return String(Number(weightKg.toFixed(2)));
}

function workoutAchievements(sessions: AchievementInput['sessions']): EarnedAchievement[] {
  const finished = sessions.filter((s) => s.status === 'completed' || s.status === 'partial').length;
  const out: EarnedAchievement[] = [];
  if (finished >= 1) out.push({ key: 'milestone:first_workout', kind: 'milestone', title: 'First workout', details: {} });
  for (const n of WORKOUT_MILESTONES) {
    if (finished >= n) out.push({ key: `milestone:workouts:${n}`, kind: 'milestone', title: `${n} workouts`, details: { workouts: n } });
  }
  return out;
}

function longestDailyRun(days: readonly string[]): number {
  const sorted = [...new Set(days)].sort();
  let best = 0;
  let run = 0;
  let previous: number | null = null;
  for (const day of sorted) {
    const t = Date.parse(`${day}T00:00:00Z`);
    run = previous !== null && t - previous === 86_400_000 ? run + 1 : 1;
    best = Math.max(best, run);
    previous = t;
  }
  return best;
}

function streakAchievements(habits: AchievementInput['habits'], logs: AchievementInput['habitLogs']): EarnedAchievement[] {
  const out: EarnedAchievement[] = [];
  for (const habit of habits) {
    if (habit.cadence !== 'daily') continue;
    const best = longestDailyRun(logs.filter((l) => l.habit_id === habit.id && l.done).map((l) => l.log_date));
    for (const n of STREAK_MILESTONES_DAYS) {
      if (best >= n)
        out.push({
          key: `streak:habit:${habit.id}:${n}`,
          kind: 'streak',
          title: `${n}-day streak: ${habit.name}`,
          details: { habit_id: habit.id, days: n },
        });
    }
  }
  return out;
}

function prAchievements(sets: AchievementInput['sets'], exerciseName: AchievementInput['exerciseName']): EarnedAchievement[] {
  const counted = sets
    .filter((s) => s.done && s.set_kind !== 'warmup' && (s.reps ?? 0) > 0 && (s.weight_kg ?? 0) > 0)
    .sort((a, b) => a.performed_at.localeCompare(b.performed_at));
  // Per exercise, the two heaviest weights so far from two different workouts: the best of
  // "earlier workouts" is the top one unless it belongs to the set's own workout.
  type Top = { session: string; weight: number };
  const tops = new Map<string, [Top | null, Top | null]>();
  const out = new Map<string, EarnedAchievement>();
  const remember = (exercise: string, session: string, weight: number) => {
    const [first, second] = tops.get(exercise) ?? [null, null];
    if (first?.session === session) tops.set(exercise, [{ session, weight: Math.max(first.weight, weight) }, second]);
    else if (!first || weight > first.weight) tops.set(exercise, [{ session, weight }, first]);
    else if (second?.session === session) tops.set(exercise, [first, { session, weight: Math.max(second.weight, weight) }]);
    else if (!second || weight > second.weight) tops.set(exercise, [first, { session, weight }]);
  };
  for (let i = 0; i < counted.length;) {
    // Sets performed at the same instant are judged against what came strictly before them.
    let j = i;
    while (j < counted.length && counted[j]?.performed_at === counted[i]?.performed_at) j += 1;
    const group = counted.slice(i, j);
    for (const set of group) {
      const weight = Number((set.weight_kg ?? 0).toFixed(2));
      const [first, second] = tops.get(set.exercise_id) ?? [null, null];
      const best = first && first.session !== set.session_id ? first.weight : (second?.weight ?? null);
      if (best === null || weight <= best) continue;
      const key = `pr:${set.exercise_id}:${kgText(weight)}kg`;
      const name = exerciseName?.(set.exercise_id) ?? 'Exercise';
      out.set(key, {
        key,
        kind: 'pr',
        title: `PR: ${name} ${kgText(weight)} kg`,
        details: { exercise_id: set.exercise_id, weight_kg: weight },
      });
    }
    for (const set of group) remember(set.exercise_id, set.session_id, Number((set.weight_kg ?? 0).toFixed(2)));
    i = j;
  }
  return [...out.values()];
}

function goalAchievements(goals: AchievementInput['goals']): EarnedAchievement[] {
  return goals
    .filter((g) => g.status === 'completed')
    .map((g) => ({ key: `goal:${g.id}`, kind: 'goal', title: `Goal reached: ${g.title}`, details: { goal_id: g.id } }));
}

/** Every achievement the data earns, each key once. */
export function earnedAchievements(input: AchievementInput): EarnedAchievement[] {
  const all = [
    ...workoutAchievements(input.sessions),
    ...streakAchievements(input.habits, input.habitLogs),
    ...prAchievements(input.sets, input.exerciseName),
    ...goalAchievements(input.goals),
  ];
  return [...new Map(all.map((a) => [a.key, a])).values()];
}

/** Achievements to announce: earned now, not among those the user has already seen. */
export function newlyEarned(earned: readonly EarnedAchievement[], seenKeys: ReadonlySet<string>): EarnedAchievement[] {
  return earned.filter((a) => !seenKeys.has(a.key));
}
