import { formatDate } from '@/lib/dates';
import { useCallback, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useWeightUnit } from '@/features/account';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { ExerciseCard, type SlotActions } from './ExerciseCard';
import { RECORD_LABELS, sessionRecords } from './personal-records';
import { EMPTY_LAYOUT } from './session-layout';
import { formatDuration, summarizeSession } from './session-summary';
import { formatVolume, formatWeight } from './units';
import { useClientId, useExerciseSets, useProgramDays, usePrescriptions, useSession, useSessionSets } from './useWorkoutData';
import { useWorkoutWriter } from './useWorkoutWriter';
import { recordKeysOf, sessionSlots, type LoggedSetFields } from './workout-model';

/** A workout's summary: totals, personal records, and its sets (editable, e.g. to fix a refused one). */
export function SessionScreen() {
  const { sessionId } = useParams();
  const session = useSession(sessionId);
  const sets = useSessionSets(sessionId) as LoggedSetFields[] | undefined;
  const prescriptions = usePrescriptions(session?.program_day_id);
  const history = useExerciseSets(useMemo(() => (sets ?? []).map((s) => s.exercise_id), [sets])) as LoggedSetFields[] | undefined;
  const days = useProgramDays();
  const unit = useWeightUnit();
  const catalogue = useExerciseCatalogue();
  const writer = useWorkoutWriter();
  const clientId = useClientId();
  const nameOf = useCallback((id: string) => exerciseName(catalogue, id), [catalogue]);

  const records = useMemo(() => (session && sets && history ? sessionRecords(history, sets, session.started_at) : []), [session, sets, history]);
  const slots = useMemo(() => (session && sets && prescriptions && history ? sessionSlots(session.id, sets, prescriptions, history, EMPTY_LAYOUT) : []), [session, sets, prescriptions, history]);
  const actions: SlotActions = useMemo(
    () => ({
      onTick: (row, values) => void writer.tick(row.key, values, null),
      onUntick: (row) => void writer.untick(row.key),
      onChange: (row, values) => void writer.updateSet(row.key, values),
      onRemove: (row) => void writer.removeSet(row.key),
      onKind: (row, kind) => void writer.setKind(row.key, kind),
      onNote: (row, note) => void writer.setNote(row.key, note),
      onAddSet: (slot) => {
        if (sessionId) void writer.addSet(sessionId, clientId, slot);
      },
    }),
    [writer, sessionId, clientId],
  );

  if (session === undefined || !sets || !days) return <p aria-busy="true">Loading workout…</p>;
  if (session === null) {
    return (
      <section className="screen">
        <h1>Workout not found</h1>
        <p>It may have been deleted.</p>
        <Link to="/history">Back to history</Link>
      </section>
    );
  }
  const title = days.find((d) => d.id === session.program_day_id)?.name ?? session.name ?? 'Workout';
  const lastSetAt = sets.reduce((latest, s) => (s.done && s.performed_at > latest ? s.performed_at : latest), session.started_at);
  const summary = summarizeSession(session.started_at, sets, new Date(session.ended_at ?? lastSetAt));
  const recordSetIds = new Set(records.map((r) => r.setId));
  return (
    <section className="screen" aria-labelledby="session-title">
      <Link to="/history" className="back-link">
        ← History
      </Link>
      <h1 id="session-title">{title}</h1>
      <p className="muted">
        {formatDate(session.started_at, { weekday: true, time: true })}
      </p>
      {session.status === 'in_progress' && (
        <p className="notice">
          In progress — <Link to="/today">continue on Today</Link>
        </p>
      )}
      <dl className="summary-stats card">
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(session.duration_seconds ?? summary.durationSeconds)}</dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd>{formatVolume(summary.volumeKg, unit)}</dd>
        </div>
        <div>
          <dt>Sets</dt>
          <dd>{summary.doneSets}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>{{ completed: 'Completed', partial: 'Partly done', skipped: 'Skipped', in_progress: 'In progress' }[session.status]}</dd>
        </div>
        {session.rating !== null && (
          <div>
            <dt>Rating</dt>
            <dd aria-label={`${session.rating} of 5`}>{'★'.repeat(session.rating)}</dd>
          </div>
        )}
      </dl>
      {session.notes && <p className="card">{session.notes}</p>}
      <section className="card records" aria-labelledby="records-title">
        <h2 id="records-title">Personal records</h2>
        {records.length === 0 ? (
          <p className="muted">No new records this time.</p>
        ) : (
          <ul>
            {records.map((r) => (
              <li key={`${r.exerciseId}-${r.kind}-${r.weightKg ?? ''}`}>
                <span className="pr-badge">PR</span> <strong>{nameOf(r.exerciseId)}</strong>: {RECORD_LABELS[r.kind]}{' '}
                {r.kind === 'most_reps_at_weight' ? `${r.value} reps at ${formatWeight(r.weightKg ?? 0, unit)} (was ${r.previous})` : `${formatWeight(r.value, unit)} (was ${formatWeight(r.previous, unit)})`}
              </li>
            ))}
          </ul>
        )}
      </section>
      {slots.map((slot, index) => (
        <ExerciseCard key={slot.key} slot={slot} name={nameOf(slot.exerciseId)} nameOf={nameOf} unit={unit} recordKeys={recordKeysOf(slot, recordSetIds)} index={index} count={slots.length} actions={actions} />
      ))}
    </section>
  );
}
