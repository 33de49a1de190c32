/**
 * A week (or day) calendar of calendar-entries.ts entries on react-big-calendar: free slots to
 * pick, bookings, and requests waiting in the outbox. Events are focusable buttons (Enter or
 * Space picks one), times are 24-hour on the device's clock.
 */
import { format, getDay, parse, startOfWeek } from 'date-fns';
import { enGB } from 'date-fns/locale/en-GB';
import { useMemo, useState } from 'react';
import { Calendar, dateFnsLocalizer, Views, type EventProps, type HeaderProps, type View } from 'react-big-calendar';
import 'react-big-calendar/lib/css/react-big-calendar.css';
import { formatWhen, STATUS_TEXT } from './booking-text';
import type { CalendarEntry } from './calendar-entries';

const localizer = dateFnsLocalizer({
  format,
  parse,
  startOfWeek: (date: Date) => startOfWeek(date, { weekStartsOn: 1 }),
  getDay,
  locales: { 'en-GB': enGB },
});

const formats = {
  timeGutterFormat: 'HH:mm',
  eventTimeRangeFormat: ({ start }: { start: Date; end: Date }) => format(start, 'HH:mm'),
  agendaTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) => `${format(start, 'HH:mm')}–${format(end, 'HH:mm')}`,
  dayFormat: 'EEEEEE d',
  agendaDateFormat: 'EEE d MMM',
};

export type EntryTitle = (entry: CalendarEntry) => string;

/** A day column's header on two lines (weekday, date), so it fits a phone's week view. */
function DayHeader({ date }: HeaderProps) {
  return (
    <span className="cal-day">
      <span aria-hidden="true">{format(date, 'EEEEEE')}</span>
      <span aria-hidden="true" className="cal-day-number">
        {format(date, 'd')}
      </span>
      <span className="visually-hidden">{format(date, 'EEEE d MMMM')}</span>
    </span>
  );
}

/**
 * An event's content: a short word that fits a phone's week column, and the full text for
 * screen readers (the event's accessible name) and the tooltip.
 */
function makeEventContent(short: EntryTitle) {
  return function EntryEvent({ event, title }: EventProps<CalendarEntry>) {
    return (
      <>
        <span aria-hidden="true" className="cal-short">
          {short(event)}
        </span>
        <span className="visually-hidden">{title}</span>
      </>
    );
  };
}

export function BookingCalendar({
  entries,
  title,
  onPick,
  initialDate,
  label,
  shortTitle,
}: {
  entries: CalendarEntry[];
  /** A word or two for narrow columns (defaults to the title). */
  shortTitle?: EntryTitle;
  /** The event's text (also its accessible name). */
  title: EntryTitle;
  onPick: (entry: CalendarEntry) => void;
  initialDate?: Date;
  /** Accessible name of the calendar region. */
  label: string;
}) {
  const [view, setView] = useState<View>(Views.WEEK);
  const components = useMemo(() => ({ event: makeEventContent(shortTitle ?? title), week: { header: DayHeader } }), [shortTitle, title]);
  const [date, setDate] = useState<Date>(() => initialDate ?? new Date());
  const scrollToTime = useMemo(() => {
    const first = entries.find((e) => e.start.getTime() >= startOfWeek(date, { weekStartsOn: 1 }).getTime());
    const at = new Date(date);
    at.setHours(Math.max(0, (first?.start.getHours() ?? 8) - 1), 0, 0, 0);
    return at;
  }, [entries, date]);
  return (
    <section className="booking-calendar" aria-label={label}>
      <Calendar<CalendarEntry>
        localizer={localizer}
        culture="en-GB"
        events={entries}
        startAccessor="start"
        endAccessor="end"
        titleAccessor={title}
        tooltipAccessor={title}
        views={[Views.WEEK, Views.DAY, Views.AGENDA]}
        view={view}
        onView={setView}
        date={date}
        onNavigate={setDate}
        step={30}
        timeslots={2}
        scrollToTime={scrollToTime}
        formats={formats}
        onSelectEvent={onPick}
        onKeyPressEvent={(entry, event) => {
          const key = (event as unknown as KeyboardEvent).key;
          if (key === 'Enter' || key === ' ') {
            event.preventDefault();
            onPick(entry);
          }
        }}
        eventPropGetter={(entry) => ({ className: entryClass(entry) })}
        components={components}
        messages={{
          week: 'Week',
          day: 'Day',
          agenda: 'List',
          today: 'Today',
          previous: 'Back',
          next: 'Next',
          noEventsInRange: 'Nothing in these days.',
        }}
        style={{ height: 560 }}
      />
    </section>
  );
}

function entryClass(entry: CalendarEntry): string {
  if (entry.kind === 'free') return 'cal-free';
  if (entry.kind === 'pending') return 'cal-pending';
  const status = entry.booking.status;
  return `cal-booking cal-${status}${entry.change ? ' cal-changing' : ''}`;
}

/** One word per entry for a client's week view. */
export const clientEntryShortTitle: EntryTitle = (entry) => {
  if (entry.kind === 'free') return 'Free';
  if (entry.kind === 'pending') return 'Wait';
  return entry.booking.status === 'requested' ? 'Asked' : 'Yours';
};

/** Full event text for a client's calendar. */
export function clientEntryTitle(trainerName: (id: string) => string): EntryTitle {
  return (entry) => {
    if (entry.kind === 'free') return `Free: ${formatWhen(entry.start)}`;
    if (entry.kind === 'pending') return `Waiting to send: ${formatWhen(entry.start)}`;
    const change = entry.change === 'cancelling' ? ' (cancelling…)' : entry.change === 'moving' ? ' (moving…)' : '';
    return `${STATUS_TEXT[entry.booking.status]}: ${formatWhen(entry.start)} with ${trainerName(entry.booking.trainer_id)}${change}`;
  };
}
