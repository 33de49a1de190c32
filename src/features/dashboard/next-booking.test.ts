import { describe, expect, it } from 'vitest';
import type { Booking } from '@/sync/replicas';
import { nextBookingOf } from './next-booking';

const client = '00000000-0000-4000-8000-000000000002';
const now = new Date('2026-12-04T12:00:00Z');

function booking(id: string, startsAt: string, status: Booking['status'] = 'confirmed', clientId = client): Booking {
  const ends = new Date(Date.parse(startsAt) + 3_600_000).toISOString();
  return {
    id,
    trainer_id: '00000000-0000-4000-8000-000000000001',
    client_id: clientId,
    kind: 'one_to_one',
    group_session_id: null,
    starts_at: startsAt,
    ends_at: ends,
    status,
    credits_spent: 1,
    cancellation_policy: null,
    cancelled_at: null,
    cancel_reason: null,
    notes: null,
    server_rev: 1,
  };
}

describe('the next booking on the dashboard', () => {
  it('is the earliest one still on, counting a session under way and a request', () => {
    const rows = [
      booking('later', '2026-12-09T10:00:00.000Z'),
      booking('now', '2026-12-04T11:30:00.000Z'),
      booking('asked', '2026-12-05T10:00:00.000Z', 'requested'),
    ];
    expect(nextBookingOf(rows, client, now)?.id).toBe('now');
    expect(nextBookingOf(rows.slice(0, 1).concat(rows[2] as Booking), client, now)?.id).toBe('asked');
  });

  it('skips ended, cancelled and other clients’ bookings', () => {
    const rows = [
      booking('ended', '2026-12-04T09:00:00.000Z'),
      booking('cancelled', '2026-12-05T09:00:00.000Z', 'cancelled'),
      booking('theirs', '2026-12-05T08:00:00.000Z', 'confirmed', '00000000-0000-4000-8000-000000000009'),
    ];
    expect(nextBookingOf(rows, client, now)).toBeNull();
  });
});
