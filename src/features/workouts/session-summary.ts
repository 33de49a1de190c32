/** What finishing a workout shows and stores: duration, volume, sets done, completed or partial. */
export type SummarySet = { done: boolean; set_kind: 'warmup' | 'working' | 'drop' | 'failure'; weight_kg: number | null; reps: number | null; exercise_id: string; performed_at: string };

export type SessionSummary = {
  durationSeconds: number;
  /** Sum of weight × reps over done non-warm-up sets, kg. */
  volumeKg: number;
  doneSets: number;
  plannedSets: number;
  exercises: number;
  /** completed when every set is done, partial otherwise. */
  suggestedStatus: 'completed' | 'partial';
};

export const MAX_SESSION_SECONDS = 86_400;

/** Seconds from the start to `end` (or to the last done set if that is later), 1 s to 24 h. */
export function sessionDurationSeconds(startedAt: string, end: Date): number {
  const seconds = Math.round((end.getTime() - Date.parse(startedAt)) / 1000);
  return Math.min(MAX_SESSION_SECONDS, Math.max(1, seconds));
}

export function summarizeSession(startedAt: string, sets: readonly SummarySet[], end: Date): SessionSummary {
  const done = sets.filter((s) => s.done);
  const volumeKg = done.filter((s) => s.set_kind !== 'warmup').reduce((sum, s) => sum + (s.weight_kg ?? 0) * (s.reps ?? 0), 0);
  return {
    durationSeconds: sessionDurationSeconds(startedAt, end),
    volumeKg: Number(volumeKg.toFixed(2)),
    doneSets: done.length,
    plannedSets: sets.length,
    exercises: new Set(done.map((s) => s.exercise_id)).size,
    suggestedStatus: done.length === sets.length && sets.length > 0 ? 'completed' : 'partial',
  };
}

/** "1 h 05 min", "42 min", "45 s" */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}
