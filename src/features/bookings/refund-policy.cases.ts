/**
 * The cancellation-policy boundary table, shared by the unit test of refund-policy.ts and by
 * tests/integration/bookings-refunds.test.ts, which runs the same cases against
 * billing.refund_due() in Postgres, so device and server cannot drift apart.
 */
import type { CancellationPolicy } from './refund-policy';

export type RefundCase = {
  policy: CancellationPolicy;
  /** How long before the start the cancellation comes: hours, minutes, milliseconds. */
  beforeStart: [number, number, number];
  refund: boolean;
};

export const REFUND_CASES: RefundCase[] = [
  { policy: 'always_free', beforeStart: [0, 0, 1], refund: true },
  { policy: 'always_free', beforeStart: [11, 59, 0], refund: true },
  { policy: 'always_free', beforeStart: [12, 1, 0], refund: true },
  { policy: 'up_to_12h', beforeStart: [11, 59, 0], refund: false },
  { policy: 'up_to_12h', beforeStart: [11, 59, 59_999], refund: false },
  { policy: 'up_to_12h', beforeStart: [12, 0, 0], refund: true },
  { policy: 'up_to_12h', beforeStart: [12, 1, 0], refund: true },
  { policy: 'up_to_24h', beforeStart: [11, 59, 0], refund: false },
  { policy: 'up_to_24h', beforeStart: [12, 1, 0], refund: false },
  { policy: 'up_to_24h', beforeStart: [23, 59, 0], refund: false },
  { policy: 'up_to_24h', beforeStart: [24, 0, 0], refund: true },
  { policy: 'up_to_24h', beforeStart: [24, 1, 0], refund: true },
];
