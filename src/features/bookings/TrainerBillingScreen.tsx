/**
 * The trainer's money: purchases paid by hand to mark received (or not), each client's credits
 * with a way to give or take back some, and the prices and cancellation policy clients buy and
 * book under. Reads the device's replica (works offline); every change is a server function
 * sent through the outbox, so it waits on the device when there is no connection.
 */
import { formatDate } from '@/lib/dates';
import { useMemo, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Dialog } from '@/lib/ui/Dialog';
import { FormField } from '@/lib/ui/FormField';
import { plural } from '@/lib/words';
import type { OwnPricing, PaymentRow } from './booking-replica';
import { fieldErrors } from './availability-form';
import { formatMoney } from './CreditsPanel';
import type { BookingOutboxFunction } from './outbox-outcome';
import { RequestOutcomes } from './RequestOutcomes';
import {
  adjustArgs,
  clientCredits,
  currencyForLocale,
  creditsFormError,
  creditsFormModel,
  paymentsToConfirm,
  POLICY_TEXT,
  pricingArgs,
  pricingFormDefaults,
  pricingFormModel,
  recentPayments,
  type ClientCredits,
} from './trainer-billing';
import { sendBookingRequest, useBookingReplica, useBookingRequests } from './useBookingReplica';
import './bookings.css';

const BILLING_FUNCTIONS = new Set<string>([
  'confirm_manual_payment',
  'decline_manual_payment',
  'adjust_client_credits',
  'set_trainer_pricing',
] satisfies BookingOutboxFunction[]);

export function TrainerBillingScreen() {
  const { replica, refreshing, refresh, online } = useBookingReplica('trainer');
  const requests = useBookingRequests().filter((r) => BILLING_FUNCTIONS.has(r.fn));
  const [adjusting, setAdjusting] = useState<ClientCredits | null>(null);
  const [declining, setDeclining] = useState<PaymentRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (id: string) => replica.people.find((p) => p.id === id)?.fullName ?? 'A former client';
  const toConfirm = paymentsToConfirm(replica.payments);
  const settled = recentPayments(replica.payments);
  const clients = useMemo(() => clientCredits(replica.people), [replica.people]);
  const sending = new Set(
    requests
      .filter((r) => (r.status === 'pending' || r.status === 'sending') && typeof r.args.p_payment_id === 'string')
      .map((r) => String(r.args.p_payment_id)),
  );
  const paymentLabel = (p: PaymentRow) =>
    `${nameOf(p.client_id)}: ${plural(p.credits_purchased ?? 0, 'credit')}, ${formatMoney(p.amount_cents, p.currency)}`;

  async function send(fn: BookingOutboxFunction, args: Record<string, unknown>, label: string): Promise<boolean> {
    setError(null);
    try {
      await sendBookingRequest(fn, args, label);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }

  return (
    <div className="screen bookings-screen billing-screen">
      <div className="screen-head">
        <h1>Prices &amp; credits</h1>
        <button type="button" onClick={refresh} disabled={!online || refreshing}>
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      <p className="muted small">
        <Link to="/schedule">← Schedule</Link>
      </p>
      {!online && (
        <p className="notice" role="status">
          Offline: showing what this device last saw. Changes wait here and are sent when you are back online.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!replica.loaded ? (
        <p className="screen-loading" aria-busy="true">
          Loading…
        </p>
      ) : (
        <>
          <RequestOutcomes requests={requests} />
          <section className="card" aria-labelledby="to-confirm-title">
            <h2 id="to-confirm-title">Payments to confirm</h2>
            {toConfirm.length === 0 ? (
              <p className="empty">No purchases waiting. When a client buys sessions to pay you in cash or by transfer, it shows here.</p>
            ) : (
              <ul className="plain-list booking-list">
                {toConfirm.map((p) => (
                  <li key={p.id} className="booking-row" data-testid="payment-to-confirm">
                    <div>
                      <p className="booking-when">{paymentLabel(p)}</p>
                      <p className="muted small">
                        Bought {formatDate(p.created_at)}
                        {sending.has(p.id) ? ' · sending your answer…' : ''}
                      </p>
                    </div>
                    <div className="booking-actions">
                      <button
                        type="button"
                        className="primary"
                        disabled={sending.has(p.id)}
                        aria-label={`Received: ${paymentLabel(p)}`}
                        onClick={() =>
                          void send('confirm_manual_payment', { p_payment_id: p.id }, `Payment received from ${paymentLabel(p)}`)
                        }
                      >
                        Received
                      </button>
                      <button
                        type="button"
                        className="danger-outline"
                        disabled={sending.has(p.id)}
                        aria-label={`Not received: ${paymentLabel(p)}`}
                        onClick={() => setDeclining(p)}
                      >
                        Not received
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="card" aria-labelledby="client-credits-title">
            <h2 id="client-credits-title">Clients’ credits</h2>
            {clients.length === 0 ? (
              <p className="empty">No clients yet.</p>
            ) : (
              <table className="credits-table">
                <thead>
                  <tr>
                    <th scope="col">Client</th>
                    <th scope="col">With you</th>
                    <th scope="col">From their plan</th>
                    <th scope="col">
                      <span className="visually-hidden">Change</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {clients.map((c) => (
                    <tr key={c.id} data-testid="client-credits-row">
                      <th scope="row">{c.name}</th>
                      <td>{c.withTrainer ?? '–'}</td>
                      <td>{c.platform ?? '–'}</td>
                      <td>
                        <button type="button" onClick={() => setAdjusting(c)} aria-label={`Give or take back credits: ${c.name}`}>
                          Change
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>

          <PricingForm key={JSON.stringify(replica.ownPricing)} own={replica.ownPricing} onSave={send} />

          {settled.length > 0 && (
            <section className="card" aria-labelledby="recent-payments-title">
              <h2 id="recent-payments-title">Recent payments</h2>
              <ul className="plain-list">
                {settled.map((p) => (
                  <li key={p.id} className="ledger-line">
                    <span>
                      {paymentLabel(p)}
                      <span className="muted small"> · {formatDate(p.paid_at ?? p.created_at)}</span>
                    </span>
                    <span className={p.status === 'succeeded' ? 'ledger-plus' : 'muted'}>
                      {p.status === 'succeeded' ? 'Received' : p.status === 'failed' ? 'Not received' : 'Refunded'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <Dialog open={declining !== null} title="Not received?" onClose={() => setDeclining(null)}>
        {declining && (
          <>
            <p>
              {paymentLabel(declining)}. The purchase is closed with no credits, and {nameOf(declining.client_id)} sees it was not received.
              They can buy again.
            </p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setDeclining(null)}>
                Keep waiting
              </button>
              <button
                type="button"
                className="danger-outline"
                onClick={() => {
                  const p = declining;
                  setDeclining(null);
                  void send('decline_manual_payment', { p_payment_id: p.id }, `Payment not received from ${paymentLabel(p)}`);
                }}
              >
                Not received
              </button>
            </div>
          </>
        )}
      </Dialog>
      <Dialog open={adjusting !== null} title={adjusting ? `Credits for ${adjusting.name}` : 'Credits'} onClose={() => setAdjusting(null)}>
        {adjusting && (
          <CreditsForm
            client={adjusting}
            onDone={() => setAdjusting(null)}
            onSend={(args, label) => send('adjust_client_credits', args, label)}
          />
        )}
      </Dialog>
    </div>
  );
}

function CreditsForm({
  client,
  onSend,
  onDone,
}: {
  client: ClientCredits;
  onSend: (args: Record<string, unknown>, label: string) => Promise<boolean>;
  onDone: () => void;
}) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const holds = client.withTrainer ?? 0;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const raw = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = creditsFormModel.safeParse(raw);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    const tooMany = creditsFormError(parsed.data, holds);
    if (tooMany) {
      setErrors({ credits: tooMany });
      return;
    }
    const { direction, credits } = parsed.data;
    const label = `${direction === 'give' ? 'Give' : 'Take back'} ${plural(credits, 'credit')} ${direction === 'give' ? 'to' : 'from'} ${client.name}`;
    if (await onSend(adjustArgs(client.id, parsed.data), label)) onDone();
  }

  return (
    <form className="stack-form" onSubmit={(e) => void submit(e)} noValidate aria-label={`Credits for ${client.name}`}>
      <p className="muted small">
        {client.withTrainer === null ? 'Their balance is not known on this device yet.' : `They have ${plural(holds, 'credit')} with you.`}
      </p>
      <fieldset className="choice-row">
        <legend>Change</legend>
        <label className="choice-inline">
          <input type="radio" name="direction" value="give" defaultChecked /> Give
        </label>
        <label className="choice-inline">
          <input type="radio" name="direction" value="take" disabled={holds === 0} /> Take back
        </label>
      </fieldset>
      <FormField label="Credits" error={errors.credits} errorId="credits-error">
        {(describedBy) => (
          <input
            name="credits"
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            defaultValue={1}
            aria-invalid={!!errors.credits}
            aria-describedby={describedBy}
          />
        )}
      </FormField>
      <FormField label={`Note for ${client.name.split(' ')[0]} (optional)`} error={errors.note} errorId="note-error">
        {(describedBy) => (
          <input name="note" maxLength={200} placeholder="e.g. Makeup for the cancelled class" aria-describedby={describedBy} />
        )}
      </FormField>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </form>
  );
}

function PricingForm({
  own,
  onSave,
}: {
  own: OwnPricing | null;
  onSave: (fn: BookingOutboxFunction, args: Record<string, unknown>, label: string) => Promise<boolean>;
}) {
  const defaults = useMemo(() => pricingFormDefaults(own, currencyForLocale(navigator.language)), [own]);
  const [freeTrial, setFreeTrial] = useState(defaults.freeTrialSession);
  const [errors, setErrors] = useState<string[]>([]);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(false);
    const raw = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = pricingFormModel.safeParse({
      ...raw,
      freeTrialSession: freeTrial,
      trialSessionsPerWeek: raw.trialSessionsPerWeek ?? '0',
    });
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => i.message));
      return;
    }
    setErrors([]);
    if (await onSave('set_trainer_pricing', pricingArgs(parsed.data), 'Prices and cancellation policy')) setSaved(true);
  }

  return (
    <section className="card" aria-labelledby="pricing-title">
      <h2 id="pricing-title">Prices and cancellation</h2>
      {!own && <p className="notice small">You have no prices yet: clients cannot buy sessions from you until you save some.</p>}
      <form className="pricing-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Prices and cancellation">
        <label>
          Currency
          <input name="currency" defaultValue={defaults.currency} maxLength={3} autoCapitalize="characters" className="currency-input" />
        </label>
        <p className="muted small pricing-hint">Leave a price empty to not sell that option.</p>
        <label>
          One session
          <input name="single" inputMode="decimal" defaultValue={defaults.single} placeholder="Not sold" />
        </label>
        <label>
          5 sessions
          <input name="pack5" inputMode="decimal" defaultValue={defaults.pack5} placeholder="Not sold" />
        </label>
        <label>
          10 sessions
          <input name="pack10" inputMode="decimal" defaultValue={defaults.pack10} placeholder="Not sold" />
        </label>
        <label className="pricing-wide">
          Cancellation policy
          <select name="cancellationPolicy" defaultValue={defaults.cancellationPolicy}>
            {Object.entries(POLICY_TEXT).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <label className="choice-inline pricing-wide">
          <span>
            <input type="checkbox" checked={freeTrial} onChange={(e) => setFreeTrial(e.target.checked)} /> Offer a free first session
          </span>
        </label>
        {freeTrial && (
          <label>
            Free first sessions a week, at most
            <input
              name="trialSessionsPerWeek"
              type="number"
              inputMode="numeric"
              min={0}
              max={50}
              defaultValue={defaults.trialSessionsPerWeek}
            />
          </label>
        )}
        {errors.length > 0 && (
          <ul className="form-error pricing-wide" role="alert">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        {saved && (
          <p className="muted small pricing-wide" role="status">
            Saved on this device; it is sent to the server now (or when you are back online).
          </p>
        )}
        <p className="muted small pricing-wide">Sessions already booked keep the policy they were booked under.</p>
        <button type="submit" className="primary pricing-wide">
          Save prices
        </button>
      </form>
    </section>
  );
}
