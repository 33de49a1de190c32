import { bookableSlots } from './slots';

/**
 * What the calendars show, from the device's replica and the outbox: free slots of a trainer
 * (as bookable_slots() last answered, minus the past and minus what this device has booked or
 * is about to book), the user's bookings, and requests still waiting in the outbox.
 */

export type CalendarBooking = {
  id: string;
  trainer_id: string;
  client_id: string | null;
  kind: 'one_to_one' | 'group';
  starts_at: string;
  ends_at: string;
  status: 'requested' | 'scheduled' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
};

export type CachedSlot = { trainerId: string; startsAt: string; endsAt: string };

/** An outbox request as far as the calendar cares. */
export type QueuedRequest = {
  key: string;
  fn: string;
  args: Record<string, unknown>;
  status: 'pending' | 'sending' | 'done' | 'refused';
  label: string;
};

/** A request about this booking waits in the outbox. */
export type BookingChange = 'cancelling' | 'moving' | 'answering';

export type CalendarEntry =
  | { kind: 'free'; id: string; trainerId: string; start: Date; end: Date }
  | { kind: 'booking'; id: string; booking: CalendarBooking; start: Date; end: Date; change: BookingChange | null }
  | { kind: 'pending'; id: string; trainerId: string; start: Date; end: Date; label: string };

const ACTIVE = new Set(['requested', 'scheduled', 'confirmed']);

export function isActiveBooking(b: Pick<CalendarBooking, 'status'>): boolean {
  return ACTIVE.has(b.status);
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

const waiting = (r: QueuedRequest) => r.status === 'pending' || r.status === 'sending';

/** Bookings the outbox has not sent yet, placed where they will go (slot length from the cache). */
function pendingBookings(
  requests: readonly QueuedRequest[],
  slots: readonly CachedSlot[],
): Array<Extract<CalendarEntry, { kind: 'pending' }>> {
  const out: Array<Extract<CalendarEntry, { kind: 'pending' }>> = [];
  for (const r of requests) {
    if (!waiting(r) || (r.fn !== 'book_session' && r.fn !== 'request_booking')) continue;
    const trainerId = String(r.args.p_trainer_id ?? '');
    const start = new Date(String(r.args.p_starts_at ?? ''));
    if (Number.isNaN(start.getTime())) continue;
    const slot = slots.find((s) => s.trainerId === trainerId && new Date(s.startsAt).getTime() === start.getTime());
    const end = slot ? new Date(slot.endsAt) : new Date(start.getTime() + 3_600_000);
    out.push({ kind: 'pending', id: `pending:${r.key}`, trainerId, start, end, label: r.label });
  }
  return out;
}

/**
 * The client's calendar for one trainer: their bookings with anyone (a clash is a clash), the
 * requests waiting to be sent, and the trainer's free slots that clash with none of those and
 * have not started.
 */
export function clientCalendar(input: {
  trainerId: string;
  slots: readonly CachedSlot[];
  bookings: readonly CalendarBooking[];
  requests: readonly QueuedRequest[];
  now: Date;
}): CalendarEntry[] {
  const { trainerId, slots, bookings, requests, now } = input;
  const changing = new Map<string, 'cancelling' | 'moving'>();
  for (const r of requests) {
    if (!waiting(r)) continue;
    if (r.fn === 'cancel_booking') changing.set(String(r.args.p_booking_id), 'cancelling');
    if (r.fn === 'reschedule_booking') changing.set(String(r.args.p_booking_id), 'moving');
  }
  const active = bookings.filter(isActiveBooking);
  const pending = pendingBookings(requests, slots);
  const taken = [
    ...active
      .filter((b) => changing.get(b.id) !== 'cancelling')
      .map((b) => [new Date(b.starts_at).getTime(), new Date(b.ends_at).getTime()] as const),
    ...pending.map((p) => [p.start.getTime(), p.end.getTime()] as const),
  ];
  const free: CalendarEntry[] = slots
    .filter((s) => s.trainerId === trainerId)
    .map((s) => ({ start: new Date(s.startsAt), end: new Date(s.endsAt) }))
    .filter((s) => s.start.getTime() > now.getTime() && !taken.some(([a, b]) => overlaps(a, b, s.start.getTime(), s.end.getTime())))
    .map((s) => ({ kind: 'free', id: `free:${trainerId}:${s.start.toISOString()}`, trainerId, start: s.start, end: s.end }));
  const mine: CalendarEntry[] = active.map((b) => ({
    kind: 'booking',
    id: b.id,
    booking: b,
    start: new Date(b.starts_at),
    end: new Date(b.ends_at),
    change: changing.get(b.id) ?? null,
  }));
  return [...mine, ...pending, ...free].sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** The trainer's calendar: every booking that holds time or happened (not cancelled). */
export function trainerCalendar(bookings: readonly CalendarBooking[], requests: readonly QueuedRequest[]): CalendarEntry[] {
  const changing = new Map<string, BookingChange>();
  for (const r of requests) {
    if (!waiting(r)) continue;
    const id = String(r.args.p_booking_id);
    if (r.fn === 'respond_to_booking_request') changing.set(id, 'answering');
    if (r.fn === 'cancel_booking') changing.set(id, 'cancelling');
    if (r.fn === 'reschedule_booking') changing.set(id, 'moving');
  }
  return bookings
    .filter((b) => b.status !== 'cancelled')
    .map((b) => ({
      kind: 'booking' as const,
      id: b.id,
      booking: b,
      start: new Date(b.starts_at),
      end: new Date(b.ends_at),
      change: changing.get(b.id) ?? null,
    }))
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}

export type WindowLike = {
  day_of_week: number;
  start_time: string;
  end_time: string;
  timezone: string;
  session_minutes: number;
  break_minutes: number;
  effective_from: string | null;
  effective_until: string | null;
};
export type ExceptionLike = { exception_date: string; start_time: string | null; end_time: string | null; timezone: string };

/**
 * The trainer's own open slots for `days` days from `now` (UTC dates; the same rules as the
 * server's bookable_slots(), in slots.ts): what clients can book, shown in the trainer's
 * calendar so a change of hours or a day off shows at once.
 */
export function trainerOpenSlots(input: {
  trainerId: string;
  windows: readonly WindowLike[];
  exceptions: readonly ExceptionLike[];
  bookings: readonly CalendarBooking[];
  now: Date;
  days: number;
}): CalendarEntry[] {
  const { trainerId, now, days } = input;
  const from = now.toISOString().slice(0, 10);
  const to = new Date(now.getTime() + (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return bookableSlots({
    windows: input.windows.map((w) => ({
      dayOfWeek: w.day_of_week,
      startTime: w.start_time,
      endTime: w.end_time,
      timezone: w.timezone,
      sessionMinutes: w.session_minutes,
      breakMinutes: w.break_minutes,
      effectiveFrom: w.effective_from,
      effectiveUntil: w.effective_until,
    })),
    exceptions: input.exceptions.map((e) => ({
      exceptionDate: e.exception_date,
      startTime: e.start_time,
      endTime: e.end_time,
      timezone: e.timezone,
    })),
    booked: input.bookings.filter(isActiveBooking).map((b) => ({ startsAt: new Date(b.starts_at), endsAt: new Date(b.ends_at) })),
    from,
    to,
    now,
  }).map((slot) => ({
    kind: 'free' as const,
    id: `free:${trainerId}:${slot.startsAt.toISOString()}`,
    trainerId,
    start: slot.startsAt,
    end: slot.endsAt,
  }));
}
