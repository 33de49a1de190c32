/**
 * The gym-floor screen: a workout's exercises and sets, ticked one tap at a time. A planned
 * workout is a draft until the first action stores it (useWorkoutWriter.startFromDraft), so
 * there is no start step; a stored session reads its sets live from the device database.
 */
import { afterTick } from './supersets';
import { formatTime } from '@/lib/dates';
import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useWeightUnit } from '@/features/account';
import { Dialog } from '@/lib/ui/Dialog';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { ExerciseCard, type SlotActions } from './ExerciseCard';
import { ExercisePicker } from './ExercisePicker';
import { FinishDialog } from './FinishDialog';
import type { FinishForm } from './finish-form';
import { recordsBySet } from './personal-records';
import { RestTimerBar } from './RestTimerBar';
import { formatDuration, summarizeSession } from './session-summary';
import { useNow } from './useNow';
import { updateLayout, useSessionLayout } from './useSessionLayout';
import { useClientId, useExerciseSets, usePrescriptions, useSessionSets, type SessionRow } from './useWorkoutData';
import { useWorkoutWriter, type SessionStart, type SetValues } from './useWorkoutWriter';
import { draftSlots, recordKeysOf, sessionSlots, shareUnchangedSlots, type LoggedSetFields, type LoggerRow, type LoggerSlot } from './workout-model';
import { moveSlot } from './workout-plan';

type Props = {
  title: string;
  session: SessionRow | null;
  /** The planned day shown as a draft while there is no session yet. */
  plan: { programDayId: string; weekIndex: number } | null;
  onInteractive?: () => void;
};

type Picker = { mode: 'add' } | { mode: 'swap'; slot: LoggerSlot } | null;

/** Exercise cards rendered on opening (more than a phone shows); the rest follow the first paint. */
const FIRST_CARDS = 2;

function applyEdits(slots: LoggerSlot[], edits: Record<string, Partial<SetValues>>): LoggerSlot[] {
  if (Object.keys(edits).length === 0) return slots;
  return slots.map((slot) => ({ ...slot, rows: slot.rows.map((row) => (edits[row.key] ? { ...row, ...edits[row.key] } : row)) }));
}

/** Brings an exercise's card into view (the next one of a superset), once the tick has painted. */
function showSlot(slotKey: string): void {
  requestAnimationFrame(() =>
    document.getElementById(`slot-${slotKey}`)?.closest('section')?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
  );
}

export function WorkoutLogger({ title, session, plan, onInteractive }: Props) {
  const clientId = useClientId();
  const unit = useWeightUnit();
  const catalogue = useExerciseCatalogue();
  const writer = useWorkoutWriter();
  const navigate = useNavigate();
  const now = useNow(30_000, !!session);

  const prescriptions = usePrescriptions(session ? session.program_day_id : plan?.programDayId);
  const sessionSets = useSessionSets(session?.id);
  const exerciseIds = useMemo(
    () => [...(prescriptions ?? []).map((p) => p.exercise_id), ...(sessionSets ?? []).map((s) => s.exercise_id)],
    [prescriptions, sessionSets],
  );
  const history = useExerciseSets(exerciseIds) as LoggedSetFields[] | undefined;
  const layout = useSessionLayout(session?.id ?? null);
  const [draftEdits, setDraftEdits] = useState<Record<string, Partial<SetValues>>>({});
  const [picker, setPicker] = useState<Picker>(null);
  const [finishing, setFinishing] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [confirmSkip, setConfirmSkip] = useState(false);

  const loading = prescriptions === undefined || history === undefined || (session !== null && sessionSets === undefined);
  const computedSlots = useMemo(() => {
    if (loading) return null;
    if (session) return sessionSlots(session.id, (sessionSets ?? []) as LoggedSetFields[], prescriptions ?? [], history ?? [], layout);
    return applyEdits(draftSlots(prescriptions ?? [], history ?? [], unit), draftEdits);
  }, [loading, session, sessionSets, prescriptions, history, layout, draftEdits, unit]);
  // While the stored session's sets load (the draft was just stored), keep showing the rows
  // already on screen, so a quick second tap lands on a row instead of a blank moment.
  // Unchanged slots and rows keep their objects, so a tick re-renders one row, not all.
  const [shown, setShown] = useState<{ source: LoggerSlot[] | null; slots: LoggerSlot[] }>({ source: null, slots: [] });
  if (computedSlots && computedSlots !== shown.source) setShown({ source: computedSlots, slots: shareUnchangedSlots(shown.slots, computedSlots) });
  const slots = shown.slots;

  const records = useMemo(() => {
    if (!session || !sessionSets || !history) return new Set<string>();
    return new Set(recordsBySet(history, sessionSets.filter((s) => s.done) as LoggedSetFields[]).keys());
  }, [session, sessionSets, history]);

  // Actions read the latest state through a ref so the callbacks stay stable (memoised rows).
  const latest = useRef({ session, slots, history: history ?? [], plan, clientId, title });
  useLayoutEffect(() => {
    latest.current = { session, slots, history: history ?? [], plan, clientId, title };
  });
  const storing = useRef<Promise<{ sessionId: string; ids: Map<string, string> }> | null>(null);
  useEffect(() => {
    // Back to a draft (the workout was finished or discarded): the next action stores anew.
    if (!session) storing.current = null;
  }, [session]);
  useEffect(() => {
    if (!loading) onInteractive?.();
  }, [loading, onInteractive]);
  // A long workout opens with its first cards tappable at once; the others render next, in a
  // transition a tap can interrupt.
  const [allCards, setAllCards] = useState(false);
  useEffect(() => {
    if (loading || allCards) return;
    const timer = setTimeout(() => startTransition(() => setAllCards(true)), 0);
    return () => clearTimeout(timer);
  }, [loading, allCards]);
  const shownSlots = allCards ? slots : slots.slice(0, FIRST_CARDS);

  const start = useCallback((): SessionStart => {
    const { plan: p, clientId: id } = latest.current;
    return { clientId: id, programDayId: p?.programDayId ?? null, weekIndex: p?.weekIndex ?? null, name: p ? null : latest.current.title };
  }, []);

  /** The session id, storing the draft first if needed; `ids` maps draft row keys to stored ids. */
  const ensureStored = useCallback(async (): Promise<{ sessionId: string; ids: Map<string, string> }> => {
    // Rows of the draft still on screen map to their stored ids through the draft's store.
    if (storing.current) return storing.current;
    const current = latest.current.session;
    if (current) return { sessionId: current.id, ids: new Map() };
    storing.current = writer.startFromDraft(start(), latest.current.slots);
    return storing.current;
  }, [writer, start]);

  const storedSlot = (slot: LoggerSlot, ids: Map<string, string>): LoggerSlot => ({
    ...slot,
    rows: slot.rows.map((row) => (row.stored ? row : { ...row, key: ids.get(row.key) ?? row.key, stored: ids.has(row.key) })),
  });

  const actions: SlotActions = useMemo(() => {
    // In a superset the rest waits for the round's last exercise, and the next one comes into view.
    const restOf = (row: LoggerRow) => {
      const next = afterTick(latest.current.slots, row.key);
      if (next.nextSlotKey) showSlot(next.nextSlotKey);
      return next.restSeconds;
    };
    return {
      onTick: (row, values) => {
        if (row.stored) return void writer.tick(row.key, values, restOf(row));
        if (!latest.current.session && !storing.current) {
          storing.current = writer.startFromDraft(start(), latest.current.slots, { rowKey: row.key, values, restSeconds: restOf(row) });
          return;
        }
        void ensureStored().then(({ ids }) => {
          const id = ids.get(row.key);
          if (id) return writer.tick(id, values, restOf(row));
        });
      },
      onUntick: (row) => {
        if (row.stored) void writer.untick(row.key);
      },
      onChange: (row, values) => {
        if (row.stored) return writer.updateSet(row.key, values);
        if (storing.current) {
          return storing.current.then(({ ids }) => {
            const id = ids.get(row.key);
            if (id) return writer.updateSet(id, values);
          });
        }
        setDraftEdits((edits) => ({ ...edits, [row.key]: { ...edits[row.key], ...values } }));
      },
      onKind: (row, kind) => {
        if (row.stored) return void writer.setKind(row.key, kind);
        void ensureStored().then(({ ids }) => {
          const id = ids.get(row.key);
          if (id) return writer.setKind(id, kind);
        });
      },
      onNote: (row, note) => {
        if (row.stored) return void writer.setNote(row.key, note);
        void ensureStored().then(({ ids }) => {
          const id = ids.get(row.key);
          if (id) return writer.setNote(id, note);
        });
      },
      onRemove: (row) => {
        void ensureStored().then(({ ids }) => writer.removeSet(row.stored ? row.key : (ids.get(row.key) ?? row.key)));
      },
      onAddSet: (slot) => {
        void ensureStored().then(({ sessionId, ids }) => writer.addSet(sessionId, latest.current.clientId, storedSlot(slot, ids)));
      },
      onAddWarmups: (slot, steps) => {
        void ensureStored().then(({ sessionId, ids }) =>
          writer.addWarmups(sessionId, latest.current.clientId, storedSlot(slot, ids), steps),
        );
      },
      onMove: (slot, delta) => {
        const order = latest.current.slots.map((s) => s.key);
        void ensureStored().then(({ sessionId }) => updateLayout(sessionId, (layout) => ({ ...layout, order: moveSlot(order, slot.key, delta) })));
      },
      onSkip: (slot) => {
        void ensureStored().then(({ sessionId, ids }) => writer.skip(sessionId, storedSlot(slot, ids)));
      },
      onRestore: (slot) => {
        void ensureStored().then(({ sessionId }) => writer.restore(sessionId, latest.current.clientId, slot, latest.current.history));
      },
      onSwap: (slot) => setPicker({ mode: 'swap', slot }),
    };
  }, [writer, ensureStored, start]);

  async function pick(exerciseId: string) {
    const current = picker;
    setPicker(null);
    const { sessionId, ids } = await ensureStored();
    if (current?.mode === 'swap') await writer.swap(sessionId, storedSlot(current.slot, ids), exerciseId, latest.current.history, current.slot.prescription);
    else await writer.addExercise(sessionId, clientId, exerciseId, latest.current.history);
  }

  const summary = useMemo(() => summarizeSession(session?.started_at ?? new Date(now).toISOString(), (sessionSets ?? []) as LoggedSetFields[], new Date(now)), [session, sessionSets, now]);
  const doneSets = (sessionSets ?? []).filter((s) => s.done).length;

  async function finish(form: FinishForm) {
    if (!session) return;
    await writer.finish(session.id, { status: form.status, durationSeconds: Math.min(86_400, form.durationMinutes * 60), rating: form.rating, notes: form.notes || null });
    setFinishing(false);
    navigate(`/history/${session.id}`);
  }

  const nameOf = useCallback((id: string) => exerciseName(catalogue, id), [catalogue]);

  if (loading && slots.length === 0) return <p aria-busy="true">Loading your workout…</p>;
  return (
    <div className="logger">
      <header className="logger-header">
        <div>
          <h1>{title}</h1>
          <p className="muted">
            {session ? `Started ${formatTime(session.started_at)} · ${formatDuration(Math.max(1, Math.round((now - Date.parse(session.started_at)) / 1000)))}` : 'Tick a set to start'}
          </p>
        </div>
        {session && (
          <button type="button" className="primary" onClick={() => setFinishing(true)} disabled={doneSets === 0}>
            Finish
          </button>
        )}
      </header>
      {slots.length === 0 && <p className="empty">No exercises yet. Add the first one.</p>}
      {shownSlots.map((slot, index) => (
        <ExerciseCard
          key={slot.key}
          slot={slot}
          name={nameOf(slot.exerciseId)}
          nameOf={nameOf}
          unit={unit}
          recordKeys={recordKeysOf(slot, records)}
          index={index}
          count={slots.length}
          actions={actions}
        />
      ))}
      <div className="logger-actions">
        <button type="button" onClick={() => setPicker({ mode: 'add' })}>
          + Add exercise
        </button>
        {session && doneSets === 0 && (
          <button type="button" className="danger-outline" onClick={() => setConfirmDiscard(true)}>
            Discard workout
          </button>
        )}
        {!session && plan && (
          <button type="button" onClick={() => setConfirmSkip(true)}>
            Skip this workout
          </button>
        )}
      </div>
      <RestTimerBar />
      <ExercisePicker
        open={picker !== null}
        title={picker?.mode === 'swap' ? `Swap ${nameOf(picker.slot.exerciseId)}` : 'Add exercise'}
        alternativesOf={picker?.mode === 'swap' ? picker.slot.exerciseId : undefined}
        onPick={(id) => void pick(id)}
        onClose={() => setPicker(null)}
      />
      <FinishDialog open={finishing} summary={summary} unit={unit} onSave={finish} onClose={() => setFinishing(false)} />
      <Dialog open={confirmSkip} title={`Skip ${title}?`} onClose={() => setConfirmSkip(false)}>
        <p>Your program moves on to its next workout. You can undo this on Today.</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmSkip(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              setConfirmSkip(false);
              void writer.skipDay(start());
            }}
          >
            Skip workout
          </button>
        </div>
      </Dialog>
      <Dialog open={confirmDiscard} title="Discard this workout?" onClose={() => setConfirmDiscard(false)}>
        <p>No set is ticked yet. The workout and its planned sets are removed.</p>
        <div className="dialog-actions">
          <button type="button" onClick={() => setConfirmDiscard(false)}>
            Keep it
          </button>
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              setConfirmDiscard(false);
              if (session) void writer.discard(session.id, (sessionSets ?? []).map((s) => s.id));
            }}
          >
            Discard
          </button>
        </div>
      </Dialog>
    </div>
  );
}
