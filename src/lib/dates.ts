/**
 * Dates and times in words, one style for the whole app, in the device's language: a day is
 * "2 Dec" ("Dec 2" in American English), with the year only when it is not this year's, and
 * optionally the weekday ("Tue 2 Dec") or the time ("2 Dec, 10:00"). Screens never call
 * toLocaleDateString() themselves (that gave "12/2/2026" on one screen and "2 Dec 2026" on the next).
 */

export type DateStyle = {
  /** "Tue 2 Dec". */
  weekday?: boolean;
  /** "2 Dec, 10:00". */
  time?: boolean;
  /** The year is shown when it differs from now's (or always). */
  year?: 'auto' | 'always';
  /** IANA zone the day and time are read in (the device's by default). */
  timeZone?: string;
  /** BCP 47 language; the device's by default. */
  locale?: string;
  /** "Now", for the year rule. */
  now?: Date;
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** The language used when a call names none: the device's (undefined), or what tests fix. */
let defaultLocale: string | undefined;

/** For tests: one language whatever the machine's. The app never calls it. */
export function setDefaultDateLocale(locale: string | undefined): void {
  defaultLocale = locale;
}

function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

function yearOf(date: Date, timeZone: string | undefined): string {
  return formatter('en-US', { year: 'numeric', timeZone }).format(date);
}

/** A day (and optionally weekday and time) in the app's one style; "—" for a missing or invalid date. */
export function formatDate(at: Date | string | number | null | undefined, style: DateStyle = {}): string {
  if (at === null || at === undefined) return '—';
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return '—';
  const { timeZone } = style;
  const locale = style.locale ?? defaultLocale;
  const showYear = style.year === 'always' || yearOf(date, timeZone) !== yearOf(style.now ?? new Date(), timeZone);
  const options: Intl.DateTimeFormatOptions = {
    day: 'numeric',
    month: 'short',
    ...(showYear ? { year: 'numeric' } : {}),
    ...(style.weekday ? { weekday: 'short' } : {}),
    timeZone,
  };
  // Intl puts a comma after the weekday in English ("Tue, 2 Dec"); the app writes "Tue 2 Dec".
  const day = formatter(locale, options)
    .format(date)
    .replace(/^([^\d\s,]+),\s/, '$1 ');
  if (!style.time) return day;
  return `${day}, ${formatTime(date, { timeZone, locale })}`;
}

/** "10:00" (or "10:00 AM" where the language writes it so). */
export function formatTime(at: Date | string | number, style: Pick<DateStyle, 'timeZone' | 'locale'> = {}): string {
  const date = at instanceof Date ? at : new Date(at);
  return formatter(style.locale ?? defaultLocale, { hour: '2-digit', minute: '2-digit', timeZone: style.timeZone }).format(date);
}
