/**
 * The client's bookings: credits and plan, requests in the outbox with their outcome, a week
 * calendar of a trainer's free slots to book, and upcoming and past sessions to manage. Reads
 * the device's replica, so it works offline; actions go through the outbox.
 */
import { formatDate } from '@/lib/dates';
import { useEffect, useMemo, useState } from 'react';
import type { Booking } from './model';
import { BookingCalendar, clientEntryShortTitle, clientEntryTitle } from './BookingCalendar';
import { BookSlotDialog, ManageBookingDialog } from './BookingDialogs';
import { formatWhen, STATUS_TEXT } from './booking-text';
import { clientCalendar, isActiveBooking, type CalendarEntry } from './calendar-entries';
import { CreditsPanel } from './CreditsPanel';
import { creditBalances, spendableWith } from './ledger-history';
import { RequestOutcomes } from './RequestOutcomes';
import { useBookingReplica, useBookingRequests } from './useBookingReplica';
import './bookings.css';

function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ClientBookingsScreen() {
  const { replica, refreshing, refreshFailed, refresh, online } = useBookingReplica('client');
  const requests = useBookingRequests();
  const now = useMinuteClock();
  const [chosenTrainer, setChosenTrainer] = useState<string | null>(null);
  const [picked, setPicked] = useState<CalendarEntry | null>(null);
  const [managing, setManaging] = useState<Booking | null>(null);

  const trainers = replica.people;
  const trainer = trainers.find((t) => t.id === chosenTrainer) ?? trainers[0];
  const nameOf = (id: string) => replica.people.find((p) => p.id === id)?.fullName ?? 'your trainer';
  const entries = useMemo(
    () => (trainer ? clientCalendar({ trainerId: trainer.id, slots: replica.slots, bookings: replica.bookings, requests, now }) : []),
    [trainer, replica.slots, replica.bookings, requests, now],
  );
  const freeSlots = entries.filter((e): e is Extract<CalendarEntry, { kind: 'free' }> => e.kind === 'free');
  const balances = useMemo(() => creditBalances(replica.ledger), [replica.ledger]);
  const upcoming = replica.bookings.filter((b) => b.client_id !== null && isActiveBooking(b) && new Date(b.ends_at) > now);
  const past = replica.bookings.filter((b) => b.client_id !== null && !upcoming.includes(b)).reverse();
  const firstFree = freeSlots[0]?.start;

  function pick(entry: CalendarEntry) {
    if (entry.kind === 'free') setPicked(entry);
    if (entry.kind === 'booking') setManaging(replica.bookings.find((b) => b.id === entry.id) ?? null);
  }

  const title = useMemo(
    () => clientEntryTitle((id) => replica.people.find((p) => p.id === id)?.fullName ?? 'your trainer'),
    [replica.people],
  );

  return (
    <div className="screen bookings-screen">
      <div className="screen-head">
        <h1>Bookings</h1>
        <button type="button" onClick={refresh} disabled={!online || refreshing} aria-label="Refresh bookings">
          {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {!online && (
        <p className="notice" role="status">
          Offline: showing what this device last saw{replica.refreshedAt ? ` (${formatDate(replica.refreshedAt, { time: true })})` : ''}. New
          bookings wait here until you are back online.
        </p>
      )}
      {online && refreshFailed && !refreshing && <p className="notice">Could not reach the server; showing this device's copy.</p>}
      {!replica.loaded ? (
        <p className="screen-loading" aria-busy="true">
          Loading your bookings…
        </p>
      ) : (
        <>
          <RequestOutcomes requests={requests} />
          <CreditsPanel replica={replica} trainers={trainers} />
          {trainers.length === 0 ? (
            <section className="card">
              <h2>Book a session</h2>
              <p className="empty">
                {replica.refreshedAt
                  ? 'You have no trainer yet. Accept your trainer’s invitation to book sessions.'
                  : 'Connect once to load your trainers and their free times.'}
              </p>
            </section>
          ) : (
            <section className="card" aria-labelledby="book-title">
              <div className="screen-head">
                <h2 id="book-title">Book a session</h2>
                {trainers.length > 1 && (
                  <label className="inline-label">
                    Trainer
                    <select value={trainer?.id ?? ''} onChange={(e) => setChosenTrainer(e.target.value)}>
                      {trainers.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.fullName}
                        </option>
                      ))}
                    </select>
                  </label>
                )}
              </div>
              <p className="muted small">
                {freeSlots.length === 0
                  ? `${trainer?.fullName ?? 'Your trainer'} has no free times in the next four weeks.`
                  : `Pick a free time with ${trainer?.fullName}. Next free: ${formatWhen(freeSlots[0]!.start)}.`}
              </p>
              <BookingCalendar
                key={`${trainer?.id}-${firstFree ? 'slots' : 'none'}`}
                entries={entries}
                title={title}
                shortTitle={clientEntryShortTitle}
                onPick={pick}
                initialDate={firstFree}
                label={`Calendar with ${trainer?.fullName ?? 'your trainer'}`}
              />
            </section>
          )}
          <section className="card" aria-labelledby="upcoming-title">
            <h2 id="upcoming-title">Upcoming sessions</h2>
            {upcoming.length === 0 ? (
              <p className="empty">No sessions booked.</p>
            ) : (
              <ul className="plain-list booking-list">
                {upcoming.map((b) => (
                  <li key={b.id} className="booking-row" data-testid="upcoming-booking">
                    <div>
                      <p className="booking-when">{formatWhen(b.starts_at)}</p>
                      <p className="muted small">
                        with {nameOf(b.trainer_id)} ·{' '}
                        <span className={`booking-status booking-status-${b.status}`}>{STATUS_TEXT[b.status]}</span>
                      </p>
                    </div>
                    <button type="button" onClick={() => setManaging(b)} aria-label={`Manage session ${formatWhen(b.starts_at)}`}>
                      Manage
                    </button>
                  </li>
                ))}
              </ul>
            )}
            {past.length > 0 && (
              <details>
                <summary>Past and cancelled ({past.length})</summary>
                <ul className="plain-list booking-list">
                  {past.map((b) => (
                    <li key={b.id} className="booking-row">
                      <div>
                        <p className="booking-when">{formatWhen(b.starts_at)}</p>
                        <p className="muted small">
                          with {nameOf(b.trainer_id)} · {STATUS_TEXT[b.status]}
                        </p>
                      </div>
                    </li>
                  ))}
                </ul>
              </details>
            )}
          </section>
        </>
      )}
      <BookSlotDialog
        slot={picked?.kind === 'free' ? picked : null}
        trainer={picked?.kind === 'free' ? trainers.find((t) => t.id === picked.trainerId) : undefined}
        credits={picked?.kind === 'free' ? spendableWith(balances, picked.trainerId) : 0}
        online={online}
        onClose={() => setPicked(null)}
      />
      <ManageBookingDialog
        booking={managing}
        trainerName={managing ? nameOf(managing.trainer_id) : undefined}
        freeSlots={
          managing
            ? clientCalendar({ trainerId: managing.trainer_id, slots: replica.slots, bookings: replica.bookings, requests, now }).filter(
                (e): e is Extract<CalendarEntry, { kind: 'free' }> => e.kind === 'free',
              )
            : []
        }
        online={online}
        now={now}
        onClose={() => setManaging(null)}
      />
    </div>
  );
}
