/**
 * The trainer's availability editor, validated before it reaches the server (whose CHECK
 * constraints and time-zone trigger say the same): weekly windows and exceptions (days off,
 * partial days).
 */
import { z } from 'zod';
import { secondsOfDay as strictSecondsOfDay } from './slots';

/** Seconds since midnight, NaN for text that is not a time (the field's own check reports it). */
function secondsOfDay(value: string): number {
  try {
    return strictSecondsOfDay(value);
  } catch {
    return Number.NaN;
  }
}

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Use a time like 09:00');

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().trim().min(1, 'Pick a time zone').refine(isKnownTimeZone, 'Not a known time zone (e.g. Europe/London)');

export const windowFormModel = z
  .object({
    dayOfWeek: z.coerce.number().int().min(0).max(6),
    startTime: time,
    endTime: time,
    timezone: timeZone,
    sessionMinutes: z.coerce.number().int('Whole minutes').min(5, 'At least 5 minutes').max(480, 'At most 8 hours'),
    breakMinutes: z.coerce.number().int('Whole minutes').min(0, 'Cannot be negative').max(240, 'At most 4 hours'),
  })
  .refine((w) => !(secondsOfDay(w.endTime) <= secondsOfDay(w.startTime)), { path: ['endTime'], message: 'The end must be after the start' })
  .refine((w) => !(secondsOfDay(w.endTime) - secondsOfDay(w.startTime) < w.sessionMinutes * 60), {
    path: ['sessionMinutes'],
    message: 'One session does not fit in this window',
  });
export type WindowForm = z.infer<typeof windowFormModel>;

export const exceptionFormModel = z
  .object({
    date: z.iso.date('Pick a date'),
    wholeDay: z.boolean(),
    startTime: time.nullable(),
    endTime: time.nullable(),
    timezone: timeZone,
    reason: z.string().trim().max(500, 'At most 500 characters'),
  })
  .refine((e) => e.wholeDay || (e.startTime !== null && e.endTime !== null && secondsOfDay(e.endTime) > secondsOfDay(e.startTime)), {
    path: ['endTime'],
    message: 'The end must be after the start',
  });
export type ExceptionForm = z.infer<typeof exceptionFormModel>;

/** The first message per field, for the form. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Monday 07:00–12:00, 60-min sessions, 15-min breaks (Europe/London)". */
export function describeWindow(w: {
  day_of_week: number;
  start_time: string;
  end_time: string;
  session_minutes: number;
  break_minutes: number;
  timezone: string;
}): string {
  const hhmm = (t: string) => t.slice(0, 5);
  const breaks = w.break_minutes > 0 ? `, ${w.break_minutes}-min breaks` : '';
  return `${DAY_NAMES[w.day_of_week] ?? '?'} ${hhmm(w.start_time)}–${hhmm(w.end_time)}, ${w.session_minutes}-min sessions${breaks} (${w.timezone})`;
}

/** The existing window the new one would overlap (same day and zone), or null. The server refuses the same (23P01). */
export function overlappingWindow<W extends { day_of_week: number; start_time: string; end_time: string; timezone: string }>(
  form: Pick<WindowForm, 'dayOfWeek' | 'startTime' | 'endTime' | 'timezone'>,
  windows: readonly W[],
): W | null {
  const start = secondsOfDay(form.startTime);
  const end = secondsOfDay(form.endTime);
  return (
    windows.find(
      (w) =>
        w.day_of_week === form.dayOfWeek &&
        w.timezone === form.timezone &&
        secondsOfDay(w.start_time.slice(0, 5)) < end &&
        start < secondsOfDay(w.end_time.slice(0, 5)),
    ) ?? null
  );
}

/** Every time zone this device knows, for a picker; `current` first in the list when it is not among them. */
export function timeZoneChoices(current: string): string[] {
  let zones: string[];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = zones.includes('UTC') ? zones : [...zones, 'UTC'];
  return all.includes(current) ? all : [current, ...all];
}
