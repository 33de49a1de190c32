/**
 * The client's next session for the dashboard: read with supabase-js when online and kept in
 * localStorage per user, so the dashboard shows it offline too. (The bookings feature keeps
 * the full replica; the dashboard needs one row and must not wait for that chunk.)
 */
import { z } from 'zod';
import { getSupabase } from '@/lib/supabase';

export const nextBookingModel = z.object({
  id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  status: z.string(),
  trainer_id: z.string(),
});
export type NextBooking = z.infer<typeof nextBookingModel>;

const key = (userId: string) => `fitcoach.next-booking.${userId}`;

export function cachedNextBooking(userId: string, now: Date = new Date()): NextBooking | null {
  try {
    const parsed = nextBookingModel.nullable().safeParse(JSON.parse(localStorage.getItem(key(userId)) ?? 'null'));
    if (!parsed.success || !parsed.data) return null;
    return Date.parse(parsed.data.ends_at) > now.getTime() ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function refreshNextBooking(userId: string): Promise<NextBooking | null | undefined> {
  const supabase = await getSupabase();
  const { data, error } = await supabase
    .from('bookings')
    .select('id, starts_at, ends_at, status, trainer_id')
    .eq('client_id', userId)
    .in('status', ['requested', 'scheduled', 'confirmed'])
    .eq('deleted', false)
    .gt('ends_at', new Date().toISOString())
    .order('starts_at')
    .limit(1);
  if (error || !data) return undefined;
  const parsed = nextBookingModel.safeParse(data[0]);
  const next = parsed.success ? parsed.data : null;
  try {
    localStorage.setItem(key(userId), JSON.stringify(next));
  } catch {
    // Storage unavailable: shown for this visit only.
  }
  return next;
}
