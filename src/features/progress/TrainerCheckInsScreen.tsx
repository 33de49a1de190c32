/**
 * The trainer's check-ins: reviews waiting, the questionnaire, and each client's progress.
 * Everything but the questionnaire works offline (check-ins and progress are synced rows).
 */
import { formatDate } from '@/lib/dates';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { CheckInAnswersView } from './CheckInPanel';
import { useCheckIns, useMyClients, useProgressWriter, useUserId, type CheckInRow } from './useProgressData';

function useClientNames(): (clientId: string) => string {
  const { value: people } = useMyClients();
  return useMemo(() => {
    const names = new Map(people.map((p) => [p.id, p.fullName]));
    return (id: string) => names.get(id) ?? 'Client';
  }, [people]);
}

function CheckInLink({ checkIn, name }: { checkIn: CheckInRow; name: string }) {
  return (
    <li>
      <Link to={`/check-ins/review/${checkIn.id}`} className="button">
        {name} · week of {checkIn.week_start} · {checkIn.status === 'pending' ? 'waiting' : 'reviewed'}
      </Link>
    </li>
  );
}

export function TrainerCheckInsScreen() {
  const trainerId = useUserId();
  const checkIns = useCheckIns(null);
  const { value: clients } = useMyClients();
  const nameOf = useClientNames();
  if (!checkIns) return <p aria-busy="true">Loading check-ins…</p>;
  const mine = checkIns.filter((c) => c.trainer_id === trainerId || c.trainer_id === null);
  const waiting = mine.filter((c) => c.status === 'pending').sort((a, b) => a.submitted_at.localeCompare(b.submitted_at));
  const reviewed = mine.filter((c) => c.status === 'reviewed').slice(0, 20);
  return (
    <section className="screen" aria-labelledby="check-ins-title">
      <h1 id="check-ins-title">Check-ins</h1>
      <section className="card" aria-labelledby="waiting-title">
        <h2 id="waiting-title">Waiting for your review ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p className="empty">Nothing waiting.</p>
        ) : (
          <ul className="plain-list">
            {waiting.map((c) => (
              <CheckInLink key={c.id} checkIn={c} name={nameOf(c.client_id)} />
            ))}
          </ul>
        )}
        <Link to="/check-ins/questionnaire">Edit your weekly questionnaire</Link>
      </section>
      <section className="card" aria-labelledby="clients-progress-title">
        <h2 id="clients-progress-title">Clients' progress</h2>
        {clients.length === 0 ? (
          <p className="empty">No active clients yet.</p>
        ) : (
          <ul className="plain-list">
            {[...clients]
              .sort((a, b) => a.fullName.localeCompare(b.fullName))
              .map((c) => (
                <li key={c.id}>
                  <Link to={`/check-ins/client/${c.id}`} className="button">
                    {c.fullName}
                  </Link>
                </li>
              ))}
          </ul>
        )}
      </section>
      {reviewed.length > 0 && (
        <section className="card" aria-labelledby="reviewed-title">
          <h2 id="reviewed-title">Reviewed</h2>
          <ul className="plain-list">
            {reviewed.map((c) => (
              <CheckInLink key={c.id} checkIn={c} name={nameOf(c.client_id)} />
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

export function CheckInReviewScreen() {
  const { checkInId = '' } = useParams();
  const checkIns = useCheckIns(null);
  const nameOf = useClientNames();
  const writer = useProgressWriter();
  const checkIn = checkIns?.find((c) => c.id === checkInId);
  const [response, setResponse] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  if (!checkIns) return <p aria-busy="true">Loading…</p>;
  if (!checkIn) {
    return (
      <section className="screen">
        <Link to="/check-ins" className="back-link">
          ← Check-ins
        </Link>
        <p>This check-in is not on this device.</p>
      </section>
    );
  }
  const text = response ?? checkIn.trainer_response ?? '';
  return (
    <section className="screen" aria-labelledby="review-title">
      <Link to="/check-ins" className="back-link">
        ← Check-ins
      </Link>
      <h1 id="review-title">
        {nameOf(checkIn.client_id)} · week of {checkIn.week_start}
      </h1>
      <p className="muted small">
        Submitted {formatDate(checkIn.submitted_at, { time: true })} ·{' '}
        <Link to={`/check-ins/client/${checkIn.client_id}`}>See progress</Link>
      </p>
      <div className="card">
        <CheckInAnswersView checkIn={checkIn} />
      </div>
      <form
        className="card"
        aria-label="Respond to the check-in"
        onSubmit={(event) => {
          event.preventDefault();
          if (!text.trim()) return;
          void writer.respondToCheckIn(checkIn.id, text.trim()).then(() => setSent(true));
        }}
      >
        <label htmlFor="response">Your response</label>
        <textarea id="response" rows={5} maxLength={8000} value={text} onChange={(e) => setResponse(e.target.value)} />
        <button type="submit" className="primary" disabled={!text.trim()}>
          {checkIn.status === 'reviewed' ? 'Update response' : 'Send response and mark reviewed'}
        </button>
        {sent && (
          <p className="notice" role="status">
            Saved: it reaches your client when this device syncs.
          </p>
        )}
      </form>
    </section>
  );
}
