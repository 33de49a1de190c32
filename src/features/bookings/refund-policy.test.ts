import { describe, expect, it } from 'vitest';
import { canClientReschedule, isRefundDue, previewCancellation, refundDeadline } from './refund-policy';
import { REFUND_CASES } from './refund-policy.cases';

const START = new Date('2027-01-15T18:00:00Z');
const before = (hours: number, minutes = 0, ms = 0): Date => new Date(START.getTime() - hours * 3_600_000 - minutes * 60_000 - ms);

describe('isRefundDue', () => {
  it.each(REFUND_CASES)(
    '$policy, cancelled $beforeStart (h, min, ms) before the start: refund $refund',
    ({ policy, beforeStart, refund }) => {
      const [h, m, ms] = beforeStart;
      expect(isRefundDue(policy, START, before(h, m, ms))).toBe(refund);
    },
  );

  it('falls back to up_to_24h for a booking without a stored policy', () => {
    expect(isRefundDue(null, START, before(23, 59))).toBe(false);
    expect(isRefundDue(null, START, before(24))).toBe(true);
  });

  it('gives the deadline, or none for always_free', () => {
    expect(refundDeadline('up_to_12h', START)?.toISOString()).toBe('2027-01-15T06:00:00.000Z');
    expect(refundDeadline('up_to_24h', START)?.toISOString()).toBe('2027-01-14T18:00:00.000Z');
    expect(refundDeadline('always_free', START)).toBeNull();
  });
});

describe('previewCancellation', () => {
  const confirmed = { status: 'confirmed' as const, startsAt: START, creditsSpent: 1, cancellationPolicy: 'up_to_12h' as const };

  it.each([
    {
      name: 'in time',
      booking: confirmed,
      at: before(12, 1),
      by: 'client' as const,
      expected: { allowed: true, refundCredits: 1, refundRefused: null },
    },
    {
      name: 'too late: cancelled without refund',
      booking: confirmed,
      at: before(11, 59),
      by: 'client' as const,
      expected: { allowed: true, refundCredits: 0, refundRefused: 'too_late_to_cancel' },
    },
    {
      name: 'the trainer cancels late',
      booking: confirmed,
      at: before(1),
      by: 'trainer' as const,
      expected: { allowed: true, refundCredits: 1, refundRefused: null },
    },
    {
      name: 'a pending request withdrawn late',
      booking: { ...confirmed, status: 'requested' as const },
      at: before(1),
      by: 'client' as const,
      expected: { allowed: true, refundCredits: 1, refundRefused: null },
    },
    {
      name: 'a free trial session',
      booking: { ...confirmed, creditsSpent: 0 },
      at: before(13),
      by: 'client' as const,
      expected: { allowed: true, refundCredits: 0, refundRefused: null },
    },
    { name: 'started', booking: confirmed, at: START, by: 'client' as const, expected: { allowed: false, refusal: 'booking_started' } },
    {
      name: 'already cancelled',
      booking: { ...confirmed, status: 'cancelled' as const },
      at: before(48),
      by: 'client' as const,
      expected: { allowed: false, refusal: 'booking_not_active' },
    },
    {
      name: 'completed',
      booking: { ...confirmed, status: 'completed' as const },
      at: before(48),
      by: 'trainer' as const,
      expected: { allowed: false, refusal: 'booking_not_active' },
    },
  ])('$name', ({ booking, at, by, expected }) => {
    expect(previewCancellation(booking, at, by)).toEqual(expected);
  });
});

describe('canClientReschedule', () => {
  it.each([
    { status: 'confirmed' as const, at: before(12), expected: true },
    { status: 'confirmed' as const, at: before(11, 59), expected: false },
    { status: 'requested' as const, at: before(1), expected: true },
    { status: 'cancelled' as const, at: before(48), expected: false },
  ])('$status, $at', ({ status, at, expected }) => {
    expect(canClientReschedule({ status, startsAt: START, creditsSpent: 1, cancellationPolicy: 'up_to_12h' }, at)).toBe(expected);
  });
});
