import { describe, expect, it } from 'vitest';
import { formatWhen, refundPreviewText, rescheduleText } from './booking-text';
import type { CancellableBooking } from './refund-policy';

const START = new Date('2026-12-10T10:00:00Z');
const hoursBefore = (h: number) => new Date(START.getTime() - h * 3_600_000);
const booking = (extra: Partial<CancellableBooking> = {}): CancellableBooking => ({
  status: 'confirmed',
  startsAt: START,
  creditsSpent: 1,
  cancellationPolicy: 'up_to_24h',
  ...extra,
});

describe('formatWhen', () => {
  it('shows weekday, day, month and 24-hour time in the zone', () => {
    expect(formatWhen('2026-12-02T10:00:00Z', 'UTC')).toBe('Wed 2 Dec, 10:00');
    expect(formatWhen('2026-12-02T10:00:00Z', 'Europe/Berlin')).toBe('Wed 2 Dec, 11:00');
  });
});

describe('refundPreviewText', () => {
  const cases: Array<{
    name: string;
    b: CancellableBooking;
    at: Date;
    by?: 'client' | 'trainer';
    title: string;
    detail: string;
    canCancel: boolean;
    requireRefund: boolean;
  }> = [
    {
      name: 'in time under 24 h',
      b: booking(),
      at: hoursBefore(30),
      title: 'You get 1 credit back',
      detail: 'Free cancellation up to 24 hours before the start.',
      canCancel: true,
      requireRefund: true,
    },
    {
      name: 'exactly 24 h before counts',
      b: booking(),
      at: hoursBefore(24),
      title: 'You get 1 credit back',
      detail: 'Free cancellation up to 24 hours before the start.',
      canCancel: true,
      requireRefund: true,
    },
    {
      name: 'too late under 24 h',
      b: booking(),
      at: hoursBefore(23),
      title: 'No refund',
      detail: "The trainer's policy refunds cancellations made before Wed 9 Dec, 10:00. The credit stays spent.",
      canCancel: true,
      requireRefund: false,
    },
    {
      name: 'in time under 12 h',
      b: booking({ cancellationPolicy: 'up_to_12h' }),
      at: hoursBefore(13),
      title: 'You get 1 credit back',
      detail: 'Free cancellation up to 12 hours before the start.',
      canCancel: true,
      requireRefund: true,
    },
    {
      name: 'always free, minutes before',
      b: booking({ cancellationPolicy: 'always_free' }),
      at: hoursBefore(0.1),
      title: 'You get 1 credit back',
      detail: 'Free cancellation any time before the start.',
      canCancel: true,
      requireRefund: true,
    },
    {
      name: 'a request is always free',
      b: booking({ status: 'requested' }),
      at: hoursBefore(1),
      title: 'You get 1 credit back',
      detail: 'The trainer has not answered yet, so withdrawing is free.',
      canCancel: true,
      requireRefund: true,
    },
    {
      name: 'the trainer cancels late',
      b: booking(),
      at: hoursBefore(1),
      by: 'trainer',
      title: 'You get 1 credit back',
      detail: 'A trainer cancelling always refunds the client.',
      canCancel: true,
      requireRefund: false,
    },
    {
      name: 'a free trial session',
      b: booking({ creditsSpent: 0 }),
      at: hoursBefore(30),
      title: 'Nothing to refund',
      detail: 'No credit was spent on this session.',
      canCancel: true,
      requireRefund: false,
    },
    {
      name: 'started',
      b: booking(),
      at: hoursBefore(-1),
      title: 'This session cannot be cancelled',
      detail: 'It has already started.',
      canCancel: false,
      requireRefund: false,
    },
    {
      name: 'already cancelled',
      b: booking({ status: 'cancelled' }),
      at: hoursBefore(30),
      title: 'This session cannot be cancelled',
      detail: 'It is already cancelled.',
      canCancel: false,
      requireRefund: false,
    },
    {
      name: 'no stored policy falls back to 24 h',
      b: booking({ cancellationPolicy: null }),
      at: hoursBefore(20),
      title: 'No refund',
      detail: "The trainer's policy refunds cancellations made before Wed 9 Dec, 10:00. The credit stays spent.",
      canCancel: true,
      requireRefund: false,
    },
  ];
  it.each(cases)('$name', ({ b, at, by, title, detail, canCancel, requireRefund }) => {
    expect(refundPreviewText(b, at, by, 'UTC')).toEqual({ title, detail, canCancel, requireRefund });
  });
});

describe('rescheduleText', () => {
  const cases: Array<[string, CancellableBooking, Date, boolean, string]> = [
    ['in time', booking(), hoursBefore(48), true, 'Pick a new time below. Your credit moves with it.'],
    ['too late', booking(), hoursBefore(2), false, "It is too late to move it under the trainer's policy. Ask your trainer to move it."],
    ['a request, late', booking({ status: 'requested' }), hoursBefore(2), true, 'Pick a new time below. Your credit moves with it.'],
    ['started', booking(), hoursBefore(-2), false, 'It has already started.'],
    ['cancelled', booking({ status: 'cancelled' }), hoursBefore(48), false, 'It is no longer active.'],
  ];
  it.each(cases)('%s', (_name, b, at, canMove, detail) => {
    expect(rescheduleText(b, at)).toEqual({ canMove, detail });
  });
});
