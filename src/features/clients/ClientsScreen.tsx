/** The trainer's roster: clients with their week at a glance, invitations, and inviting someone new. */
import { formatDate } from '@/lib/dates';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useDeviceStore } from '@/lib/device-store';
import { arrivalText, useFirstArrival } from '@/lib/first-arrival';
import { adherenceText, summariseClient } from './client-summary';
import { inviteClient, NeedsConnectionError } from './roster-api';
import { rosterLabel, type RosterEntry } from './roster-model';
import { useRosterRows as useClientData } from './useClientData';
import { useRoster } from './useRoster';
import './clients.css';

function InviteForm({ trainerId }: { trainerId: string }) {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [code, setCode] = useState<string | null>(null);
  const link = code ? `${window.location.origin}/join/${code}` : '';
  return (
    <form
      className="card stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        inviteClient(trainerId, email)
          .then(({ code: made }) => {
            setCode(made);
            setEmail('');
          })
          .catch((e: unknown) => {
            const issue = (e as { issues?: Array<{ message: string }> }).issues?.[0]?.message;
            setError(issue ?? (e instanceof NeedsConnectionError || e instanceof Error ? e.message : String(e)));
          })
          .finally(() => setBusy(false));
      }}
    >
      <h2>Invite a client</h2>
      <p className="muted small">They sign up, then enter the code (or open the link). Give an email to make the invitation theirs only.</p>
      <label htmlFor="invite-email">Client’s email (optional)</label>
      <div className="inline-form">
        <input
          id="invite-email"
          type="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'invite-error' : undefined}
          autoComplete="off"
        />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Inviting…' : 'Create invitation'}
        </button>
      </div>
      {error && (
        <p id="invite-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      {code && (
        <div className="notice" role="status">
          <p>
            Invitation code:{' '}
            <strong className="mono" data-testid="invite-code">
              {code}
            </strong>
          </p>
          <p className="small">
            Link: <span className="mono">{link}</span>{' '}
            <button type="button" className="link" onClick={() => void navigator.clipboard?.writeText(link)}>
              Copy link
            </button>
          </p>
        </div>
      )}
    </form>
  );
}

export function ClientsScreen() {
  const userId = useDeviceStore((s) => s.userId);
  const roster = useRoster();
  const rows = useClientData();
  const sessionsArrival = useFirstArrival(['workout_sessions']);
  const [showRemoved, setShowRemoved] = useState(false);
  const now = useMemo(() => new Date(), []);
  if (!userId) return null;

  const summary = (entry: RosterEntry) =>
    entry.client_id && rows.programs && rows.days && rows.sessions && rows.checkIns
      ? summariseClient({
          clientId: entry.client_id,
          programs: rows.programs,
          days: rows.days,
          sessions: rows.sessions,
          checkIns: rows.checkIns,
          now,
        })
      : null;
  const active = roster.entries.filter((e) => e.status === 'active');
  const invited = roster.entries.filter((e) => e.status === 'invited');
  const removed = roster.entries.filter((e) => e.status === 'removed');

  return (
    <section className="screen screen-wide clients-screen" aria-labelledby="clients-title">
      <h1 id="clients-title">Clients</h1>
      {!roster.loaded ? (
        <p aria-busy="true" className="screen-loading">
          Loading your clients…
        </p>
      ) : (
        <>
          {active.length === 0 ? (
            <p className="empty">No active clients yet. Invite your first client below.</p>
          ) : (
            <>
              <div className="roster-head" aria-hidden="true">
                <span>Client</span>
                <span>Last workout</span>
                <span>This week</span>
                <span>Check-ins</span>
              </div>
              <ul className="plain-list roster roster-table" aria-label="Active clients">
                {active.map((entry) => {
                  const s = summary(entry);
                  const last = !s
                    ? 'Loading…'
                    : s.lastWorkoutAt
                      ? `Last workout ${formatDate(s.lastWorkoutAt)}`
                      : sessionsArrival === 'here'
                        ? 'No workout yet'
                        : arrivalText(sessionsArrival, 'workouts');
                  const week = s && (s.lastWorkoutAt || sessionsArrival === 'here') ? adherenceText(s) : null;
                  return (
                    <li key={entry.id}>
                      <Link className="list-link roster-item" to={`/clients/${entry.client_id}`}>
                        <span className="list-title">{rosterLabel(entry)}</span>
                        <span className="muted small roster-last">{last}</span>
                        <span className="muted small roster-week">
                          {week && <span className="roster-sep"> · </span>}
                          {week}
                        </span>
                        <span className="small roster-checkins">
                          {s && s.openCheckIns > 0 && (
                            <span className="badge">
                              {s.openCheckIns} check-in{s.openCheckIns === 1 ? '' : 's'} to review
                            </span>
                          )}
                        </span>
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </>
          )}
          {invited.length > 0 && (
            <>
              <h2>Invitations</h2>
              <ul className="plain-list roster">
                {invited.map((entry) => (
                  <li key={entry.id} className="card roster-invite">
                    <span>{rosterLabel(entry)}</span>
                    <span className="muted small">
                      Invited {formatDate(entry.invited_at)} · code <span className="mono">{entry.invite_code}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {removed.length > 0 && (
            <button type="button" className="link" aria-expanded={showRemoved} onClick={() => setShowRemoved((v) => !v)}>
              {showRemoved ? 'Hide' : 'Show'} {removed.length} removed
            </button>
          )}
          {showRemoved && (
            <ul className="plain-list roster" aria-label="Removed clients">
              {removed.map((entry) => (
                <li key={entry.id} className="card roster-invite">
                  <span>{rosterLabel(entry)}</span>
                  <span className="muted small">Removed {entry.removed_at ? formatDate(entry.removed_at) : ''}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <InviteForm trainerId={userId} />
    </section>
  );
}
