/**
 * Calendar days as the client lives them. A habit is ticked for a day of the client's own
 * calendar (habit_logs.log_date), so "today" is the date in the profile's time zone, not in
 * UTC and not in the device's zone. Day arithmetic runs on YYYY-MM-DD strings through UTC
 * midnights, so daylight-saving changes can never make a day 23 or 25 hours long here.
 */
export type CalendarDay = string;

const DAY_MS = 86_400_000;

function toUtcMs(day: CalendarDay): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): CalendarDay {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The calendar day `instant` falls on in `timeZone` (an IANA name; unknown names fall back to UTC). */
export function dayIn(instant: Date, timeZone: string): CalendarDay {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  } catch {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return fromUtcMs(toUtcMs(day) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((toUtcMs(to) - toUtcMs(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(day: CalendarDay): number {
  const weekday = new Date(toUtcMs(day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** The Monday of the ISO week `day` is in. */
export function weekStart(day: CalendarDay): CalendarDay {
  return addDays(day, 1 - isoWeekday(day));
}

/** `count` consecutive days ending with `last` (oldest first). */
export function daysEndingOn(last: CalendarDay, count: number): CalendarDay[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}

/** "Mon", "Tue" … for a day. */
export function weekdayShort(day: CalendarDay): string {
  return ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][isoWeekday(day) - 1] ?? '';
}

export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtcMs(toUtcMs(value)) === value;
}
