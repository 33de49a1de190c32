/** The progress screens' reads and writes: RxDB queries, the device-only store, units. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  deleteRow,
  editRow,
  insertRow,
  type CheckIn,
  type Goal,
  type MealPlan,
  type Measurement,
  type SetLog,
  type WorkoutSession,
} from '@/db';
import { useProfile } from '@/features/account';
import { useDeviceDatabase, useDeviceStore } from '@/lib/device-store';
import { useReplicaQuery } from '@/lib/useReplicaQuery';
import { useRxQuery } from '@/lib/useRxQuery';
import type { BodyUnits } from './body-units';
import type { Targets } from './calculator';
import type { CheckInForm } from './check-in-model';
import {
  checkInForms,
  clientAchievements,
  myClients,
  progressStore,
  refreshCheckInForms,
  refreshRosterNames,
  watch,
  type AchievementRecord,
  type PersonRecord,
  type PhotoRecord,
} from './progress-store';
import { serverInReach } from '@/sync/reachability';

/** The name of the meal plan that carries the targets a trainer sets from the calculator. */
export const DAILY_TARGETS = 'Daily targets';

export type MeasurementRow = Omit<Measurement, 'deleted'>;
export type CheckInRow = Omit<CheckIn, 'deleted'>;
export type GoalRow = Omit<Goal, 'deleted'>;
export type NewMeasurement = Omit<MeasurementRow, 'id' | 'created_at' | 'updated_at' | 'updated_by_device' | 'server_rev'>;

export function useUserId(): string {
  const userId = useDeviceStore((s) => s.userId);
  if (!userId) throw new Error('no signed-in user');
  return userId;
}

export function useBodyUnits(): BodyUnits {
  const profile = useProfile();
  return useMemo(
    () => ({ weight: profile?.weight_unit ?? 'kg', length: profile?.length_unit ?? 'cm' }),
    [profile?.weight_unit, profile?.length_unit],
  );
}

export function useTimeZone(): string {
  return useProfile()?.timezone ?? 'UTC';
}

/** A client's measurements, oldest first. */
export function useMeasurements(clientId: string): MeasurementRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<MeasurementRow>(
    () => db.rx.collections.measurements.find({ selector: { client_id: clientId }, sort: [{ measured_at: 'asc' }] }) as never,
    [db, clientId],
  );
}

/** Check-ins: a client's own (clientId), or all on the device (a trainer's clients'), newest week first. */
export function useCheckIns(clientId: string | null): CheckInRow[] | undefined {
  const db = useDeviceDatabase();
  const rows = useRxQuery<CheckInRow>(
    () =>
      (clientId
        ? db.rx.collections.check_ins.find({ selector: { client_id: clientId }, sort: [{ week_start: 'desc' }] })
        : db.rx.collections.check_ins.find()) as never,
    [db, clientId],
  );
  return useMemo(
    () => rows && [...rows].sort((a, b) => b.week_start.localeCompare(a.week_start) || b.submitted_at.localeCompare(a.submitted_at)),
    [rows],
  );
}

/** A client's workouts (the signed-in client's own, or a trainer's client's). */
export function useClientSessions(clientId: string): Array<Omit<WorkoutSession, 'deleted'>> | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<Omit<WorkoutSession, 'deleted'>>(
    () => db.rx.collections.workout_sessions.find({ selector: { client_id: clientId } }) as never,
    [db, clientId],
  );
}

/** A client's done sets, oldest first. */
export function useClientDoneSets(clientId: string): Array<Omit<SetLog, 'deleted'>> | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<Omit<SetLog, 'deleted'>>(
    () => db.rx.collections.set_logs.find({ selector: { client_id: clientId, done: true }, sort: [{ performed_at: 'asc' }] }) as never,
    [db, clientId],
  );
}

export function useGoals(clientId: string): GoalRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<GoalRow>(() => db.rx.collections.goals.find({ selector: { client_id: clientId } }) as never, [db, clientId]);
}

/** A live Dexie query of the progress store, per signed-in user. */
function useStoreQuery<T>(query: (userId: string) => Promise<T>, deps: readonly unknown[], initial: T): { value: T; loaded: boolean } {
  const userId = useUserId();
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  const key = JSON.stringify([userId, ...deps]);
  useEffect(
    () =>
      watch(
        () => query(userId),
        (value) => setState({ key, value }),
      ),
    // The key stands for userId and deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key],
  );
  return state && state.key === key ? { value: state.value, loaded: true } : { value: initial, loaded: false };
}

const NO_PHOTOS: PhotoRecord[] = [];
const NO_ACHIEVEMENTS: AchievementRecord[] = [];
const NO_FORMS: CheckInForm[] = [];
const NO_PEOPLE: PersonRecord[] = [];

export function usePhotos(clientId: string) {
  return useStoreQuery(
    (userId) => progressStore(userId).photos.where('[clientId+takenOn]').between([clientId, ''], [clientId, '\uffff']).toArray(),
    [clientId],
    NO_PHOTOS,
  );
}

export function useServerAchievements(clientId: string) {
  return useReplicaQuery(
    (store) => clientAchievements(store, clientId),
    [clientId],
    NO_ACHIEVEMENTS,
  );
}

export function useSeenAchievementKeys() {
  return useStoreQuery(async (userId) => new Set((await progressStore(userId).seen.toArray()).map((s) => s.key)), [], new Set<string>());
}

/** The trainer's active clients, from the roster and people replicas (kept fresh by the sync engine). */
export function useMyClients() {
  useEffect(() => {
    if (serverInReach()) void refreshRosterNames();
  }, []);
  return useReplicaQuery((store, id) => myClients(store, id), [], NO_PEOPLE);
}

/** Questionnaires on the device (the progress replica, kept fresh by the sync engine). */
export function useCheckInForms() {
  useEffect(() => {
    if (serverInReach()) void refreshCheckInForms();
  }, []);
  return useReplicaQuery(checkInForms, [], NO_FORMS);
}

export function useProgressWriter() {
  const db = useDeviceDatabase();
  const addMeasurement = useCallback(async (fields: NewMeasurement) => insertRow(db, 'measurements', fields), [db]);
  const removeMeasurement = useCallback(async (id: string) => deleteRow(db, 'measurements', id), [db]);
  const submitCheckIn = useCallback(
    async (fields: Omit<CheckInRow, 'id' | 'created_at' | 'updated_at' | 'updated_by_device' | 'server_rev'>) =>
      insertRow(db, 'check_ins', fields),
    [db],
  );
  const respondToCheckIn = useCallback(
    async (id: string, response: string) =>
      editRow(db, 'check_ins', id, { trainer_response: response, status: 'reviewed', reviewed_at: new Date().toISOString() }),
    [db],
  );
  const addGoal = useCallback(
    async (fields: Omit<GoalRow, 'id' | 'created_at' | 'updated_at' | 'updated_by_device' | 'server_rev'>) =>
      insertRow(db, 'goals', fields),
    [db],
  );
  const editGoal = useCallback(
    async (id: string, changes: Partial<Omit<GoalRow, 'id'>>) => editRow(db, 'goals', id, changes as never),
    [db],
  );
  const removeGoal = useCallback(async (id: string) => deleteRow(db, 'goals', id), [db]);
  /**
   * The trainer sets a client's calorie and macro targets: the client's "Daily targets" meal
   * plan by this trainer (made the first time), so they reach the client with the plans.
   */
  const setNutritionTargets = useCallback(
    async (trainerId: string, clientId: string, targets: Targets, today: string) => {
      const changes = {
        kcal_target: targets.kcal,
        protein_g_target: targets.proteinG,
        carbs_g_target: targets.carbsG,
        fat_g_target: targets.fatG,
      };
      const existing = (
        await db.rx.collections.meal_plans
          .find({ selector: { client_id: clientId, trainer_id: trainerId, name: DAILY_TARGETS, status: 'active' } })
          .exec()
      )[0];
      if (existing) return editRow(db, 'meal_plans', existing.id, changes);
      const plan: Omit<MealPlan, 'id' | 'created_at' | 'updated_at' | 'updated_by_device' | 'server_rev' | 'deleted'> = {
        trainer_id: trainerId,
        client_id: clientId,
        template_id: null,
        name: DAILY_TARGETS,
        description: 'Calorie and macro targets set from the calculator.',
        cadence: 'one_time',
        status: 'active',
        ...changes,
        starts_on: today,
        ends_on: null,
        meals: [],
      };
      await insertRow(db, 'meal_plans', plan);
    },
    [db],
  );
  return useMemo(
    () => ({ addMeasurement, removeMeasurement, submitCheckIn, respondToCheckIn, addGoal, editGoal, removeGoal, setNutritionTargets }),
    [addMeasurement, removeMeasurement, submitCheckIn, respondToCheckIn, addGoal, editGoal, removeGoal, setNutritionTargets],
  );
}
