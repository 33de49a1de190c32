/**
 * The bookings screens' device data. Rows the server decides (bookings, the credit ledger,
 * payments, the trainer's windows and exceptions) are the sync engine's bookings replica
 * (src/sync/replicas/bookings.ts): refreshed incrementally by sync_pull on every poke, read
 * here. Beside it, a small Dexie database per user keeps what server functions compute rather
 * than store as rows, refreshed whole (it is small):
 * - people: the client's active trainers (with their prices and cancellation policy), or the
 *   trainer's clients (with their credit balances);
 * - free slots of each of the client's trainers for the next 4 weeks, as bookable_slots()
 *   answered (a client cannot see other clients' bookings, so the device cannot derive them);
 * - the client's live subscription with its plan, and the trainer's own prices.
 * A refresh of these replaces them at once, and only when every read succeeded.
 */
import Dexie, { type EntityTable } from 'dexie';
import { z } from 'zod';
import { readComputedBookingData } from './bookings-api';
import { whenEngineStarted } from '@/lib/device-store';
import type { OutboxRecord } from '@/sync';
import {
  BOOKINGS_SINCE_DAYS,
  bookingsReplica,
  watchReplica,
  type Booking,
  type ExceptionRow,
  type LedgerRow,
  type PaymentRow,
  type PersonRow,
  type ReplicaStore,
  type WindowRow,
} from '@/sync/replicas';
import { serverReachability } from '@/sync/reachability';
import { syncStatus } from '@/sync/status-store';
import { cancellationPolicyModel } from './model';
import { isBookingOutboxFunction } from './outbox-outcome';

export { ledgerRowModel, paymentRowModel, windowRowModel, exceptionRowModel } from '@/sync/replicas';
export type { LedgerRow, PaymentRow, WindowRow, ExceptionRow } from '@/sync/replicas';

const id = z.uuid();

export const personModel = z.object({
  id,
  fullName: z.string(),
  /** For the trainer's clients: credits they hold with this trainer, and plan credits usable with any (null when unknown). */
  credits: z.object({ withTrainer: z.number().int(), platform: z.number().int() }).nullable().optional(),
  /** For the client's trainers: their prices and policy (null when they have set none). */
  pricing: z
    .object({
      currency: z.string(),
      single: z.number().int().nullable(),
      pack5: z.number().int().nullable(),
      pack10: z.number().int().nullable(),
      cancellationPolicy: cancellationPolicyModel,
      freeTrialSession: z.boolean(),
    })
    .nullable(),
});
export type Person = z.infer<typeof personModel>;

/** The trainer's own prices and policy, as their pricing form edits them. */
export type OwnPricing = {
  currency: string;
  single: number | null;
  pack5: number | null;
  pack10: number | null;
  cancellationPolicy: 'always_free' | 'up_to_12h' | 'up_to_24h';
  freeTrialSession: boolean;
  trialSessionsPerWeek: number;
};

export type SlotRow = { key: string; trainerId: string; startsAt: string; endsAt: string };

export type PlanInfo = { key: 'plan'; planName: string; status: string; freeMeetingsPerMonth: number; periodEnd: string } | null;
type MetaRow = { key: string; value: unknown };

export type BookingReplicaDb = Dexie & {
  people: EntityTable<Person, 'id'>;
  slots: EntityTable<SlotRow, 'key'>;
  meta: EntityTable<MetaRow, 'key'>;
};

const databases = new Map<string, BookingReplicaDb>();

export function bookingReplicaName(userId: string): string {
  return `fitcoach-bookings-${userId.toLowerCase()}`;
}

export function bookingReplicaDb(userId: string): BookingReplicaDb {
  let db = databases.get(userId);
  if (!db) {
    db = new Dexie(bookingReplicaName(userId)) as BookingReplicaDb;
    db.version(1).stores({
      bookings: '&id, starts_at, status',
      ledger: '&id, created_at',
      payments: '&id, created_at',
      people: '&id',
      slots: '&key, trainerId, startsAt',
      windows: '&id',
      exceptions: '&id, exception_date',
      meta: '&key',
    });
    // The rows the server stores moved to the sync engine's replica (incremental).
    db.version(2).stores({ bookings: null, ledger: null, payments: null, windows: null, exceptions: null });
    databases.set(userId, db);
  }
  return db;
}

export type ReplicaRole = 'client' | 'trainer' | 'admin';
export { SLOT_DAYS_AHEAD } from './bookings-api';
const DAY_MS = 86_400_000;

export type RefreshResult = { ok: boolean; error?: string };

/** The replicated tables the bookings screens show (and the names they use). */
export const BOOKING_VIEW_TABLES: readonly string[] = [...bookingsReplica.tables.map((t) => t.table), 'profiles'];

async function runRefresh(userId: string, role: ReplicaRole, now: () => Date): Promise<RefreshResult> {
  try {
    // The stored rows (incremental, through the engine) and the computed answers, side by side.
    const engine = await whenEngineStarted();
    const [failed, data] = await Promise.all([engine?.replicas.refreshTables(BOOKING_VIEW_TABLES) ?? [], readComputedBookingData(userId, role, now())]);
    const db = bookingReplicaDb(userId);
    await db.transaction('rw', [db.people, db.slots, db.meta], async () => {
      await Promise.all([db.people.clear(), db.slots.clear()]);
      await db.people.bulkPut(data.people);
      await db.slots.bulkPut(data.slots);
      await db.meta.put({ key: 'plan', value: data.plan });
      await db.meta.put({ key: 'ownPricing', value: data.ownPricing });
      if (failed.length === 0) await db.meta.put({ key: 'refreshedAt', value: now().toISOString() });
    });
    return failed.length === 0 ? { ok: true } : { ok: false, error: `could not refresh ${failed.join(', ')}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

const refreshes = new Map<string, { running: Promise<RefreshResult>; queued: Promise<RefreshResult> | null }>();

/**
 * Fetches the user's bookings, credits, people and slots and replaces the device copy.
 * Offline or on any failed read: keeps the copy and answers ok: false. One refresh at a time
 * per user; calls during one share a single follow-up refresh (they may know of news the
 * running one started too early to see).
 */
export function refreshBookingReplica(userId: string, role: ReplicaRole, now: () => Date = () => new Date()): Promise<RefreshResult> {
  const current = refreshes.get(userId);
  if (current?.queued) return current.queued;
  const start = (): Promise<RefreshResult> => {
    const running = runRefresh(userId, role, now).finally(() => {
      const state = refreshes.get(userId);
      if (state?.running === running && !state.queued) refreshes.delete(userId);
    });
    return running;
  };
  if (!current) {
    const running = start();
    refreshes.set(userId, { running, queued: null });
    return running;
  }
  const queued = current.running.then(() => {
    const running = start();
    refreshes.set(userId, { running, queued: null });
    return running;
  });
  current.queued = queued;
  return queued;
}

/**
 * Keeps the replica fresh while the user is signed in: now (if online), whenever the browser
 * comes back online, and whenever a booking request of the outbox finishes (the server changed
 * something). Returns the function that stops it.
 */
export function keepBookingReplicaFresh(userId: string, role: ReplicaRole): () => void {
  const refresh = () => {
    if (serverReachability.getState().reachable) void refreshBookingReplica(userId, role);
  };
  const finished = (records: OutboxRecord[]) =>
    new Set(records.filter((r) => isBookingOutboxFunction(r.fn) && (r.status === 'done' || r.status === 'refused')).map((r) => r.key));
  let seen = finished(syncStatus.getState().outbox);
  const unsubscribe = syncStatus.subscribe((state) => {
    const now = finished(state.outbox);
    if ([...now].some((key) => !seen.has(key))) refresh();
    seen = now;
  });
  refresh();
  // Back in reach of the server: the engine refreshes the rows; the computed answers follow.
  let reachable = serverReachability.getState().reachable;
  const stopWatchingReachability = serverReachability.subscribe((state) => {
    if (state.reachable && !reachable) refresh();
    reachable = state.reachable;
  });
  return () => {
    unsubscribe();
    stopWatchingReachability();
  };
}

export type BookingReplica = {
  loaded: boolean;
  refreshedAt: string | null;
  bookings: Booking[];
  ledger: LedgerRow[];
  payments: PaymentRow[];
  people: Person[];
  slots: SlotRow[];
  windows: WindowRow[];
  exceptions: ExceptionRow[];
  plan: PlanInfo;
  /** The trainer's own prices (null for clients, and for a trainer who has set none). */
  ownPricing: OwnPricing | null;
};

export const EMPTY_REPLICA: BookingReplica = {
  loaded: false,
  refreshedAt: null,
  bookings: [],
  ledger: [],
  payments: [],
  people: [],
  slots: [],
  windows: [],
  exceptions: [],
  plan: null,
  ownPricing: null,
};

/** Live view of the whole device copy (small: weeks of bookings, one client's ledger). */
export function watchBookingReplica(
  userId: string,
  onChange: (replica: BookingReplica) => void,
  now: () => Date = () => new Date(),
): () => void {
  const db = bookingReplicaDb(userId);
  // The computed answers' store is read in the same live query: a change to either re-runs it.
  const read = async (rows: ReplicaStore): Promise<BookingReplica> => {
    const since = new Date(now().getTime() - BOOKINGS_SINCE_DAYS * DAY_MS).toISOString();
    const today = now().toISOString().slice(0, 10);
    const [bookings, ledger, payments, people, slots, windows, exceptions, plan, refreshedAt, ownPricing] = await Promise.all([
      rows.rows('bookings').where('starts_at').aboveOrEqual(since).toArray() as Promise<unknown[]> as Promise<Booking[]>,
      rows.rows('credit_ledger').where('client_id').equals(userId).sortBy('created_at') as Promise<unknown[]> as Promise<LedgerRow[]>,
      rows.rows('payments').orderBy('created_at').toArray() as Promise<unknown[]> as Promise<PaymentRow[]>,
      db.people.toArray(),
      db.slots.orderBy('startsAt').toArray(),
      rows.rows('trainer_availability').where('trainer_id').equals(userId).toArray() as Promise<unknown[]> as Promise<WindowRow[]>,
      rows.rows('availability_exceptions').where('exception_date').aboveOrEqual(today).toArray() as Promise<unknown[]> as Promise<
        ExceptionRow[]
      >,
      db.meta.get('plan'),
      db.meta.get('refreshedAt'),
      db.meta.get('ownPricing'),
    ]);
    const names = new Map(((await rows.rows('profiles').toArray()) as unknown[] as PersonRow[]).map((p) => [p.id, p.full_name]));
    // RLS lets a trainer read their clients' rows and a client their trainers' hours; each
    // screen shows the user's own side, as before.
    const mine = (payment: PaymentRow) => payment.client_id === userId || payment.trainer_id === userId;
    return {
      loaded: true,
      refreshedAt: typeof refreshedAt?.value === 'string' ? refreshedAt.value : null,
      bookings,
      ledger,
      payments: payments.filter(mine),
      // One copy of everyone's name: the people replica.
      people: people.map((person) => ({ ...person, fullName: names.get(person.id) ?? person.fullName })),
      slots,
      windows,
      exceptions: exceptions.filter((e) => e.trainer_id === userId),
      plan: (plan?.value as PlanInfo | undefined) ?? null,
      ownPricing: (ownPricing?.value as OwnPricing | undefined) ?? null,
    };
  };
  return watchReplica(userId, read, onChange, { ...EMPTY_REPLICA, loaded: true });
}
