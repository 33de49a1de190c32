/**
 * The device's read-only replica of its user's bookings and credits, in a small Dexie database
 * per user (never an RxDB collection: the synced model already uses the 12 RxDB allows, and
 * devices never write these tables: server functions do). Refreshed from Supabase when online
 * (sign-in, back online, a request of the outbox finished, a Realtime poke); read offline.
 *
 * What it keeps:
 * - bookings the user is in (as client or trainer), from 120 days ago on;
 * - the client's credit ledger, payments and live subscription with its plan;
 * - people: the client's active trainers (with their prices and cancellation policy), or the
 *   trainer's clients;
 * - free slots of each of the client's trainers for the next 4 weeks, as bookable_slots()
 *   answered (a client cannot see other clients' bookings, so the device cannot derive them);
 * - the trainer's own weekly windows and exceptions.
 * A refresh replaces everything at once, and only when every read succeeded, so the copy is
 * never half old, half new.
 */
import Dexie, { liveQuery, type EntityTable } from 'dexie';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { readPages } from '@/lib/read-pages';
import { getSupabase } from '@/lib/supabase';
import type { OutboxRecord } from '@/sync';
import { syncStatus } from '@/sync/status-store';
import { bookingModel, cancellationPolicyModel, paymentModel, type Booking } from './model';
import { isBookingOutboxFunction } from './outbox-outcome';

const instant = z.iso.datetime({ offset: true });
const id = z.uuid();

export const ledgerRowModel = z.object({
  id,
  client_id: id,
  trainer_id: id.nullable(),
  delta: z.number().int(),
  reason: z.enum(['grant', 'purchase', 'spend', 'refund', 'adjustment']),
  booking_id: id.nullable(),
  payment_id: id.nullable(),
  period_key: z.string().nullable(),
  note: z.string().nullable(),
  created_at: instant,
});
export type LedgerRow = z.infer<typeof ledgerRowModel>;

export const paymentRowModel = paymentModel.extend({ description: z.string().nullable() });
export type PaymentRow = z.infer<typeof paymentRowModel>;

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

export const windowRowModel = z.object({
  id,
  trainer_id: id,
  day_of_week: z.number().int().min(0).max(6),
  start_time: z.string(),
  end_time: z.string(),
  timezone: z.string(),
  session_minutes: z.number().int(),
  break_minutes: z.number().int(),
  effective_from: z.string().nullable(),
  effective_until: z.string().nullable(),
});
export type WindowRow = z.infer<typeof windowRowModel>;

export const exceptionRowModel = z.object({
  id,
  trainer_id: id,
  exception_date: z.string(),
  start_time: z.string().nullable(),
  end_time: z.string().nullable(),
  timezone: z.string(),
  reason: z.string().nullable(),
});
export type ExceptionRow = z.infer<typeof exceptionRowModel>;

export type PlanInfo = { key: 'plan'; planName: string; status: string; freeMeetingsPerMonth: number; periodEnd: string } | null;
type MetaRow = { key: string; value: unknown };

export type BookingReplicaDb = Dexie & {
  bookings: EntityTable<Booking, 'id'>;
  ledger: EntityTable<LedgerRow, 'id'>;
  payments: EntityTable<PaymentRow, 'id'>;
  people: EntityTable<Person, 'id'>;
  slots: EntityTable<SlotRow, 'key'>;
  windows: EntityTable<WindowRow, 'id'>;
  exceptions: EntityTable<ExceptionRow, 'id'>;
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
    databases.set(userId, db);
  }
  return db;
}

export type ReplicaRole = 'client' | 'trainer' | 'admin';
/** Days of free slots fetched ahead (bookable_slots allows up to 93). */
export const SLOT_DAYS_AHEAD = 28;
const BOOKINGS_SINCE_DAYS = 120;
const DAY_MS = 86_400_000;

function parseAll<T>(model: z.ZodType<T>, rows: unknown[] | null): T[] {
  const parsed: T[] = [];
  for (const raw of rows ?? []) {
    const result = model.safeParse(raw);
    if (result.success) parsed.push(result.data);
  }
  return parsed;
}

class ReadFailed extends Error {}

function must<T>(what: string, result: { data: T | null; error: { message: string } | null }): T {
  if (result.error || result.data === null) throw new ReadFailed(`${what}: ${result.error?.message ?? 'no data'}`);
  return result.data;
}

const PAYMENT_COLUMNS =
  'id, client_id, trainer_id, purpose, amount_cents, currency, provider, provider_ref, status, credits_purchased, paid_at, created_at, description';
const PRICING_COLUMNS =
  'trainer_id, currency, offers_single, single_session_price_cents, offers_five_pack, five_pack_price_cents, offers_ten_pack, ten_pack_price_cents, cancellation_policy, free_trial_session';

type PricingRow = {
  trainer_id: string;
  currency: string;
  offers_single: boolean;
  single_session_price_cents: number | null;
  offers_five_pack: boolean;
  five_pack_price_cents: number | null;
  offers_ten_pack: boolean;
  ten_pack_price_cents: number | null;
  cancellation_policy: 'always_free' | 'up_to_12h' | 'up_to_24h';
  free_trial_session: boolean;
};

/** A pricing row as the screens read it: a price only for what is sold. */
function pricingOf(row: PricingRow): NonNullable<Person['pricing']> {
  return {
    currency: row.currency,
    single: row.offers_single ? row.single_session_price_cents : null,
    pack5: row.offers_five_pack ? row.five_pack_price_cents : null,
    pack10: row.offers_ten_pack ? row.ten_pack_price_cents : null,
    cancellationPolicy: row.cancellation_policy,
    freeTrialSession: row.free_trial_session,
  };
}

/** Reads everything the user's screens need; throws ReadFailed when any read fails. */
async function readFromServer(userId: string, role: ReplicaRole, now: Date) {
  const supabase = await getSupabase();
  const since = new Date(now.getTime() - BOOKINGS_SINCE_DAYS * DAY_MS).toISOString();
  // Paged: the API answers at most 1,000 rows a request (read-pages.ts).
  const bookingsRead = readPages(
    (from, to) =>
      supabase
        .from('bookings')
        .select(
          'id, trainer_id, client_id, kind, group_session_id, starts_at, ends_at, status, credits_spent, cancellation_policy, cancelled_at, cancel_reason, notes, server_rev',
        )
        .eq('deleted', false)
        .gte('starts_at', since)
        .order('starts_at')
        .order('id')
        .range(from, to),
    { maxRows: 5000 },
  );
  if (role === 'trainer') {
    const [bookings, links, windows, exceptions, payments, balances, ownPricing] = await Promise.all([
      bookingsRead,
      supabase.from('trainer_clients').select('client_id').eq('trainer_id', userId).eq('status', 'active').eq('deleted', false),
      supabase
        .from('trainer_availability')
        .select(
          'id, trainer_id, day_of_week, start_time, end_time, timezone, session_minutes, break_minutes, effective_from, effective_until',
        )
        .eq('trainer_id', userId)
        .eq('deleted', false)
        .order('day_of_week')
        .order('start_time'),
      supabase
        .from('availability_exceptions')
        .select('id, trainer_id, exception_date, start_time, end_time, timezone, reason')
        .eq('trainer_id', userId)
        .eq('deleted', false)
        .gte('exception_date', now.toISOString().slice(0, 10))
        .order('exception_date'),
      supabase
        .from('payments')
        .select(PAYMENT_COLUMNS)
        .eq('trainer_id', userId)
        .eq('deleted', false)
        .order('created_at', { ascending: false })
        .limit(500),
      supabase.rpc('trainer_client_balances', {}),
      supabase
        .from('trainer_pricing')
        .select(PRICING_COLUMNS + ', trial_sessions_per_week')
        .eq('trainer_id', userId)
        .eq('deleted', false)
        .limit(1),
    ]);
    const credits = new Map(
      (must('trainer_client_balances', balances) as Array<{ client_id: string; with_trainer: number; platform: number }>).map((b) => [
        b.client_id,
        { withTrainer: b.with_trainer, platform: b.platform },
      ]),
    );
    const own = (must('trainer_pricing', ownPricing) as unknown as Array<PricingRow & { trial_sessions_per_week: number }>)[0];
    const clientIds = must('trainer_clients', links)
      .map((l) => (l as { client_id: string | null }).client_id)
      .filter((x): x is string => !!x);
    const profiles = clientIds.length ? must('profiles', await supabase.from('profiles').select('id, full_name').in('id', clientIds)) : [];
    return {
      bookings: parseAll(bookingModel, must('bookings', bookings)),
      ledger: [] as LedgerRow[],
      payments: parseAll(paymentRowModel, must('payments', payments)),
      people: (profiles as Array<{ id: string; full_name: string }>).map((p) => ({
        id: p.id,
        fullName: p.full_name,
        pricing: null,
        credits: credits.get(p.id) ?? null,
      })),
      slots: [] as SlotRow[],
      windows: parseAll(windowRowModel, must('trainer_availability', windows)),
      exceptions: parseAll(exceptionRowModel, must('availability_exceptions', exceptions)),
      plan: null as PlanInfo,
      ownPricing: own ? { ...pricingOf(own), trialSessionsPerWeek: own.trial_sessions_per_week } : null,
    };
  }
  // This month's free meetings of the client's plan, granted once per month (the server's rule;
  // booking would grant them too): so the balance shown is what the client can really spend.
  await supabase.rpc('grant_monthly_credits', {});
  const [bookings, ledger, payments, links, subscription] = await Promise.all([
    bookingsRead,
    // Every entry: the balance is their sum.
    readPages((from, to) =>
      supabase
        .from('credit_ledger')
        .select('id, client_id, trainer_id, delta, reason, booking_id, payment_id, period_key, note, created_at')
        .eq('client_id', userId)
        .eq('deleted', false)
        .order('created_at')
        .order('id')
        .range(from, to),
    ),
    supabase.from('payments').select(PAYMENT_COLUMNS).eq('client_id', userId).eq('deleted', false).order('created_at').limit(500),
    supabase.from('trainer_clients').select('trainer_id').eq('client_id', userId).eq('status', 'active').eq('deleted', false),
    supabase
      .from('subscriptions')
      .select('status, current_period_end, subscription_plans(name, free_meetings_per_month)')
      .eq('client_id', userId)
      .eq('deleted', false)
      .in('status', ['trialing', 'active', 'past_due'])
      .limit(1),
  ]);
  const trainerIds = [...new Set(must('trainer_clients', links).map((l) => (l as { trainer_id: string }).trainer_id))];
  const from = now.toISOString().slice(0, 10);
  const to = new Date(now.getTime() + (SLOT_DAYS_AHEAD - 1) * DAY_MS).toISOString().slice(0, 10);
  const [profiles, pricing, ...slotLists] = await Promise.all([
    trainerIds.length ? supabase.from('profiles').select('id, full_name').in('id', trainerIds) : Promise.resolve({ data: [], error: null }),
    trainerIds.length
      ? supabase.from('trainer_pricing').select(PRICING_COLUMNS).in('trainer_id', trainerIds).eq('deleted', false)
      : Promise.resolve({ data: [], error: null }),
    ...trainerIds.map((trainerId) => readBookableSlots(supabase, trainerId, from, to)),
  ]);
  const prices = new Map((must('trainer_pricing', pricing) as PricingRow[]).map((p) => [p.trainer_id, p]));
  const people: Person[] = (must('profiles', profiles) as Array<{ id: string; full_name: string }>).map((p) => {
    const price = prices.get(p.id);
    return {
      id: p.id,
      fullName: p.full_name,
      pricing: price ? pricingOf(price) : null,
    };
  });
  const slots: SlotRow[] = [];
  slotLists.forEach((list, i) => {
    const trainerId = trainerIds[i] as string;
    for (const s of must('bookable_slots', list as { data: unknown[] | null; error: { message: string } | null }) as Array<{
      starts_at: string;
      ends_at: string;
    }>) {
      const startsAt = new Date(s.starts_at).toISOString();
      slots.push({ key: `${trainerId}/${startsAt}`, trainerId, startsAt, endsAt: new Date(s.ends_at).toISOString() });
    }
  });
  type SubscriptionRow = {
    status: string;
    current_period_end: string;
    subscription_plans: { name: string; free_meetings_per_month: number } | null;
  };
  const sub = (must('subscriptions', subscription) as unknown as SubscriptionRow[])[0];
  const plan: PlanInfo = sub?.subscription_plans
    ? {
        key: 'plan',
        planName: sub.subscription_plans.name,
        status: sub.status,
        freeMeetingsPerMonth: sub.subscription_plans.free_meetings_per_month,
        periodEnd: sub.current_period_end,
      }
    : null;
  return {
    bookings: parseAll(bookingModel, must('bookings', bookings)),
    ledger: parseAll(ledgerRowModel, must('credit_ledger', ledger)),
    payments: parseAll(paymentRowModel, must('payments', payments)),
    people,
    slots,
    windows: [] as WindowRow[],
    exceptions: [] as ExceptionRow[],
    plan,
    ownPricing: null as OwnPricing | null,
  };
}

/**
 * A trainer's free slots on local days `from`..`to`, page by page: short sessions over long
 * days pass the 1,000 rows PostgREST answers at most (5-minute slots, all day: 288 a day).
 */
export function readBookableSlots(client: SupabaseClient, trainerId: string, from: string, to: string) {
  return readPages((first, last) =>
    client.rpc('bookable_slots', { p_trainer_id: trainerId, p_from: from, p_to: to }).order('starts_at').range(first, last),
  );
}

export type RefreshResult = { ok: boolean; error?: string };

async function runRefresh(userId: string, role: ReplicaRole, now: () => Date): Promise<RefreshResult> {
  try {
    const data = await readFromServer(userId, role, now());
    const db = bookingReplicaDb(userId);
    await db.transaction('rw', [db.bookings, db.ledger, db.payments, db.people, db.slots, db.windows, db.exceptions, db.meta], async () => {
      await Promise.all([
        db.bookings.clear(),
        db.ledger.clear(),
        db.payments.clear(),
        db.people.clear(),
        db.slots.clear(),
        db.windows.clear(),
        db.exceptions.clear(),
      ]);
      await db.bookings.bulkPut(data.bookings);
      await db.ledger.bulkPut(data.ledger);
      await db.payments.bulkPut(data.payments);
      await db.people.bulkPut(data.people);
      await db.slots.bulkPut(data.slots);
      await db.windows.bulkPut(data.windows);
      await db.exceptions.bulkPut(data.exceptions);
      await db.meta.put({ key: 'plan', value: data.plan });
      await db.meta.put({ key: 'ownPricing', value: data.ownPricing });
      await db.meta.put({ key: 'refreshedAt', value: now().toISOString() });
    });
    return { ok: true };
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
    if (typeof navigator === 'undefined' || navigator.onLine) void refreshBookingReplica(userId, role);
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
  window.addEventListener('online', refresh);
  return () => {
    unsubscribe();
    window.removeEventListener('online', refresh);
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
export function watchBookingReplica(userId: string, onChange: (replica: BookingReplica) => void): () => void {
  const db = bookingReplicaDb(userId);
  const subscription = liveQuery(async (): Promise<BookingReplica> => {
    const [bookings, ledger, payments, people, slots, windows, exceptions, plan, refreshedAt, ownPricing] = await Promise.all([
      db.bookings.orderBy('starts_at').toArray(),
      db.ledger.orderBy('created_at').toArray(),
      db.payments.orderBy('created_at').toArray(),
      db.people.toArray(),
      db.slots.orderBy('startsAt').toArray(),
      db.windows.toArray(),
      db.exceptions.orderBy('exception_date').toArray(),
      db.meta.get('plan'),
      db.meta.get('refreshedAt'),
      db.meta.get('ownPricing'),
    ]);
    return {
      loaded: true,
      refreshedAt: typeof refreshedAt?.value === 'string' ? refreshedAt.value : null,
      bookings,
      ledger,
      payments,
      people,
      slots,
      windows,
      exceptions,
      plan: (plan?.value as PlanInfo | undefined) ?? null,
      ownPricing: (ownPricing?.value as OwnPricing | undefined) ?? null,
    };
  }).subscribe({ next: onChange, error: () => onChange({ ...EMPTY_REPLICA, loaded: true }) });
  return () => subscription.unsubscribe();
}
