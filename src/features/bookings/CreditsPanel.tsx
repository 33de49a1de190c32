/**
 * The client's plan, credit balance (per trainer), purchases waiting for payment, buying a pack,
 * and the credit history by month. Everything from the device's replica, so it shows offline.
 */
import { formatDate } from '@/lib/dates';
import { useMemo, useState } from 'react';
import { useProfile } from '@/features/account';
import { Dialog } from '@/lib/ui/Dialog';
import type { BookingReplica, Person } from './booking-replica';
import { formatWhen, noPlanText } from './booking-text';
import { creditBalances, ledgerHistory, spendableWith } from './ledger-history';
import { sendBookingRequest } from './useBookingReplica';

export function formatMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

const PACKS = [
  { pack: 'single', credits: 1, price: (p: NonNullable<Person['pricing']>) => p.single },
  { pack: 'pack5', credits: 5, price: (p: NonNullable<Person['pricing']>) => p.pack5 },
  { pack: 'pack10', credits: 10, price: (p: NonNullable<Person['pricing']>) => p.pack10 },
] as const;

export function CreditsPanel({ replica, trainers }: { replica: BookingReplica; trainers: Person[] }) {
  const profile = useProfile();
  // The time the panel opened is "now" enough for a trial that ends on a day.
  const [openedAt] = useState(() => Date.now());
  const [buyOpen, setBuyOpen] = useState(false);
  const balances = useMemo(() => creditBalances(replica.ledger), [replica.ledger]);
  const nameOf = (id: string) => replica.people.find((p) => p.id === id)?.fullName;
  const pendingPayments = replica.payments.filter((p) => p.status === 'pending');
  // A purchase the trainer marked not received, for two weeks after it was made.
  const notReceived = replica.payments.filter(
    (p) => p.status === 'failed' && p.provider === 'manual' && openedAt - new Date(p.created_at).getTime() < 14 * 86_400_000,
  );
  const history = useMemo(() => {
    const whenById = new Map(replica.bookings.map((b) => [b.id, formatWhen(b.starts_at)]));
    return ledgerHistory(replica.ledger, {
      trainerName: (id) => replica.people.find((p) => p.id === id)?.fullName,
      bookingWhen: (id) => whenById.get(id),
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    });
  }, [replica.ledger, replica.bookings, replica.people]);
  const sellers = trainers.filter((t) => t.pricing && PACKS.some((p) => p.price(t.pricing!) !== null));

  return (
    <section className="card credits" aria-labelledby="credits-title">
      <div className="credits-head">
        <div>
          <h2 id="credits-title">Credits</h2>
          <p className="credits-total" data-testid="credit-balance">
            <strong>{balances.total}</strong> {balances.total === 1 ? 'credit' : 'credits'}
          </p>
        </div>
        {sellers.length > 0 && (
          <button type="button" onClick={() => setBuyOpen(true)}>
            Buy sessions
          </button>
        )}
      </div>
      {replica.plan ? (
        <p className="muted small">
          {replica.plan.planName} ({replica.plan.status === 'trialing' ? 'trial' : replica.plan.status}):{' '}
          {replica.plan.freeMeetingsPerMonth} free {replica.plan.freeMeetingsPerMonth === 1 ? 'meeting' : 'meetings'} a month, renews{' '}
          {formatDate(replica.plan.periodEnd)}.
        </p>
      ) : (
        <p className="muted small">{noPlanText(profile?.trial_ends_at ?? null, openedAt)}</p>
      )}
      {trainers.length > 0 && (
        <ul className="plain-list small">
          {balances.platform !== 0 && (
            <li>
              {balances.platform} free {balances.platform === 1 ? 'meeting' : 'meetings'} from your plan, with any trainer
            </li>
          )}
          {trainers.map((t) => (
            <li key={t.id}>
              {spendableWith(balances, t.id)} to spend with {t.fullName}
            </li>
          ))}
        </ul>
      )}
      {(pendingPayments.length > 0 || notReceived.length > 0) && (
        <div className="notice" role="status">
          {pendingPayments.map((p) => {
            const trainer = p.trainer_id ? nameOf(p.trainer_id) : undefined;
            return (
              <p key={p.id} data-testid="purchase-pending">
                Purchase pending: {p.credits_purchased ?? ''} {p.credits_purchased === 1 ? 'credit' : 'credits'}
                {trainer ? ` with ${trainer}` : ''}, {formatMoney(p.amount_cents, p.currency)}.{' '}
                {p.provider === 'manual'
                  ? `Pay ${trainer ?? 'your trainer'} in cash or by bank transfer; the credits arrive when they mark it received.`
                  : 'The credits arrive once the payment is confirmed.'}
              </p>
            );
          })}
          {notReceived.map((p) => (
            <p key={p.id} data-testid="purchase-not-received">
              {p.trainer_id && nameOf(p.trainer_id) ? nameOf(p.trainer_id) : 'Your trainer'} marked your purchase of{' '}
              {p.credits_purchased ?? ''} {p.credits_purchased === 1 ? 'credit' : 'credits'} ({formatMoney(p.amount_cents, p.currency)}) as
              not received. If you paid, ask them; you can buy again.
            </p>
          ))}
        </div>
      )}
      <details className="ledger">
        <summary>Credit history</summary>
        {history.length === 0 ? (
          <p className="empty">No credits yet.</p>
        ) : (
          history.map((month) => (
            <div key={month.month} className="ledger-month">
              <h3>
                {month.label} <span className="muted small">({month.net > 0 ? `+${month.net}` : month.net})</span>
              </h3>
              <ul className="plain-list">
                {month.lines.map((line) => (
                  <li key={line.id} className="ledger-line">
                    <span>
                      {line.text}
                      <span className="muted small"> · {formatDate(line.at)}</span>
                    </span>
                    <span className={line.delta > 0 ? 'ledger-plus' : 'ledger-minus'}>
                      {line.delta > 0 ? `+${line.delta}` : line.delta}
                    </span>
                    <span className="muted small ledger-after" title="Balance after">
                      = {line.balanceAfter}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </details>
      <BuyDialog open={buyOpen} onClose={() => setBuyOpen(false)} sellers={sellers} />
    </section>
  );
}

function BuyDialog({ open, onClose, sellers }: { open: boolean; onClose: () => void; sellers: Person[] }) {
  const [trainerId, setTrainerId] = useState<string>('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const seller = sellers.find((s) => s.id === trainerId) ?? sellers[0];
  async function buy(pack: (typeof PACKS)[number]) {
    if (!seller?.pricing) return;
    const cents = pack.price(seller.pricing);
    if (cents === null) return;
    setSending(true);
    setError(null);
    try {
      await sendBookingRequest(
        'start_credit_purchase',
        { p_trainer_id: seller.id, p_pack: pack.pack, p_provider: 'manual' },
        `${pack.credits} ${pack.credits === 1 ? 'credit' : 'credits'} with ${seller.fullName} (${formatMoney(cents, seller.pricing.currency)})`,
      );
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  }
  return (
    <Dialog open={open} title="Buy sessions" onClose={onClose}>
      {sellers.length > 1 && (
        <label>
          Trainer
          <select value={seller?.id ?? ''} onChange={(e) => setTrainerId(e.target.value)}>
            {sellers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.fullName}
              </option>
            ))}
          </select>
        </label>
      )}
      {seller?.pricing && (
        <ul className="plain-list">
          {PACKS.map((pack) => {
            const cents = pack.price(seller.pricing!);
            if (cents === null) return null;
            return (
              <li key={pack.pack}>
                <button type="button" className="pack-button" disabled={sending} onClick={() => void buy(pack)}>
                  <span>
                    {pack.credits} {pack.credits === 1 ? 'session' : 'sessions'} with {seller.fullName}
                  </span>
                  <strong>{formatMoney(cents, seller.pricing!.currency)}</strong>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p className="muted small">
        No card is charged in this app: you pay your trainer in cash or by bank transfer, and the credits arrive when they mark the payment
        received.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
