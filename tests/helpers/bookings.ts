/**
 * Helpers for the booking and credit tests (issue 9): trainers and clients signed in through the
 * real Auth server, their availability and prices set the way the trainer's device would
 * (through /rest/v1 with the trainer's JWT), calls of the server functions through /rest/v1 that
 * return the refusal code, and SQL checks of the ledger as the superuser.
 */
import { randomUUID } from 'node:crypto';
import type { PostgrestError, SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import type { TestStack } from './stack.js';
import { connectTrainerAndClient, createUser, type TestUser } from './users.js';

export type Db = pg.Pool;

export function openDb(stack: Pick<TestStack, 'superuserUrl'>, max = 4): Db {
  const db = new pg.Pool({ connectionString: stack.superuserUrl, max });
  db.on('error', () => undefined); // idle connections closed by the stack's shutdown
  return db;
}

export const key = (): string => randomUUID();

/** The machine code of a refusal ("slot_taken: ..." → "slot_taken"), or the SQLSTATE otherwise. */
export function refusalCode(error: Pick<PostgrestError, 'message' | 'code'> | null): string | null {
  if (!error) return null;
  const match = /^([a-z_]+): /.exec(error.message);
  return match?.[1] ?? error.code;
}

export type RpcOutcome<T> = { data: T | null; error: PostgrestError | null; code: string | null };

/** Calls a server function through /rest/v1/rpc with the client's JWT. */
export async function rpc<T = Record<string, unknown>>(
  client: SupabaseClient,
  fn: string,
  args: Record<string, unknown>,
): Promise<RpcOutcome<T>> {
  const { data, error } = await client.rpc(fn, args);
  return { data: (data as T | null) ?? null, error, code: refusalCode(error) };
}

/** Like rpc(), but throws on any refusal. */
export async function rpcOk<T = Record<string, unknown>>(client: SupabaseClient, fn: string, args: Record<string, unknown>): Promise<T> {
  const outcome = await rpc<T>(client, fn, args);
  if (outcome.error) throw new Error(`${fn} failed: ${outcome.error.message} (${outcome.error.code})`);
  return outcome.data as T;
}

export type BookingRow = {
  id: string;
  trainer_id: string;
  client_id: string | null;
  starts_at: string;
  ends_at: string;
  status: string;
  credits_spent: number;
  cancellation_policy: string | null;
  cancel_reason: string | null;
  notes: string | null;
};

export type BookResult = { booking: BookingRow; balance: number; free_trial: boolean; replayed: boolean };
export type CancelResult = {
  booking: BookingRow;
  refunded: number;
  refund_refused: string | null;
  balance: number | null;
  replayed: boolean;
};

/** Creates users in parallel (sign-up through the local Auth server, as a device does). */
export async function createUsers(stack: TestStack, role: 'client' | 'trainer', count: number, label: string = role): Promise<TestUser[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => createUser(stack, { role, fullName: `${label} ${i + 1}` })));
}

/** Connects every client to every trainer (invitation + accept_invitation), in parallel per trainer. */
export async function connectAll(trainers: TestUser[], clients: TestUser[]): Promise<void> {
  for (const trainer of trainers) {
    await Promise.all(clients.map((client) => connectTrainerAndClient(trainer, client)));
  }
}

export type WindowInput = {
  dayOfWeek: number;
  startTime: string;
  endTime: string;
  timezone?: string;
  sessionMinutes?: number;
  breakMinutes?: number;
};

/** The trainer's device writes weekly windows (RLS lets a trainer write their own). */
export async function addWindows(trainer: TestUser, windows: WindowInput[]): Promise<void> {
  const { error } = await trainer.client.from('trainer_availability').insert(
    windows.map((w) => ({
      trainer_id: trainer.id,
      day_of_week: w.dayOfWeek,
      start_time: w.startTime,
      end_time: w.endTime,
      timezone: w.timezone ?? 'UTC',
      session_minutes: w.sessionMinutes ?? 60,
      break_minutes: w.breakMinutes ?? 0,
    })),
  );
  if (error) throw new Error(`availability insert failed: ${error.message}`);
}

/** Every day of the week, the whole day (00:00-24:00) in the given zone. */
export async function addAllDayWindows(trainer: TestUser, sessionMinutes: number, timezone = 'UTC'): Promise<void> {
  await addWindows(
    trainer,
    Array.from({ length: 7 }, (_, day) => ({ dayOfWeek: day, startTime: '00:00', endTime: '24:00', timezone, sessionMinutes })),
  );
}

export type PricingInput = {
  cancellationPolicy?: 'always_free' | 'up_to_12h' | 'up_to_24h';
  singleCents?: number;
  fivePackCents?: number | null;
  tenPackCents?: number | null;
  freeTrialSession?: boolean;
  trialSessionsPerWeek?: number;
};

export async function setPricing(trainer: TestUser, pricing: PricingInput): Promise<void> {
  const { error } = await trainer.client.from('trainer_pricing').insert({
    trainer_id: trainer.id,
    currency: 'GBP',
    offers_single: true,
    single_session_price_cents: pricing.singleCents ?? 5000,
    offers_five_pack: pricing.fivePackCents !== null,
    five_pack_price_cents: pricing.fivePackCents === null ? null : (pricing.fivePackCents ?? 22500),
    offers_ten_pack: pricing.tenPackCents !== null,
    ten_pack_price_cents: pricing.tenPackCents === null ? null : (pricing.tenPackCents ?? 40000),
    cancellation_policy: pricing.cancellationPolicy ?? 'up_to_24h',
    free_trial_session: pricing.freeTrialSession ?? false,
    trial_sessions_per_week: pricing.trialSessionsPerWeek ?? 0,
  });
  if (error) throw new Error(`pricing insert failed: ${error.message}`);
}

/** An admin's adjustment (what the dashboard would write): credits in the client's bucket with a trainer. */
export async function addCredits(db: Db, clientId: string, trainerId: string | null, credits: number): Promise<void> {
  await db.query(
    `insert into public.credit_ledger (client_id, trainer_id, delta, reason, note) values ($1, $2, $3, 'adjustment', 'test setup')`,
    [clientId, trainerId, credits],
  );
}

/** Ledger sums per bucket of one client, by SQL: {platform, [trainerId]: n}. */
export async function bucketSums(db: Db, clientId: string): Promise<Record<string, number>> {
  const { rows } = await db.query<{ bucket: string; total: number }>(
    `select coalesce(trainer_id::text, 'platform') as bucket, sum(delta)::int as total
     from public.credit_ledger where client_id = $1 and not deleted group by trainer_id`,
    [clientId],
  );
  return Object.fromEntries(rows.map((r) => [r.bucket, r.total]));
}

/** What a client can spend with a trainer, by SQL: platform bucket + the trainer's bucket. */
export async function usableBalance(db: Db, clientId: string, trainerId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select coalesce(sum(delta), 0)::int as n from public.credit_ledger
     where client_id = $1 and (trainer_id is null or trainer_id = $2) and not deleted`,
    [clientId, trainerId],
  );
  return rows[0]?.n ?? 0;
}

/** Buckets (client, trainer) whose sum is below zero: must always be none. */
export async function negativeBuckets(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from (
       select client_id, trainer_id from public.credit_ledger where not deleted
       group by client_id, trainer_id having sum(delta) < 0) b`,
  );
  return rows[0]?.n ?? 0;
}

/** Pairs of active bookings that overlap for one trainer or one client: must always be none. */
export async function overlappingBookings(db: Db): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n
     from public.bookings a join public.bookings b
       on a.id < b.id and a.during && b.during
      and (a.trainer_id = b.trainer_id or (a.kind = 'one_to_one' and b.kind = 'one_to_one' and a.client_id = b.client_id))
     where a.status in ('requested', 'scheduled', 'confirmed') and not a.deleted
       and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted`,
  );
  return rows[0]?.n ?? 0;
}

/** ISO text of an instant, as PostgREST's JSON renders timestamptz compared by instant. */
export const instant = (value: string | Date): number => new Date(value).getTime();

export function utcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return utcDate(d);
}
