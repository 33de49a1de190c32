/**
 * The client's booking dialogs: book a free slot, and manage a booking (cancel with the refund
 * shown first, or move it to another free slot). Each action goes to the outbox, so it works
 * offline and shows as pending until the server answers.
 */
import { useState } from 'react';
import { Dialog } from '@/lib/ui/Dialog';
import type { Person } from './booking-replica';
import { formatWhen, POLICY_TEXT, refundPreviewText, rescheduleText, STATUS_TEXT } from './booking-text';
import type { CalendarBooking, CalendarEntry } from './calendar-entries';
import type { CancellationPolicy } from './refund-policy';
import { sendBookingRequest } from './useBookingReplica';

export function bookingLabel(startsAt: Date | string, trainerName: string | undefined): string {
  return `${formatWhen(startsAt)}${trainerName ? ` with ${trainerName}` : ''}`;
}

function useSend(onDone: () => void) {
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const send = async (...args: Parameters<typeof sendBookingRequest>) => {
    setSending(true);
    setError(null);
    try {
      await sendBookingRequest(...args);
      onDone();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };
  return { sending, error, send };
}

function OfflineNote({ online }: { online: boolean }) {
  if (online) return null;
  return (
    <p className="notice small">
      You are offline. The request is kept on this device and sent when you are back online; the server decides then.
    </p>
  );
}

export function BookSlotDialog({
  slot,
  trainer,
  credits,
  online,
  onClose,
}: {
  slot: Extract<CalendarEntry, { kind: 'free' }> | null;
  trainer: Person | undefined;
  /** What the client can spend with this trainer, as far as the device knows. */
  credits: number;
  online: boolean;
  onClose: () => void;
}) {
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    onClose();
  };
  const { sending, error, send } = useSend(close);
  const policy: CancellationPolicy = trainer?.pricing?.cancellationPolicy ?? 'up_to_24h';
  return (
    <Dialog open={slot !== null} title="Book this session?" onClose={close}>
      {slot && (
        <>
          <dl className="facts">
            <dt>When</dt>
            <dd>
              {formatWhen(slot.start)}–{formatWhen(slot.end).split(', ')[1]}
            </dd>
            <dt>Trainer</dt>
            <dd>{trainer?.fullName ?? 'Your trainer'}</dd>
            <dt>Cost</dt>
            <dd>
              1 credit (you have {credits})
              {trainer?.pricing?.freeTrialSession ? '; your first session with this trainer may be a free trial' : ''}
            </dd>
            <dt>Cancelling</dt>
            <dd>{POLICY_TEXT[policy]}</dd>
          </dl>
          {credits < 1 && !trainer?.pricing?.freeTrialSession && (
            <p className="notice small">
              You seem to have no credits for this trainer: the server will refuse unless some arrived meanwhile.
            </p>
          )}
          <OfflineNote online={online} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <details className="ask-first">
            <summary>Ask your trainer first</summary>
            <label>
              Note for {trainer?.fullName ?? 'your trainer'} (optional)
              <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} />
            </label>
            <p className="muted small">The time is held for you until your trainer approves or declines; a decline refunds the credit.</p>
            <button
              type="button"
              disabled={sending}
              onClick={() =>
                void send(
                  'request_booking',
                  { p_trainer_id: slot.trainerId, p_starts_at: slot.start.toISOString(), p_message: note.trim() || null },
                  bookingLabel(slot.start, trainer?.fullName),
                )
              }
            >
              Send request
            </button>
          </details>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Not now
            </button>
            <button
              type="button"
              className="primary"
              disabled={sending}
              onClick={() =>
                void send(
                  'book_session',
                  { p_trainer_id: slot.trainerId, p_starts_at: slot.start.toISOString() },
                  bookingLabel(slot.start, trainer?.fullName),
                )
              }
            >
              Book
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}

export function ManageBookingDialog({
  booking,
  trainerName,
  freeSlots,
  online,
  now,
  onClose,
}: {
  booking: (CalendarBooking & { credits_spent: number; cancellation_policy: CancellationPolicy | null }) | null;
  trainerName: string | undefined;
  /** Free slots of the booking's trainer to move it to. */
  freeSlots: Array<Extract<CalendarEntry, { kind: 'free' }>>;
  online: boolean;
  now: Date;
  onClose: () => void;
}) {
  const [step, setStep] = useState<'menu' | 'cancel' | 'move'>('menu');
  const close = () => {
    setStep('menu');
    onClose();
  };
  const { sending, error, send } = useSend(close);
  const cancellable = booking && {
    status: booking.status,
    startsAt: new Date(booking.starts_at),
    creditsSpent: booking.credits_spent,
    cancellationPolicy: booking.cancellation_policy,
  };
  const refund = cancellable ? refundPreviewText(cancellable, now) : null;
  const move = cancellable ? rescheduleText(cancellable, now) : null;
  const label = booking ? bookingLabel(booking.starts_at, trainerName) : '';
  return (
    <Dialog open={booking !== null} title={booking ? `Session ${formatWhen(booking.starts_at)}` : 'Session'} onClose={close}>
      {booking && refund && move && (
        <>
          <p>
            {STATUS_TEXT[booking.status]}
            {trainerName ? ` · with ${trainerName}` : ''}
          </p>
          {step === 'menu' && (
            <div className="dialog-actions">
              <button type="button" onClick={() => setStep('move')} disabled={!move.canMove}>
                Move
              </button>
              <button type="button" className="danger-outline" onClick={() => setStep('cancel')} disabled={!refund.canCancel}>
                Cancel session
              </button>
            </div>
          )}
          {step === 'menu' && !refund.canCancel && <p className="muted small">{refund.detail}</p>}
          {step === 'cancel' && (
            <div className="refund-preview" data-testid="refund-preview">
              <p className="big">{refund.title}</p>
              <p className="muted">{refund.detail}</p>
              <OfflineNote online={online} />
              <div className="dialog-actions">
                <button type="button" onClick={() => setStep('menu')}>
                  Keep it
                </button>
                <button
                  type="button"
                  className="danger-outline"
                  disabled={sending}
                  onClick={() => void send('cancel_booking', { p_booking_id: booking.id, p_require_refund: refund.requireRefund }, label)}
                >
                  Cancel session
                </button>
              </div>
            </div>
          )}
          {step === 'move' && (
            <div className="move-list">
              <p className="muted small">{move.detail}</p>
              <OfflineNote online={online} />
              {freeSlots.length === 0 ? (
                <p className="empty">No free times in the next weeks.</p>
              ) : (
                <ul className="plain-list slot-grid">
                  {freeSlots.slice(0, 24).map((slot) => (
                    <li key={slot.id}>
                      <button
                        type="button"
                        disabled={sending}
                        onClick={() =>
                          void send(
                            'reschedule_booking',
                            { p_booking_id: booking.id, p_new_starts_at: slot.start.toISOString() },
                            `${label} → ${formatWhen(slot.start)}`,
                          )
                        }
                      >
                        {formatWhen(slot.start)}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
              <div className="dialog-actions">
                <button type="button" onClick={() => setStep('menu')}>
                  Back
                </button>
              </div>
            </div>
          )}
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}
