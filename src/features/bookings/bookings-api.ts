/**
 * The bookings feature's server calls: what server functions compute for its screens (people
 * with prices and credit balances, free slots, the plan, the trainer's own prices), the
 * trainer's hours and exceptions, and marking a session done. Booking itself, cancelling and
 * paying are outbox requests (useBookingReplica.ts); the stored rows come through the replica.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { readPages } from '@/lib/read-pages';
import { getSupabase } from '@/lib/supabase';
import type { ExceptionForm, WindowForm } from './availability-form';
import type { OwnPricing, Person, PlanInfo, ReplicaRole, SlotRow } from './booking-replica';

/** Days of free slots fetched ahead (bookable_slots allows up to 93). */
export const SLOT_DAYS_AHEAD = 28;
const DAY_MS = 86_400_000;

class ReadFailed extends Error {}

function must<T>(what: string, result: { data: T | null; error: { message: string } | null }): T {
  if (result.error || result.data === null) throw new ReadFailed(`${what}: ${result.error?.message ?? 'no data'}`);
  return result.data;
}

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

/**
 * Reads what server functions compute for the user's screens (people, slots, plan, prices);
 * throws ReadFailed when any read fails. The stored rows come through the replica.
 */
export async function readComputedBookingData(userId: string, role: ReplicaRole, now: Date) {
  const supabase = await getSupabase();
  if (role === 'trainer') {
    const [links, balances, ownPricing] = await Promise.all([
      supabase.from('trainer_clients').select('client_id').eq('trainer_id', userId).eq('status', 'active').eq('deleted', false),
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
    return {
      // Names come from the people replica (booking-replica.ts fills them in).
      people: [...new Set(clientIds)].map((id) => ({ id, fullName: 'Client', pricing: null, credits: credits.get(id) ?? null })),
      slots: [] as SlotRow[],
      plan: null as PlanInfo,
      ownPricing: own ? { ...pricingOf(own), trialSessionsPerWeek: own.trial_sessions_per_week } : null,
    };
  }
  // This month's free meetings of the client's plan, granted once per month (the server's rule;
  // booking would grant them too): so the balance shown is what the client can really spend.
  await supabase.rpc('grant_monthly_credits', {});
  const [links, subscription] = await Promise.all([
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
  const [pricing, ...slotLists] = await Promise.all([
    trainerIds.length
      ? supabase.from('trainer_pricing').select(PRICING_COLUMNS).in('trainer_id', trainerIds).eq('deleted', false)
      : Promise.resolve({ data: [], error: null }),
    ...trainerIds.map((trainerId) => readBookableSlots(supabase, trainerId, from, to)),
  ]);
  const prices = new Map((must('trainer_pricing', pricing) as PricingRow[]).map((p) => [p.trainer_id, p]));
  const people: Person[] = trainerIds.map((id) => {
    const price = prices.get(id);
    return { id, fullName: 'Your trainer', pricing: price ? pricingOf(price) : null };
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
  return { people, slots, plan, ownPricing: null as OwnPricing | null };
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

/** Adds one weekly window of the trainer's hours; the server's refusal in words, or null. */
export async function addAvailabilityWindow(trainerId: string, w: WindowForm): Promise<string | null> {
  const supabase = await getSupabase();
  const { error } = await supabase.from('trainer_availability').insert({
    trainer_id: trainerId,
    day_of_week: w.dayOfWeek,
    start_time: w.startTime,
    end_time: w.endTime,
    timezone: w.timezone,
    session_minutes: w.sessionMinutes,
    break_minutes: w.breakMinutes,
  });
  return error ? error.message : null;
}

/** Adds a day off or changed hours; the server's refusal in words, or null. */
export async function addAvailabilityException(trainerId: string, e: ExceptionForm): Promise<string | null> {
  const supabase = await getSupabase();
  const { error } = await supabase.from('availability_exceptions').insert({
    trainer_id: trainerId,
    exception_date: e.date,
    start_time: e.startTime,
    end_time: e.endTime,
    timezone: e.timezone,
    reason: e.reason || null,
  });
  return error ? error.message : null;
}

/** Removes a window or an exception (a soft delete, so devices hear of it). */
export async function removeAvailability(table: 'trainer_availability' | 'availability_exceptions', id: string): Promise<string | null> {
  const supabase = await getSupabase();
  const { error } = await supabase.from(table).update({ deleted: true, updated_at: new Date().toISOString() }).eq('id', id);
  return error ? error.message : null;
}

/** Marks a past session done or missed; the refusal as PostgREST answered it, or null. */
export async function markBookingStatus(bookingId: string, status: 'completed' | 'no_show') {
  const supabase = await getSupabase();
  const { error } = await supabase.rpc('mark_booking_status', { p_booking_id: bookingId, p_status: status });
  return error;
}
