/**
 * Every write the workout screens make, through src/db (never REST): the device database is
 * the source of truth and the sync engine sends the rows on when it can. The first tick of a
 * planned workout stores the session and all its planned sets in one go, so there is no
 * "start" step: a client can walk in and tick.
 */
import { useWeightUnit } from '@/features/account';
import { useMemo } from 'react';
import { deleteRow, editRow, insertRow, insertRows, newRowId, type DeviceDatabase } from '@/db';
import type { NewRowFields } from '@/db/writes';
import { useDeviceDatabase } from '@/lib/device-store';
import { markSetCommitted } from '@/lib/perf-marks';
import { renameSlot, withSkipped } from './session-layout';
import { updateLayout } from './useSessionLayout';
import { startRestTimer } from './useRestTimer';
import type { WeightUnit } from './units';
import { plannedRows, type LoggedSetFields, type LoggerRow, type LoggerSlot } from './workout-model';
import { slotKeyOf, type Prescription } from './workout-plan';

import type { SetKind } from './set-kinds';

export type SetValues = { weightKg: number | null; reps: number | null; rir: number | null; rpe: number | null; durationSeconds: number | null };

/** The rest after a tick: its seconds, null for the default, or false for none (a superset goes on). */
export type RestAfterTick = number | null | false;

export type SessionStart = { clientId: string; programDayId: string | null; weekIndex: number | null; name: string | null };

function setRowFields(sessionId: string, clientId: string, row: LoggerRow, now: string, done: boolean): NewRowFields<'set_logs'> & { id: string } {
  return {
    id: newRowId(),
    session_id: sessionId,
    client_id: clientId,
    exercise_id: row.exerciseId,
    program_exercise_id: row.programExerciseId,
    set_index: row.setIndex,
    set_kind: row.setKind,
    weight_kg: row.weightKg,
    reps: row.reps,
    rir: row.rir,
    rpe: row.rpe,
    duration_seconds: row.durationSeconds,
    distance_m: null,
    done,
    performed_at: now,
    notes: null,
  };
}

function createWriter(db: DeviceDatabase, unit: WeightUnit) {
  async function insertSession(start: SessionStart, startedAt: string, id: string = newRowId()): Promise<string> {
    const session = await insertRow(db, 'workout_sessions', {
      id,
      client_id: start.clientId,
      program_day_id: start.programDayId,
      name: start.name,
      status: 'in_progress',
      started_at: startedAt,
      ended_at: null,
      duration_seconds: null,
      rating: null,
      week_index: start.weekIndex,
      notes: null,
    });
    return session.id;
  }

  return {
    /** Stores a planned workout: the session and every planned set (the ticked one done). */
    async startFromDraft(
      start: SessionStart,
      slots: readonly LoggerSlot[],
      tick?: { rowKey: string; values: SetValues; restSeconds: RestAfterTick },
    ): Promise<{ sessionId: string; ids: Map<string, string> }> {
      const now = new Date().toISOString();
      const sessionId = newRowId();
      let tickedId: string | null = null;
      const ids = new Map<string, string>();
      const rows = slots.flatMap((slot) =>
        slot.rows.map((row) => {
          const ticked = row.key === tick?.rowKey;
          const fields = setRowFields(sessionId, start.clientId, ticked ? { ...row, ...tick.values } : row, now, ticked);
          ids.set(row.key, fields.id);
          if (ticked) tickedId = fields.id;
          return fields;
        }),
      );
      // The sets first: the moment the session appears (Today switches to it), its sets are
      // there, so no tap lands on a row that is not stored yet. (The sync engine pushes a set
      // that reaches the server before its session again once the session is there.)
      await insertRows(db, 'set_logs', rows);
      await insertSession(start, now, sessionId);
      if (tickedId) {
        markSetCommitted(tickedId);
        if (tick?.restSeconds !== false) startRestTimer(tick?.restSeconds, tickedId);
      }
      return { sessionId, ids };
    },

    /** Marks a planned day as skipped (a sequence moves on to the next day). */
    async skipDay(start: SessionStart): Promise<void> {
      const now = new Date().toISOString();
      await insertRow(db, 'workout_sessions', {
        client_id: start.clientId,
        program_day_id: start.programDayId,
        name: start.name,
        status: 'skipped',
        started_at: now,
        ended_at: now,
        duration_seconds: null,
        rating: null,
        week_index: start.weekIndex,
        notes: null,
      });
    },

    /** Takes a skip back: the day is planned again. */
    undoSkip(sessionId: string): Promise<void> {
      return deleteRow(db, 'workout_sessions', sessionId);
    },

    startAdHoc(clientId: string): Promise<string> {
      return insertSession({ clientId, programDayId: null, weekIndex: null, name: 'Workout' }, new Date().toISOString());
    },

    /** One tap: the set is done with the values shown, and the rest starts. */
    async tick(setId: string, values: SetValues, restSeconds: RestAfterTick): Promise<void> {
      await editRow(db, 'set_logs', setId, { done: true, performed_at: new Date().toISOString(), weight_kg: values.weightKg, reps: values.reps, rir: values.rir, rpe: values.rpe, duration_seconds: values.durationSeconds });
      markSetCommitted(setId);
      if (restSeconds !== false) startRestTimer(restSeconds, setId);
    },

    /** Marks the set a warm-up, a working, drop or failure set (warm-ups count for no record or volume). */
    setKind(setId: string, kind: SetKind): Promise<void> {
      return editRow(db, 'set_logs', setId, { set_kind: kind });
    },

    /** The lifter's note on a set (blank clears it). */
    setNote(setId: string, note: string | null): Promise<void> {
      return editRow(db, 'set_logs', setId, { notes: note });
    },

    untick(setId: string): Promise<void> {
      return editRow(db, 'set_logs', setId, { done: false });
    },

    updateSet(setId: string, values: Partial<SetValues>): Promise<void> {
      const changes: NewRowFieldsPatch = {};
      if ('weightKg' in values) changes.weight_kg = values.weightKg ?? null;
      if ('reps' in values) changes.reps = values.reps ?? null;
      if ('rir' in values) changes.rir = values.rir ?? null;
      if ('rpe' in values) changes.rpe = values.rpe ?? null;
      if ('durationSeconds' in values) changes.duration_seconds = values.durationSeconds ?? null;
      return editRow(db, 'set_logs', setId, changes);
    },

    async addSet(sessionId: string, clientId: string, slot: LoggerSlot): Promise<void> {
      const last = slot.rows.at(-1);
      const template: LoggerRow = last ?? plannedRows(slot.key, slot.exerciseId, slot.prescription, [], undefined, unit)[0]!;
      const row: LoggerRow = { ...template, exerciseId: slot.exerciseId, setIndex: (last?.setIndex ?? 0) + 1, done: false, setKind: last?.setKind === 'warmup' ? 'working' : template.setKind };
      await insertRow(db, 'set_logs', setRowFields(sessionId, clientId, row, new Date().toISOString(), false));
    },

    /** Warm-up sets before the slot's sets (which move down to make room), not done yet. */
    async addWarmups(sessionId: string, clientId: string, slot: LoggerSlot, steps: ReadonlyArray<{ weightKg: number; reps: number }>): Promise<void> {
      const template: LoggerRow = slot.rows[0] ?? plannedRows(slot.key, slot.exerciseId, slot.prescription, [], undefined, unit)[0]!;
      for (const row of slot.rows) await editRow(db, 'set_logs', row.key, { set_index: row.setIndex + steps.length });
      const now = new Date().toISOString();
      const warmup = (step: { weightKg: number; reps: number }, i: number): LoggerRow => ({ ...template, exerciseId: slot.exerciseId, setIndex: i + 1, setKind: 'warmup', weightKg: step.weightKg, reps: step.reps, rir: null, rpe: null, durationSeconds: null });
      await insertRows(db, 'set_logs', steps.map((step, i) => setRowFields(sessionId, clientId, warmup(step, i), now, false)));
    },

    removeSet(setId: string): Promise<void> {
      return deleteRow(db, 'set_logs', setId);
    },

    async addExercise(sessionId: string, clientId: string, exerciseId: string, history: readonly LoggedSetFields[]): Promise<void> {
      const key = `x:${exerciseId}`;
      const now = new Date().toISOString();
      const rows = plannedRows(key, exerciseId, null, history, sessionId, unit);
      await insertRows(db, 'set_logs', rows.map((row) => setRowFields(sessionId, clientId, row, now, false)));
      updateLayout(sessionId, (layout) => ({ ...layout, order: layout.order.length ? [...layout.order.filter((k) => k !== key), key] : layout.order }));
    },

    /** Skips what is left of an exercise (done sets stay: they were done). */
    async skip(sessionId: string, slot: LoggerSlot): Promise<void> {
      for (const row of slot.rows) if (!row.done && row.stored) await deleteRow(db, 'set_logs', row.key);
      updateLayout(sessionId, (layout) => withSkipped(layout, slot.key, true));
    },

    async restore(sessionId: string, clientId: string, slot: LoggerSlot, history: readonly LoggedSetFields[]): Promise<void> {
      const now = new Date().toISOString();
      const planned = plannedRows(slot.key, slot.exerciseId, slot.prescription, history, sessionId, unit);
      const start = slot.rows.length;
      await insertRows(db, 'set_logs', planned.map((row) => setRowFields(sessionId, clientId, { ...row, setIndex: start + row.setIndex }, now, false)));
      updateLayout(sessionId, (layout) => withSkipped(layout, slot.key, false));
    },

    /** Swaps the sets still to do for another exercise, prefilled from its last time. */
    async swap(sessionId: string, slot: LoggerSlot, exerciseId: string, history: readonly LoggedSetFields[], prescription: Prescription | null): Promise<void> {
      const todo = slot.rows.filter((r) => !r.done && r.stored);
      const planned = plannedRows(slot.key, exerciseId, prescription && prescription.exercise_id === exerciseId ? prescription : null, history, sessionId, unit);
      for (const [i, row] of todo.entries()) {
        const prefill = planned[i] ?? planned.at(-1);
        await editRow(db, 'set_logs', row.key, { exercise_id: exerciseId, weight_kg: prefill?.weightKg ?? null, reps: prefill?.reps ?? row.reps });
      }
      const newKey = slotKeyOf({ program_exercise_id: slot.prescription?.id ?? null, exercise_id: exerciseId });
      if (newKey !== slot.key) updateLayout(sessionId, (layout) => renameSlot(layout, slot.key, newKey));
    },

    finish(sessionId: string, fields: { status: 'completed' | 'partial'; durationSeconds: number; rating: number | null; notes: string | null }): Promise<void> {
      return editRow(db, 'workout_sessions', sessionId, {
        status: fields.status,
        ended_at: new Date().toISOString(),
        duration_seconds: fields.durationSeconds,
        rating: fields.rating,
        notes: fields.notes,
      });
    },

    /** Throws away a workout with nothing done (the session and its planned sets). */
    async discard(sessionId: string, setIds: readonly string[]): Promise<void> {
      for (const id of setIds) await deleteRow(db, 'set_logs', id);
      await deleteRow(db, 'workout_sessions', sessionId);
    },
  };
}

type NewRowFieldsPatch = Partial<Pick<NewRowFields<'set_logs'>, 'weight_kg' | 'reps' | 'rir' | 'rpe' | 'duration_seconds'>>;

export type WorkoutWriter = ReturnType<typeof createWriter>;

export function useWorkoutWriter(): WorkoutWriter {
  const db = useDeviceDatabase();
  const unit = useWeightUnit();
  return useMemo(() => createWriter(db, unit), [db, unit]);
}
