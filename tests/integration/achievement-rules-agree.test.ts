/**
 * The server's achievement triggers and the device's rules (achievement-rules.ts) agree on
 * any history: random habit ticks (gaps, duplicates, month ends, unticks) and random sets over
 * several workouts are written to Postgres, in time order or in any order. The server holds
 * every key the device computes from the same rows; in time order, exactly those. (Grants are
 * never taken back: an untick or an earlier, heavier set arriving late leaves a grant in place
 * that the device's view of the final data would no longer give.)
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRowId } from '../../src/db/ids';
import { earnedAchievements } from '../../src/features/progress/achievement-rules';
import { addDays } from '../../src/lib/calendar';
import { createTestUser, sql } from '../helpers/device';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createExercise } from '../helpers/sync-fixtures';

let stack: TestStack;
let exercises: string[];

beforeAll(async () => {
  stack = await startTestStack();
  exercises = [await createExercise(stack, 'Back squat'), await createExercise(stack, 'Bench press')];
});

afterAll(async () => {
  await stack?.stop();
});

const tickArb = fc.record({ habit: fc.integer({ min: 0, max: 1 }), day: fc.integer({ min: 0, max: 40 }), done: fc.boolean() });
const setArb = fc.record({
  session: fc.integer({ min: 0, max: 3 }),
  exercise: fc.integer({ min: 0, max: 1 }),
  weight: fc.integer({ min: 0, max: 6 }).map((n) => 60 + n * 2.5),
  reps: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: 50 }),
  warmup: fc.boolean(),
});

type SetDraw = { session: number; exercise: number; weight: number; reps: number; minute: number; warmup: boolean };
type Session = { id: string; status: string; started_at: string };

const SET_COLUMNS = ['id', 'session_id', 'exercise_id', 'weight_kg', 'reps', 'set_kind', 'done', 'performed_at', 'set_index'] as const;

async function insertSessions(clientId: string, finishAll: boolean): Promise<Session[]> {
  const sessions = [0, 1, 2, 3].map((i) => ({
    id: newRowId(),
    status: finishAll || i % 2 === 0 ? 'completed' : 'in_progress',
    started_at: `2026-02-0${i + 1}T10:00:00.000Z`,
  }));
  for (const s of sessions) {
    await sql(stack.superuserUrl, `insert into public.workout_sessions (id, client_id, status, started_at) values ($1, $2, $3, $4)`, [
      s.id,
      clientId,
      s.status,
      s.started_at,
    ]);
  }
  return sessions;
}

function setRows(sessions: readonly Session[], sets: readonly SetDraw[]) {
  return sets.map((s, i) => ({
    id: newRowId(),
    session_id: (sessions[s.session] as Session).id,
    exercise_id: exercises[s.exercise] as string,
    weight_kg: s.weight,
    reps: s.reps,
    set_kind: s.warmup ? 'warmup' : 'working',
    done: true,
    performed_at: `2026-02-0${s.session + 1}T10:${String(s.minute).padStart(2, '0')}:00.000Z`,
    set_index: i + 1,
  }));
}

/** One insert statement for all `rows` (a device's push goes in as one). */
async function insertSetsAtOnce(rows: readonly ReturnType<typeof setRows>[number][]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map((_, i) => `(${SET_COLUMNS.map((__, j) => `$${i * SET_COLUMNS.length + j + 1}`).join(', ')})`);
  await sql(
    stack.superuserUrl,
    `insert into public.set_logs (${SET_COLUMNS.join(', ')}) values ${values.join(', ')}`,
    rows.flatMap((r) => SET_COLUMNS.map((c) => r[c])),
  );
}

async function grantedKeys(clientId: string): Promise<string[]> {
  const rows = await sql<{ key: string }>(stack.superuserUrl, `select key from public.achievements where client_id = $1 order by key`, [
    clientId,
  ]);
  return rows.map((r) => r.key);
}

describe('server and device achievement rules', () => {
  it(
    'the server holds every key the device computes, exactly those when rows arrive in time order or in one insert',
    { timeout: 180_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(tickArb, { maxLength: 40 }),
          fc.array(setArb, { maxLength: 40 }),
          fc.boolean(),
          fc.constantFrom('time order', 'any order', 'one insert'),
          async (ticks, sets, finishAll, arrival) => {
            const client = await createTestUser(stack, 'client', 'prop');
            const habits = [newRowId(), newRowId()];
            for (const [i, id] of habits.entries()) {
              await sql(
                stack.superuserUrl,
                `insert into public.habits (id, client_id, name, cadence, starts_on) values ($1, $2, $3, 'daily', '2026-01-01')`,
                [id, client.userId, `Habit ${i}`],
              );
            }
            // One row per (habit, day): the last write of a day wins, as on a device.
            const logs = new Map<string, { habit_id: string; log_date: string; done: boolean }>();
            for (const t of ticks) {
              const habitId = habits[t.habit] as string;
              const day = addDays('2026-01-20', t.day);
              const key = `${habitId}:${day}`;
              if (logs.has(key)) {
                await sql(stack.superuserUrl, `update public.habit_logs set done = $3 where habit_id = $1 and log_date = $2`, [
                  habitId,
                  day,
                  t.done,
                ]);
              } else {
                await sql(stack.superuserUrl, `insert into public.habit_logs (habit_id, log_date, done) values ($1, $2, $3)`, [
                  habitId,
                  day,
                  t.done,
                ]);
              }
              logs.set(key, { habit_id: habitId, log_date: day, done: t.done });
            }
            const sessions = await insertSessions(client.userId, finishAll);
            const rows = setRows(sessions, sets);
            // In time order, in any order (sorted by the random part of the id), or all in one
            // insert (a device's push).
            const order =
              arrival === 'any order'
                ? [...rows].sort((a, b) => a.id.slice(-12).localeCompare(b.id.slice(-12)))
                : [...rows].sort((a, b) => a.performed_at.localeCompare(b.performed_at));
            if (arrival === 'one insert') await insertSetsAtOnce(order);
            else for (const r of order) await insertSetsAtOnce([r]);
            const granted = await grantedKeys(client.userId);
            const device = earnedAchievements({
              sessions,
              sets: rows,
              habits: habits.map((id, i) => ({ id, name: `Habit ${i}`, cadence: 'daily' })),
              habitLogs: [...logs.values()],
              goals: [],
            })
              .map((a) => a.key)
              .sort();
            expect(granted).toEqual(expect.arrayContaining(device));
            const untouched = (k: string) => (arrival !== 'any order' || !k.startsWith('pr:')) && !k.startsWith('streak:');
            expect(granted.filter(untouched)).toEqual(device.filter(untouched));
            // Streak grants equal the device's when no day was ever unticked.
            const streaks = (keys: string[]) => keys.filter((k) => k.startsWith('streak:'));
            if (ticks.every((t) => t.done)) expect(streaks(granted)).toEqual(streaks(device));
          },
        ),
        { numRuns: 25 },
      );
    },
  );
  it(
    'a push of more than 20 sets in one insert grants what the device computes, also to later sets it is the baseline of',
    { timeout: 180_000 },
    async () => {
      // Earlier workouts lighter, so later sets often become records once their baseline arrives.
      const earlyArb = fc.array(
        setArb.map((s) => ({ ...s, session: s.session % 2, weight: Math.min(s.weight, 67.5) })),
        { minLength: 21, maxLength: 40 },
      );
      const lateArb = fc.array(
        setArb.map((s) => ({ ...s, session: 2 + (s.session % 2) })),
        { maxLength: 20 },
      );
      await fc.assert(
        fc.asyncProperty(earlyArb, lateArb, fc.boolean(), async (early, late, lateFirst) => {
          const client = await createTestUser(stack, 'client', 'batch');
          const sessions = await insertSessions(client.userId, true);
          const earlyRows = setRows(sessions, early);
          const lateRows = setRows(sessions, late);
          // Later workouts first: the big insert brings their baselines, and they are judged again.
          for (const batch of lateFirst ? [lateRows, earlyRows] : [earlyRows, lateRows]) await insertSetsAtOnce(batch);
          const prKeys = (keys: readonly string[]) => keys.filter((k) => k.startsWith('pr:'));
          const granted = prKeys(await grantedKeys(client.userId));
          const device = prKeys(
            earnedAchievements({ sessions, sets: [...earlyRows, ...lateRows], habits: [], habitLogs: [], goals: [] }).map((a) => a.key),
          ).sort();
          if (lateFirst) expect(granted).toEqual(expect.arrayContaining(device));
          else expect(granted).toEqual(device);
        }),
        { numRuns: 20 },
      );
    },
  );
});
