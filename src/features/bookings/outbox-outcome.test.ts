import { describe, expect, it } from 'vitest';
import { describeOutboxRecord, isBookingOutboxFunction, type OutboxLike } from './outbox-outcome';

const base: OutboxLike = {
  fn: 'book_session',
  label: 'Tue 2 Dec, 10:00 with Casey',
  status: 'pending',
  attempts: 0,
  result: null,
  error: null,
};
const booking = (status: string) => ({ id: 'b1', status });

describe('describeOutboxRecord', () => {
  const cases: Array<{
    name: string;
    item: Partial<OutboxLike>;
    state: string;
    title: string;
    detail: string | null;
    refusal?: string | null;
  }> = [
    {
      name: 'new request, not tried yet',
      item: {},
      state: 'waiting',
      title: 'Waiting to send: Tue 2 Dec, 10:00 with Casey',
      detail: 'It will be sent as soon as there is a connection.',
    },
    {
      name: 'tried offline',
      item: { attempts: 2 },
      state: 'waiting',
      title: 'Waiting to send: Tue 2 Dec, 10:00 with Casey',
      detail: 'No connection. It will be sent when you are back online.',
    },
    { name: 'on its way', item: { status: 'sending' }, state: 'sending', title: 'Sending: Tue 2 Dec, 10:00 with Casey', detail: null },
    {
      name: 'booked and confirmed',
      item: { status: 'done', result: { booking: booking('confirmed'), free_trial: false, balance: 3, replayed: false } },
      state: 'done',
      title: 'Booked: Tue 2 Dec, 10:00 with Casey',
      detail: 'Confirmed. You have 3 credits left.',
    },
    {
      name: 'booked as a free trial',
      item: { status: 'done', result: { booking: booking('confirmed'), free_trial: true, balance: 1, replayed: false } },
      state: 'done',
      title: 'Booked: Tue 2 Dec, 10:00 with Casey',
      detail: 'Confirmed. Free trial session: no credit used. You have 1 credit left.',
    },
    {
      name: 'request awaiting approval',
      item: {
        fn: 'request_booking',
        status: 'done',
        result: { booking: booking('requested'), free_trial: false, balance: 0, replayed: false },
      },
      state: 'done',
      title: 'Requested: Tue 2 Dec, 10:00 with Casey',
      detail: 'Waiting for your trainer to approve. You have 0 credits left.',
    },
    {
      name: 'slot taken by someone else',
      item: { status: 'refused', error: { code: 'P0001', message: 'slot_taken: that time has just been booked by someone else' } },
      state: 'refused',
      title: 'Not booked: Tue 2 Dec, 10:00 with Casey',
      detail: 'That time has just been booked by someone else.',
      refusal: 'slot_taken',
    },
    {
      name: 'no credits',
      item: { status: 'refused', error: { code: 'P0001', message: 'no_credits: you have no credits left for this trainer' } },
      state: 'refused',
      title: 'Not booked: Tue 2 Dec, 10:00 with Casey',
      detail: 'You have no credits left for this trainer.',
      refusal: 'no_credits',
    },
    {
      name: 'an error without a code',
      item: { status: 'refused', error: { code: '42883', message: 'function public.book_session does not exist' } },
      state: 'refused',
      title: 'Not booked: Tue 2 Dec, 10:00 with Casey',
      detail: 'Function public.book_session does not exist.',
      refusal: 'unknown',
    },
    {
      name: 'cancelled with a refund',
      item: {
        fn: 'cancel_booking',
        status: 'done',
        result: { booking: booking('cancelled'), refunded: 1, refund_refused: null, balance: 2, replayed: false },
      },
      state: 'done',
      title: 'Cancelled: Tue 2 Dec, 10:00 with Casey',
      detail: '1 credit refunded. You have 2 credits left.',
    },
    {
      name: 'cancelled too late',
      item: {
        fn: 'cancel_booking',
        status: 'done',
        result: { booking: booking('cancelled'), refunded: 0, refund_refused: 'too_late_to_cancel', balance: 0, replayed: false },
      },
      state: 'done',
      title: 'Cancelled: Tue 2 Dec, 10:00 with Casey',
      detail: "No refund: it was too late under the trainer's policy. You have 0 credits left.",
    },
    {
      name: 'cancel refused because the refund shown no longer applied',
      item: {
        fn: 'cancel_booking',
        status: 'refused',
        error: { code: 'P0001', message: 'too_late_to_cancel: it is too late to cancel this session with a refund' },
      },
      state: 'refused',
      title: 'Not cancelled: Tue 2 Dec, 10:00 with Casey',
      detail: 'It is too late to cancel this session with a refund.',
      refusal: 'too_late_to_cancel',
    },
    {
      name: 'moved',
      item: { fn: 'reschedule_booking', status: 'done', result: { booking: booking('confirmed') } },
      state: 'done',
      title: 'Moved: Tue 2 Dec, 10:00 with Casey',
      detail: 'Same credit, new time.',
    },
    {
      name: 'trainer declined',
      item: { fn: 'respond_to_booking_request', status: 'done', result: { booking: booking('cancelled'), refunded: 1 } },
      state: 'done',
      title: 'Sent: Tue 2 Dec, 10:00 with Casey',
      detail: 'Declined: 1 credit refunded to the client.',
    },
    {
      name: 'purchase started',
      item: { fn: 'start_credit_purchase', status: 'done', result: { payment: { status: 'pending' } } },
      state: 'done',
      title: 'Purchase started: Tue 2 Dec, 10:00 with Casey',
      detail: 'Waiting for the payment to be confirmed; the credits arrive then.',
    },
  ];

  it.each(cases)('$name', ({ item, state, title, detail, refusal }) => {
    const outcome = describeOutboxRecord({ ...base, ...item });
    expect(outcome.state).toBe(state);
    expect(outcome.title).toBe(title);
    expect(outcome.detail).toBe(detail);
    if (refusal !== undefined) expect(outcome.refusal).toBe(refusal);
  });

  it('knows which outbox requests belong to bookings', () => {
    expect(isBookingOutboxFunction('book_session')).toBe(true);
    expect(isBookingOutboxFunction('sync_push')).toBe(false);
  });
});
