import { describe, expect, it } from 'vitest';
import { creditBalances, describeLedgerEntry, ledgerHistory, spendableWith, type LedgerEntry } from './ledger-history';

const CASEY = 'trainer-casey';
const OTHER = 'trainer-other';

const entry = (id: string, delta: number, reason: LedgerEntry['reason'], at: string, extra: Partial<LedgerEntry> = {}): LedgerEntry => ({
  id,
  trainer_id: null,
  delta,
  reason,
  booking_id: null,
  payment_id: null,
  period_key: null,
  note: null,
  created_at: at,
  ...extra,
});

const context = {
  trainerName: (id: string) => (id === CASEY ? 'Casey' : undefined),
  bookingWhen: (id: string) => (id === 'b1' ? 'Tue 2 Dec, 10:00' : undefined),
  timeZone: 'UTC',
};

describe('describeLedgerEntry', () => {
  const cases: Array<[string, LedgerEntry, string]> = [
    [
      'a monthly grant',
      entry('1', 1, 'grant', '2026-12-01T00:00:00Z', { period_key: '2026-12' }),
      'Free meetings for December 2026 (your plan)',
    ],
    [
      'a pack from a known trainer',
      entry('2', 5, 'purchase', '2026-12-01T00:00:00Z', { trainer_id: CASEY, payment_id: 'p1' }),
      'Bought 5 credits with Casey',
    ],
    [
      'a single credit from an unknown trainer',
      entry('3', 1, 'purchase', '2026-12-01T00:00:00Z', { trainer_id: OTHER, payment_id: 'p2' }),
      'Bought 1 credit',
    ],
    ['a spend on a known booking', entry('4', -1, 'spend', '2026-12-01T00:00:00Z', { booking_id: 'b1' }), 'Session on Tue 2 Dec, 10:00'],
    ['a spend on a booking the device lacks', entry('5', -1, 'spend', '2026-12-01T00:00:00Z', { booking_id: 'b9' }), 'Session booked'],
    ['a group seat', entry('6', -1, 'spend', '2026-12-01T00:00:00Z'), 'Group session seat'],
    [
      'a refund of a known booking',
      entry('7', 1, 'refund', '2026-12-01T00:00:00Z', { booking_id: 'b1' }),
      'Refund: session on Tue 2 Dec, 10:00 cancelled',
    ],
    [
      'a refund of an unknown booking',
      entry('8', 1, 'refund', '2026-12-01T00:00:00Z', { booking_id: 'b9' }),
      'Refund for a cancelled session',
    ],
    ['an adjustment with a note', entry('9', 2, 'adjustment', '2026-12-01T00:00:00Z', { note: ' goodwill ' }), 'Adjustment: goodwill'],
    ['an adjustment without a note', entry('10', -1, 'adjustment', '2026-12-01T00:00:00Z'), 'Adjustment by FitCoach'],
  ];
  it.each(cases)('%s', (_name, e, text) => {
    expect(describeLedgerEntry(e, context)).toBe(text);
  });
});

describe('balances', () => {
  const entries = [
    entry('g', 2, 'grant', '2026-11-01T00:00:00Z', { period_key: '2026-11' }),
    entry('p', 5, 'purchase', '2026-11-02T00:00:00Z', { trainer_id: CASEY }),
    entry('s1', -1, 'spend', '2026-11-03T00:00:00Z', { booking_id: 'b1' }),
    entry('s2', -1, 'spend', '2026-11-04T00:00:00Z', { trainer_id: CASEY, booking_id: 'b2' }),
    entry('o', 1, 'purchase', '2026-11-05T00:00:00Z', { trainer_id: OTHER }),
  ];
  it('sums each bucket and the total', () => {
    expect(creditBalances(entries)).toEqual({ total: 6, platform: 1, byTrainer: { [CASEY]: 4, [OTHER]: 1 } });
  });
  it('counts platform credits with every trainer', () => {
    const balances = creditBalances(entries);
    expect(spendableWith(balances, CASEY)).toBe(5);
    expect(spendableWith(balances, OTHER)).toBe(2);
    expect(spendableWith(balances, 'nobody')).toBe(1);
  });
  it('is zero for no entries', () => {
    expect(creditBalances([])).toEqual({ total: 0, platform: 0, byTrainer: {} });
  });
});

describe('ledgerHistory', () => {
  it('groups by month, newest first, with the running balance after each entry', () => {
    const months = ledgerHistory(
      [
        entry('s', -1, 'spend', '2026-12-02T09:00:00Z', { booking_id: 'b1' }),
        entry('g1', 1, 'grant', '2026-11-01T08:00:00Z', { period_key: '2026-11' }),
        entry('g2', 1, 'grant', '2026-12-01T08:00:00Z', { period_key: '2026-12' }),
        entry('p', 5, 'purchase', '2026-11-20T08:00:00Z', { trainer_id: CASEY }),
      ],
      context,
    );
    expect(months.map((m) => [m.month, m.label, m.net])).toEqual([
      ['2026-12', 'December 2026', 0],
      ['2026-11', 'November 2026', 6],
    ]);
    expect(months[0]?.lines.map((l) => [l.text, l.delta, l.balanceAfter])).toEqual([
      ['Session on Tue 2 Dec, 10:00', -1, 6],
      ['Free meetings for December 2026 (your plan)', 1, 7],
    ]);
    expect(months[1]?.lines.map((l) => l.balanceAfter)).toEqual([6, 1]);
  });

  it('cuts months in the given time zone', () => {
    const late = entry('x', 1, 'grant', '2026-11-30T23:30:00Z', { period_key: '2026-12' });
    expect(ledgerHistory([late], { ...context, timeZone: 'UTC' })[0]?.month).toBe('2026-11');
    expect(ledgerHistory([late], { ...context, timeZone: 'Europe/Berlin' })[0]?.month).toBe('2026-12');
  });
});
