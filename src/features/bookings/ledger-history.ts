/**
 * The credit ledger as the client reads it: balances per bucket (the platform's free meetings,
 * usable with any trainer, and packs bought from one trainer), and the history grouped by
 * month, newest first, each entry in words with the running balance after it. The server's
 * ledger is the truth (balance = sum of entries); this only arranges it.
 */

import { plural } from '@/lib/words';
export type LedgerReason = 'grant' | 'purchase' | 'spend' | 'refund' | 'adjustment';

export type LedgerEntry = {
  id: string;
  trainer_id: string | null;
  delta: number;
  reason: LedgerReason;
  booking_id: string | null;
  payment_id: string | null;
  period_key: string | null;
  note: string | null;
  created_at: string;
};

export type CreditBalances = {
  /** Every bucket together. */
  total: number;
  /** Free meetings from the plan (trainer_id null): usable with any of the client's trainers. */
  platform: number;
  /** Credits bought from each trainer, by trainer id. */
  byTrainer: Record<string, number>;
};

export function creditBalances(entries: readonly LedgerEntry[]): CreditBalances {
  const byTrainer: Record<string, number> = {};
  let platform = 0;
  for (const e of entries) {
    if (e.trainer_id === null) platform += e.delta;
    else byTrainer[e.trainer_id] = (byTrainer[e.trainer_id] ?? 0) + e.delta;
  }
  const total = platform + Object.values(byTrainer).reduce((a, b) => a + b, 0);
  return { total, platform, byTrainer };
}

/** What the client can spend with one trainer: the platform's credits plus that trainer's. */
export function spendableWith(balances: CreditBalances, trainerId: string): number {
  return balances.platform + (balances.byTrainer[trainerId] ?? 0);
}

export type LedgerLine = { id: string; at: string; delta: number; text: string; balanceAfter: number };
export type LedgerMonth = { month: string; label: string; net: number; lines: LedgerLine[] };

export type LedgerContext = {
  /** The trainer's name, or undefined when unknown. */
  trainerName: (trainerId: string) => string | undefined;
  /** A booking's time in words ("Tue 2 Dec, 10:00"), or undefined when the device does not have it. */
  bookingWhen: (bookingId: string) => string | undefined;
  /** IANA zone the months are cut in (the device's). */
  timeZone: string;
};

function monthKey(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

export function monthLabel(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, 1)),
  );
}

/** One entry in words. */
export function describeLedgerEntry(e: LedgerEntry, context: Omit<LedgerContext, 'timeZone'>): string {
  const trainer = e.trainer_id ? context.trainerName(e.trainer_id) : undefined;
  const withTrainer = trainer ? ` with ${trainer}` : '';
  const when = e.booking_id ? context.bookingWhen(e.booking_id) : undefined;
  switch (e.reason) {
    case 'grant':
      return `Free meetings for ${e.period_key ? monthLabel(e.period_key) : 'this month'} (your plan)`;
    case 'purchase':
      return `Bought ${plural(e.delta, 'credit')}${withTrainer}`;
    case 'spend':
      return when ? `Session on ${when}` : e.booking_id ? 'Session booked' : 'Group session seat';
    case 'refund':
      return when ? `Refund: session on ${when} cancelled` : 'Refund for a cancelled session';
    case 'adjustment':
      return e.note?.trim() ? `Adjustment: ${e.note.trim()}` : 'Adjustment by FitCoach';
  }
}

/** The history by month, newest month and newest entry first, with the running total after each entry. */
export function ledgerHistory(entries: readonly LedgerEntry[], context: LedgerContext): LedgerMonth[] {
  const chronological = [...entries].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  let running = 0;
  const months = new Map<string, LedgerMonth>();
  for (const e of chronological) {
    running += e.delta;
    const key = monthKey(e.created_at, context.timeZone);
    let month = months.get(key);
    if (!month) {
      month = { month: key, label: monthLabel(key), net: 0, lines: [] };
      months.set(key, month);
    }
    month.net += e.delta;
    month.lines.unshift({ id: e.id, at: e.created_at, delta: e.delta, text: describeLedgerEntry(e, context), balanceAfter: running });
  }
  return [...months.values()].reverse();
}
