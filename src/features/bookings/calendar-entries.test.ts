import { describe, expect, it } from 'vitest';
import {
  clientCalendar,
  trainerCalendar,
  trainerOpenSlots,
  type CachedSlot,
  type CalendarBooking,
  type QueuedRequest,
} from './calendar-entries';

const T = 'trainer-1';
const OTHER = 'trainer-2';
const NOW = new Date('2026-12-01T08:00:00Z');
const slot = (hour: number, trainerId = T): CachedSlot => ({
  trainerId,
  startsAt: `2026-12-02T${String(hour).padStart(2, '0')}:00:00.000Z`,
  endsAt: `2026-12-02T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
});
const booking = (id: string, hour: number, status: CalendarBooking['status'] = 'confirmed', trainerId = T): CalendarBooking => ({
  id,
  trainer_id: trainerId,
  client_id: 'me',
  kind: 'one_to_one',
  starts_at: `2026-12-02T${String(hour).padStart(2, '0')}:00:00+00:00`,
  ends_at: `2026-12-02T${String(hour + 1).padStart(2, '0')}:00:00+00:00`,
  status,
});
const request = (fn: string, args: Record<string, unknown>, status: QueuedRequest['status'] = 'pending'): QueuedRequest => ({
  key: `${fn}-${JSON.stringify(args)}`,
  fn,
  args,
  status,
  label: 'x',
});
const summary = (entries: ReturnType<typeof clientCalendar>) =>
  entries.map(
    (e) =>
      `${e.kind}@${e.start.getUTCHours()}${e.kind === 'booking' && e.booking.status !== 'confirmed' ? `:${e.booking.status}` : ''}${e.kind === 'booking' && e.change ? `:${e.change}` : ''}`,
  );

describe('clientCalendar', () => {
  const slots = [slot(9), slot(10), slot(11), slot(12, OTHER)];
  const cases: Array<{ name: string; bookings?: CalendarBooking[]; requests?: QueuedRequest[]; now?: Date; expected: string[] }> = [
    { name: 'only free slots of the chosen trainer', expected: ['free@9', 'free@10', 'free@11'] },
    { name: 'past slots are gone', now: new Date('2026-12-02T09:30:00Z'), expected: ['free@10', 'free@11'] },
    { name: 'my booking hides the slot under it', bookings: [booking('b', 10)], expected: ['free@9', 'booking@10', 'free@11'] },
    {
      name: 'a booking with another trainer blocks the time too',
      bookings: [booking('b', 11, 'confirmed', OTHER)],
      expected: ['free@9', 'free@10', 'booking@11'],
    },
    {
      name: 'cancelled and completed bookings hold nothing',
      bookings: [booking('c', 9, 'cancelled'), booking('d', 10, 'completed')],
      expected: ['free@9', 'free@10', 'free@11'],
    },
    {
      name: 'a request shows as requested',
      bookings: [booking('r', 9, 'requested')],
      expected: ['booking@9:requested', 'free@10', 'free@11'],
    },
    {
      name: 'a booking waiting to be sent takes its slot',
      requests: [request('book_session', { p_trainer_id: T, p_starts_at: '2026-12-02T10:00:00.000Z' })],
      expected: ['free@9', 'pending@10', 'free@11'],
    },
    {
      name: 'a sent booking no longer shows as pending',
      requests: [request('book_session', { p_trainer_id: T, p_starts_at: '2026-12-02T10:00:00.000Z' }, 'done')],
      expected: ['free@9', 'free@10', 'free@11'],
    },
    {
      name: 'a cancellation waiting to be sent frees the slot',
      bookings: [booking('b', 10)],
      requests: [request('cancel_booking', { p_booking_id: 'b' })],
      expected: ['free@9', 'booking@10:cancelling', 'free@10', 'free@11'],
    },
    {
      name: 'a move waiting to be sent is marked',
      bookings: [booking('b', 10)],
      requests: [request('reschedule_booking', { p_booking_id: 'b', p_new_starts_at: 'x' }, 'sending')],
      expected: ['free@9', 'booking@10:moving', 'free@11'],
    },
  ];
  it.each(cases)('$name', ({ bookings = [], requests = [], now = NOW, expected }) => {
    expect(summary(clientCalendar({ trainerId: T, slots, bookings, requests, now }))).toEqual(expected);
  });
});

describe('trainerCalendar', () => {
  it('shows every booking but cancelled ones, with answers waiting to be sent', () => {
    const entries = trainerCalendar(
      [booking('a', 9, 'requested'), booking('b', 10, 'cancelled'), booking('c', 11, 'completed'), booking('d', 12)],
      [request('respond_to_booking_request', { p_booking_id: 'a', p_approve: true })],
    );
    expect(summary(entries)).toEqual(['booking@9:requested:answering', 'booking@11:completed', 'booking@12']);
  });
});

describe('trainerOpenSlots', () => {
  const window = {
    day_of_week: 3,
    start_time: '09:00:00',
    end_time: '12:00:00',
    timezone: 'UTC',
    session_minutes: 60,
    break_minutes: 0,
    effective_from: null,
    effective_until: null,
  };
  const open = (
    extra: {
      exceptions?: Array<{ exception_date: string; start_time: string | null; end_time: string | null; timezone: string }>;
      bookings?: CalendarBooking[];
      now?: Date;
    } = {},
  ) =>
    summary(
      trainerOpenSlots({
        trainerId: T,
        windows: [window],
        exceptions: extra.exceptions ?? [],
        bookings: extra.bookings ?? [],
        now: extra.now ?? NOW,
        days: 7,
      }),
    );
  it.each([
    ['every slot of the window (Wednesday 2 December)', {}, ['free@9', 'free@10', 'free@11']],
    ['minus active bookings', { bookings: [booking('b', 10), booking('c', 11, 'cancelled')] }, ['free@9', 'free@11']],
    [
      'minus a partial day off',
      { exceptions: [{ exception_date: '2026-12-02', start_time: '09:00', end_time: '10:00', timezone: 'UTC' }] },
      ['free@10', 'free@11'],
    ],
    ['minus a whole day off', { exceptions: [{ exception_date: '2026-12-02', start_time: null, end_time: null, timezone: 'UTC' }] }, []],
    ['minus what has started', { now: new Date('2026-12-02T09:30:00Z') }, ['free@10', 'free@11']],
  ] as const)('%s', (_name, extra, expected) => {
    expect(open(extra as Parameters<typeof open>[0])).toEqual(expected);
  });
});
