/**
 * Bookable slots from a trainer's weekly windows, the device's mirror of
 * `billing.availability_slots()` and `public.bookable_slots()` (supabase/migrations/
 * 20261125100100_availability_slots.sql), so the calendar can show slots from the offline
 * replica. The server decides: book_session refuses a time that is not one of its slots.
 *
 * Rules (the same as the SQL):
 * - A window's start and end are wall-clock times in the window's IANA time zone. Slot starts
 *   are start, start + (session + break), ... on the local wall clock, as long as start +
 *   session fits before the window's end on that wall clock.
 * - A local start that does not exist (the hour skipped in spring) gives no slot. One that
 *   exists twice (the hour repeated in autumn) gives one slot at the later instant, which is
 *   what Postgres' `timestamp at time zone` picks. A local time that does not exist, used as a
 *   window's end or an exception's bound, means the instant before the change (Postgres again).
 * - A session lasts sessionMinutes of real time and must end by the window's local end.
 * - Exceptions remove every slot that touches them: a whole local day, or a local part of it,
 *   in the exception's own time zone.
 * - bookableSlots() also removes slots that have started and slots overlapping a booking.
 */

export type AvailabilityWindow = {
  /** 0 = Sunday .. 6 = Saturday, in `timezone`. */
  dayOfWeek: number;
  /** Local time, HH:MM or HH:MM:SS. */
  startTime: string;
  /** Local time, HH:MM or HH:MM:SS; 24:00 is the end of the day. */
  endTime: string;
  timezone: string;
  sessionMinutes: number;
  breakMinutes: number;
  /** First and last local date (YYYY-MM-DD) the window applies; null: always. */
  effectiveFrom?: string | null;
  effectiveUntil?: string | null;
};

export type AvailabilityException = {
  /** Local date, YYYY-MM-DD, in `timezone`. */
  exceptionDate: string;
  /** Null with endTime for the whole day. */
  startTime: string | null;
  endTime: string | null;
  timezone: string;
};

export type TimeRange = { startsAt: Date; endsAt: Date };

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock time in `timeZone` at `instantMs`, as milliseconds of a UTC-based clock. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const at = (name: string): number => parts[name] ?? 0;
  return Date.UTC(at('year'), at('month') - 1, at('day'), at('hour'), at('minute'), at('second')) + (instantMs % 1000);
}

/**
 * Postgres' `<wall clock> at time zone <zone>`: the instant a local time denotes. Repeated
 * local times (autumn) give the later instant; skipped ones (spring) are read with the offset
 * from before the change.
 */
export function wallClockToInstantMs(wallMs: number, timeZone: string): number {
  const offsetBefore = wallClockMs(wallMs - DAY_MS, timeZone) - (wallMs - DAY_MS);
  const offsetAfter = wallClockMs(wallMs + DAY_MS, timeZone) - (wallMs + DAY_MS);
  const candidates = [wallMs - offsetBefore, wallMs - offsetAfter].filter((t) => wallClockMs(t, timeZone) === wallMs);
  return candidates.length ? Math.max(...candidates) : wallMs - offsetBefore;
}

/** Whether the local time exists in the zone (false in the hour skipped in spring). */
export function wallClockExists(wallMs: number, timeZone: string): boolean {
  return wallClockMs(wallClockToInstantMs(wallMs, timeZone), timeZone) === wallMs;
}

/** Seconds since midnight of "HH:MM" or "HH:MM:SS". */
export function secondsOfDay(time: string): number {
  const match = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(time);
  if (!match) throw new Error(`not a time of day: ${time}`);
  return Number(match[1]) * 3600 + Number(match[2]) * 60 + Number(match[3] ?? 0);
}

function dateMs(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: ${date}`);
  return ms;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function overlaps(a: TimeRange, startMs: number, endMs: number): boolean {
  return a.startsAt.getTime() < endMs && startMs < a.endsAt.getTime();
}

function exceptionRange(e: AvailabilityException): TimeRange {
  const day = dateMs(e.exceptionDate);
  const start = wallClockToInstantMs(day + secondsOfDay(e.startTime ?? '00:00') * 1000, e.timezone);
  const end =
    e.endTime === null
      ? wallClockToInstantMs(day + DAY_MS, e.timezone)
      : wallClockToInstantMs(day + secondsOfDay(e.endTime) * 1000, e.timezone);
  return { startsAt: new Date(start), endsAt: new Date(end) };
}

/** Every slot of the windows on local dates from..to (inclusive, YYYY-MM-DD), minus exceptions. */
export function availabilitySlots(
  windows: AvailabilityWindow[],
  exceptions: AvailabilityException[],
  from: string,
  to: string,
): TimeRange[] {
  const exceptionRanges = exceptions.map(exceptionRange);
  const seen = new Set<string>();
  const slots: TimeRange[] = [];
  for (let day = dateMs(from); day <= dateMs(to); day += DAY_MS) {
    const date = isoDate(day);
    const dayOfWeek = new Date(day).getUTCDay();
    for (const w of windows) {
      if (w.dayOfWeek !== dayOfWeek) continue;
      if (w.effectiveFrom && date < w.effectiveFrom) continue;
      if (w.effectiveUntil && date > w.effectiveUntil) continue;
      const startSec = secondsOfDay(w.startTime);
      const endSec = secondsOfDay(w.endTime);
      const last = Math.floor(((endSec - startSec) / 60 - w.sessionMinutes) / (w.sessionMinutes + w.breakMinutes));
      const windowEnd = wallClockToInstantMs(day + endSec * 1000, w.timezone);
      for (let k = 0; k <= last; k += 1) {
        const localStart = day + (startSec + k * (w.sessionMinutes + w.breakMinutes) * 60) * 1000;
        const start = wallClockToInstantMs(localStart, w.timezone);
        if (wallClockMs(start, w.timezone) !== localStart) continue; // skipped in spring
        const end = start + w.sessionMinutes * 60_000;
        if (end > windowEnd) continue;
        if (exceptionRanges.some((r) => overlaps(r, start, end))) continue;
        const id = `${start}/${end}`;
        if (seen.has(id)) continue;
        seen.add(id);
        slots.push({ startsAt: new Date(start), endsAt: new Date(end) });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.endsAt.getTime() - b.endsAt.getTime());
}

export type BookableSlotsInput = {
  windows: AvailabilityWindow[];
  exceptions: AvailabilityException[];
  /** Active bookings of the trainer (requested, scheduled, confirmed; group blocks included). */
  booked: TimeRange[];
  from: string;
  to: string;
  now: Date;
};

/** What bookable_slots() returns: slots that have not started and overlap no booking. */
export function bookableSlots({ windows, exceptions, booked, from, to, now }: BookableSlotsInput): TimeRange[] {
  return availabilitySlots(windows, exceptions, from, to).filter(
    (slot) => slot.startsAt.getTime() > now.getTime() && !booked.some((b) => overlaps(b, slot.startsAt.getTime(), slot.endsAt.getTime())),
  );
}
