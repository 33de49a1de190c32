/** A set log for sync tests and benchmarks; no Node-only imports, so a browser page can use it. */
import type { NewRowFields } from '../../src/db/writes';

/** A done working set of 100 kg × 5, performed `1000 - setIndex` seconds ago (sets in order). */
export function setLogFields(
  sessionId: string,
  clientId: string,
  exerciseId: string,
  setIndex: number,
  changes: Partial<NewRowFields<'set_logs'>> = {},
): NewRowFields<'set_logs'> {
  return {
    session_id: sessionId,
    client_id: clientId,
    exercise_id: exerciseId,
    program_exercise_id: null,
    set_index: setIndex,
    set_kind: 'working',
    weight_kg: 100,
    reps: 5,
    rir: 2,
    rpe: null,
    duration_seconds: null,
    distance_m: null,
    done: true,
    performed_at: new Date(Date.now() - 1000 * (1000 - setIndex)).toISOString(),
    notes: null,
    ...changes,
  };
}
