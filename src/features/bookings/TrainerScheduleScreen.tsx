/**
 * The trainer's schedule: booking requests to approve or decline, a week calendar of their
 * bookings, sessions that have happened to mark completed or no-show, and the availability
 * editor. Reads the device's replica (works offline); answers go through the outbox, marking
 * attendance (idempotent by nature, no key) and editing availability need a connection.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useDeviceStore } from '@/lib/device-store';
import { markBookingStatus } from './bookings-api';
import { Dialog } from '@/lib/ui/Dialog';
import { AvailabilityEditor } from './AvailabilityEditor';
import { BookingCalendar } from './BookingCalendar';
import { formatWhen, refundPreviewText, STATUS_TEXT } from './booking-text';
import { trainerCalendar, trainerOpenSlots, type CalendarEntry } from './calendar-entries';
import { parseRefusal, type Booking } from './model';
import { RequestOutcomes } from './RequestOutcomes';
import { paymentsToConfirm } from './trainer-billing';
import { sendBookingRequest, useBookingReplica, useBookingRequests } from './useBookingReplica';
import './bookings.css';

/** Days back that unmarked sessions are listed. */
const MARK_WINDOW_DAYS = 14;
/** Days of open slots shown in the calendar. */
const OPEN_SLOT_DAYS = 28;

export function TrainerScheduleScreen() {
  const userId = useDeviceStore((s) => s.userId);
  const { replica, refreshing, refresh, online } = useBookingReplica('trainer');
  const requests = useBookingRequests();
  const [now, setNow] = useState(() => new Date());
  const [selected, setSelected] = useState<Booking | null>(null);
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);

  const people = replica.people;
  const pendingPayments = paymentsToConfirm(replica.payments).length;
  const clientName = useCallback(
    (id: string | null) => (id ? (people.find((p) => p.id === id)?.fullName ?? 'A client') : 'Group session'),
    [people],
  );
  const label = (b: Booking) => `${formatWhen(b.starts_at)} with ${clientName(b.client_id)}`;
  const waiting = new Set(requests.filter((r) => r.status === 'pending' || r.status === 'sending').map((r) => String(r.args.p_booking_id)));
  const toAnswer = replica.bookings.filter((b) => b.status === 'requested' && new Date(b.starts_at) > now);
  const toMark = replica.bookings.filter(
    (b) =>
      b.kind === 'one_to_one' &&
      (b.status === 'confirmed' || b.status === 'scheduled') &&
      new Date(b.starts_at) <= now &&
      now.getTime() - new Date(b.starts_at).getTime() < MARK_WINDOW_DAYS * 86_400_000,
  );
  const entries = useMemo(
    () =>
      [
        ...trainerCalendar(replica.bookings, requests),
        ...(userId
          ? trainerOpenSlots({
              trainerId: userId,
              windows: replica.windows,
              exceptions: replica.exceptions,
              bookings: replica.bookings,
              now,
              days: OPEN_SLOT_DAYS,
            })
          : []),
      ].sort((a, b) => a.start.getTime() - b.start.getTime()),
    [replica.bookings, replica.windows, replica.exceptions, requests, userId, now],
  );
  const openSlots = entries.filter((e) => e.kind === 'free');
  const nextBooking = entries.find((e) => e.kind === 'booking' && e.end > now)?.start ?? entries.find((e) => e.end > now)?.start;

  async function respond(b: Booking, approve: boolean) {
    setError(null);
    try {
      await sendBookingRequest(
        'respond_to_booking_request',
        { p_booking_id: b.id, p_approve: approve, p_reason: approve ? null : 'declined_by_trainer' },
        `${approve ? 'Approve' : 'Decline'} ${label(b)}`,
      );
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function mark(b: Booking, status: 'completed' | 'no_show') {
    setBusy(b.id);
    setError(null);
    try {
      const callError = await markBookingStatus(b.id, status);
      if (callError) setError(`${label(b)}: ${parseRefusal(callError).message}`);
      else {
        refresh();
        setSelected(null);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function move(b: Booking, to: Date) {
    setError(null);
    try {
      await sendBookingRequest(
        'reschedule_booking',
        { p_booking_id: b.id, p_new_starts_at: to.toISOString() },
        `Move ${label(b)} → ${formatWhen(to)}`,
      );
      setSelected(null);
      setMoving(false);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  async function cancel(b: Booking) {
    setError(null);
    try {
      await sendBookingRequest('cancel_booking', { p_booking_id: b.id, p_reason: 'cancelled_by_trainer' }, `Cancel ${label(b)}`);
      setSelected(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const pick = (entry: CalendarEntry) => {
    if (entry.kind === 'booking') setSelected(replica.bookings.find((b) => b.id === entry.id) ?? null);
  };
  const shortTitle = useCallback(
    (entry: CalendarEntry) => (entry.kind === 'booking' ? (clientName(entry.booking.client_id).split(' ')[0] ?? '') : 'Open'),
    [clientName],
  );
  const title = useCallback(
    (entry: CalendarEntry) =>
      entry.kind === 'booking'
        ? `${formatWhen(entry.start)}, ${clientName(entry.booking.client_id)}: ${STATUS_TEXT[entry.booking.status]}${entry.change ? ' (sending…)' : ''}`
        : `Open for booking: ${formatWhen(entry.start)}`,
    [clientName],
  );

  return (
    <div className="screen bookings-screen screen-wide schedule-screen">
      <div className="screen-head">
        <h1>Schedule</h1>
        <div className="screen-head-actions">
          <Link className="button" to="/schedule/billing">
            Prices &amp; credits{pendingPayments > 0 ? ` (${pendingPayments} to confirm)` : ''}
          </Link>
          <button type="button" onClick={refresh} disabled={!online || refreshing}>
            {refreshing ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      {!online && (
        <p className="notice" role="status">
          Offline: showing what this device last saw. Answers wait here until you are back online.
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!replica.loaded ? (
        <p className="screen-loading" aria-busy="true">
          Loading your schedule…
        </p>
      ) : (
        <>
          <RequestOutcomes requests={requests} />
          <section className="card" aria-labelledby="requests-title">
            <h2 id="requests-title">Booking requests</h2>
            {toAnswer.length === 0 ? (
              <p className="empty">No requests waiting for you.</p>
            ) : (
              <ul className="plain-list booking-list">
                {toAnswer.map((b) => (
                  <li key={b.id} className="booking-row" data-testid="booking-request-row">
                    <div>
                      <p className="booking-when">{formatWhen(b.starts_at)}</p>
                      <p className="muted small">
                        {clientName(b.client_id)}
                        {b.notes ? ` · “${b.notes}”` : ''}
                      </p>
                    </div>
                    <div className="booking-actions">
                      <button
                        type="button"
                        className="primary"
                        disabled={waiting.has(b.id)}
                        onClick={() => void respond(b, true)}
                        aria-label={`Approve ${label(b)}`}
                      >
                        Approve
                      </button>
                      <button
                        type="button"
                        className="danger-outline"
                        disabled={waiting.has(b.id)}
                        onClick={() => void respond(b, false)}
                        aria-label={`Decline ${label(b)}`}
                      >
                        Decline
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {toMark.length > 0 && (
            <section className="card" aria-labelledby="mark-title">
              <h2 id="mark-title">How did it go?</h2>
              <ul className="plain-list booking-list">
                {toMark.map((b) => (
                  <li key={b.id} className="booking-row">
                    <div>
                      <p className="booking-when">{formatWhen(b.starts_at)}</p>
                      <p className="muted small">{clientName(b.client_id)}</p>
                    </div>
                    <div className="booking-actions">
                      <button
                        type="button"
                        disabled={!online || busy === b.id}
                        onClick={() => void mark(b, 'completed')}
                        aria-label={`Completed: ${label(b)}`}
                      >
                        Completed
                      </button>
                      <button
                        type="button"
                        className="danger-outline"
                        disabled={!online || busy === b.id}
                        onClick={() => void mark(b, 'no_show')}
                        aria-label={`No-show: ${label(b)}`}
                      >
                        No-show
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
              {!online && <p className="muted small">Marking attendance needs a connection.</p>}
            </section>
          )}
          <section className="card schedule-calendar" aria-labelledby="calendar-title">
            <h2 id="calendar-title">Calendar</h2>
            <BookingCalendar
              key={nextBooking ? 'with' : 'none'}
              entries={entries}
              title={title}
              shortTitle={shortTitle}
              onPick={pick}
              initialDate={nextBooking}
              label="Your bookings"
            />
          </section>
          {userId && (
            <AvailabilityEditor
              trainerId={userId}
              windows={replica.windows}
              exceptions={replica.exceptions}
              online={online}
              onChanged={refresh}
            />
          )}
        </>
      )}
      <Dialog
        open={selected !== null}
        title={selected ? `Session ${formatWhen(selected.starts_at)}` : 'Session'}
        onClose={() => {
          setSelected(null);
          setMoving(false);
        }}
      >
        {selected && (
          <>
            <p>
              {clientName(selected.client_id)} · {STATUS_TEXT[selected.status]}
            </p>
            {selected.notes && <p className="muted">“{selected.notes}”</p>}
            {selected.kind === 'one_to_one' &&
              new Date(selected.starts_at) <= now &&
              selected.status !== 'cancelled' &&
              selected.status !== 'requested' && (
                <div className="dialog-actions">
                  <button type="button" disabled={!online || busy === selected.id} onClick={() => void mark(selected, 'completed')}>
                    Completed
                  </button>
                  <button
                    type="button"
                    className="danger-outline"
                    disabled={!online || busy === selected.id}
                    onClick={() => void mark(selected, 'no_show')}
                  >
                    No-show
                  </button>
                </div>
              )}
            {selected.kind === 'one_to_one' && selected.status === 'requested' && new Date(selected.starts_at) > now && (
              <div className="dialog-actions">
                <button type="button" className="primary" onClick={() => void respond(selected, true).then(() => setSelected(null))}>
                  Approve
                </button>
                <button
                  type="button"
                  className="danger-outline"
                  onClick={() => void respond(selected, false).then(() => setSelected(null))}
                >
                  Decline
                </button>
              </div>
            )}
            {selected.kind === 'one_to_one' &&
              (selected.status === 'confirmed' || selected.status === 'scheduled') &&
              new Date(selected.starts_at) > now && (
                <>
                  <p className="muted small">
                    {
                      refundPreviewText(
                        {
                          status: selected.status,
                          startsAt: new Date(selected.starts_at),
                          creditsSpent: selected.credits_spent,
                          cancellationPolicy: selected.cancellation_policy,
                        },
                        now,
                        'trainer',
                      ).detail
                    }
                  </p>
                  <div className="dialog-actions">
                    <button type="button" onClick={() => setMoving((m) => !m)} aria-expanded={moving}>
                      Move
                    </button>
                    <button type="button" className="danger-outline" onClick={() => void cancel(selected)}>
                      Cancel session
                    </button>
                  </div>
                  {moving &&
                    (openSlots.length === 0 ? (
                      <p className="empty">No open times in the next four weeks.</p>
                    ) : (
                      <ul className="plain-list slot-grid" aria-label="Open times">
                        {openSlots.slice(0, 24).map((slot) => (
                          <li key={slot.id}>
                            <button type="button" onClick={() => void move(selected, slot.start)}>
                              {formatWhen(slot.start)}
                            </button>
                          </li>
                        ))}
                      </ul>
                    ))}
                </>
              )}
          </>
        )}
      </Dialog>
    </div>
  );
}
