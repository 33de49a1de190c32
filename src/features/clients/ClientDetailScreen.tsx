/** One client at a glance: profile and goals, program, recent sessions, best lifts, measurements, habits. */
import { formatDate } from '@/lib/dates';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useWeightUnit } from '@/features/account';
import { estimateOneRepMaxKg, formatEstimatedWeight, formatWeight } from '@/features/workouts';
import { useStore } from 'zustand';
import { useDeviceStore } from '@/lib/device-store';
import { syncStatus } from '@/sync/status-store';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { adherenceText, summariseClient, startOfWeek } from './client-summary';
import { bestLifts, recentSessions } from './client-detail';
import { removeFromRoster } from './roster-api';
import { rosterLabel } from './roster-model';
import { useClientRows } from './useClientData';
import { useRoster } from './useRoster';
import './clients.css';

const words = (value: string | null | undefined) => (value ? value.replace(/_/g, ' ') : '—');

export function ClientDetailScreen() {
  const { clientId = '' } = useParams();
  const userId = useDeviceStore((s) => s.userId);
  const online = useStore(syncStatus, (s) => s.online);
  const roster = useRoster();
  const rows = useClientRows(clientId);
  const catalogue = useExerciseCatalogue();
  const unit = useWeightUnit();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState(false);
  const now = useMemo(() => new Date(), []);
  const entry = roster.activeByClientId.get(clientId);

  const digest = useMemo(
    () => (rows.sessions && rows.sets && rows.days ? recentSessions(rows.sessions, rows.sets, (id) => rows.days?.find((d) => d.id === id)?.name) : undefined),
    [rows.sessions, rows.sets, rows.days],
  );
  const lifts = useMemo(() => (rows.sets ? bestLifts(rows.sets, estimateOneRepMaxKg) : []), [rows.sets]);

  if (!roster.loaded) return <p aria-busy="true" className="screen-loading">Loading…</p>;
  if (!entry) {
    return (
      <section className="screen">
        <h1>Client not on your roster</h1>
        <p className="muted">This person is not an active client of yours (any more), so their data is not shown.</p>
        <Link to="/clients">Back to clients</Link>
      </section>
    );
  }

  const name = rosterLabel(entry);
  const summary = rows.programs && rows.days && rows.sessions && rows.checkIns ? summariseClient({ clientId, programs: rows.programs, days: rows.days, sessions: rows.sessions, checkIns: rows.checkIns, now }) : null;
  const programs = (rows.programs ?? []).filter((p) => p.status !== 'archived').sort((a, b) => (a.status === 'active' ? -1 : b.status === 'active' ? 1 : 0));
  const latest = rows.measurements?.[0];
  const first = rows.measurements?.at(-1);
  const weekStart = startOfWeek(now);
  const weekStartDay = `${weekStart.getFullYear()}-${String(weekStart.getMonth() + 1).padStart(2, '0')}-${String(weekStart.getDate()).padStart(2, '0')}`;
  const habits = (rows.habits ?? []).filter((h) => !h.archived);
  const profile = entry.profile;

  return (
    <section className="screen" aria-labelledby="client-title">
      <Link className="back-link" to="/clients">
        ← Clients
      </Link>
      <header>
        <h1 id="client-title">{name}</h1>
        <p className="muted">
          Client since {formatDate(entry.accepted_at)}
          {summary ? ` · ${adherenceText(summary)}` : ''}
          {summary && summary.openCheckIns > 0 ? ` · ${summary.openCheckIns} check-in${summary.openCheckIns === 1 ? '' : 's'} to review` : ''}
        </p>
        <Link to={`/check-ins/client/${clientId}`}>Progress and check-ins</Link>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="client-grid">
        <section className="card" aria-labelledby="client-profile">
          <h2 id="client-profile">Profile and goals</h2>
          <dl className="facts">
            <dt>Goal</dt>
            <dd>{words(profile?.goal)}</dd>
            <dt>Experience</dt>
            <dd>{words(profile?.experience_level)}</dd>
            <dt>Days per week</dt>
            <dd>{profile?.preferred_days_per_week ?? '—'}</dd>
            <dt>Limitations</dt>
            <dd>{profile?.limitations ?? 'None noted'}</dd>
          </dl>
          {(rows.goals ?? []).length > 0 && (
            <ul className="plain-list">
              {(rows.goals ?? []).map((g) => (
                <li key={g.id}>
                  <strong>{g.title}</strong>{' '}
                  <span className="muted small">
                    {g.current_value ?? g.start_value ?? '—'} → {g.target_value} {g.unit ?? ''} · {g.status}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="client-program">
          <h2 id="client-program">Program</h2>
          {programs.length === 0 ? (
            <p className="muted">
              No program yet. <Link to="/programs">Open a template</Link> and choose “Assign to a client”.
            </p>
          ) : (
            <ul className="plain-list">
              {programs.map((p) => (
                <li key={p.id}>
                  <Link to={`/programs/${p.id}`}>{p.name}</Link>{' '}
                  <span className="muted small">
                    {p.status} · week {p.current_week} of {p.weeks}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="client-sessions">
          <h2 id="client-sessions">Recent sessions</h2>
          {!digest ? (
            <p aria-busy="true">Loading…</p>
          ) : digest.length === 0 ? (
            <p className="muted">No sessions logged in the last 90 days.</p>
          ) : (
            <ul className="plain-list">
              {digest.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>{' '}
                  <span className="muted small">
                    {formatDate(s.startedAt)} · {s.status.replace('_', ' ')}
                  </span>
                  {s.exercises.length > 0 && (
                    <ul className="session-sets small">
                      {s.exercises.map((e) => (
                        <li key={e.exerciseId}>
                          {exerciseName(catalogue, e.exerciseId)}: {e.sets.join(', ')}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="client-prs">
          <h2 id="client-prs">Best lifts</h2>
          {lifts.length === 0 ? (
            <p className="muted">No weighted sets yet.</p>
          ) : (
            <ul className="plain-list">
              {lifts.map((l) => (
                <li key={l.exerciseId}>
                  {exerciseName(catalogue, l.exerciseId)}: <strong>
                    {formatWeight(l.weightKg, unit)} × {l.reps}
                  </strong>{' '}
                  <span className="muted small">
                    e1RM {formatEstimatedWeight(l.e1rmKg, unit)} · {formatDate(l.at)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section className="card" aria-labelledby="client-measurements">
          <h2 id="client-measurements">Measurements</h2>
          {!latest ? (
            <p className="muted">No measurements yet.</p>
          ) : (
            <dl className="facts">
              <dt>Weight</dt>
              <dd>
                {latest.weight_kg ?? '—'} kg
                {first && first !== latest && latest.weight_kg !== null && first.weight_kg !== null ? ` (${latest.weight_kg - first.weight_kg >= 0 ? '+' : ''}${(latest.weight_kg - first.weight_kg).toFixed(1)} since ${formatDate(first.measured_at)})` : ''}
              </dd>
              <dt>Body fat</dt>
              <dd>{latest.body_fat_pct !== null ? `${latest.body_fat_pct} %` : '—'}</dd>
              <dt>Waist</dt>
              <dd>{latest.waist_cm !== null ? `${latest.waist_cm} cm` : '—'}</dd>
              <dt>Measured</dt>
              <dd>{formatDate(latest.measured_at)}</dd>
            </dl>
          )}
        </section>

        <section className="card" aria-labelledby="client-habits">
          <h2 id="client-habits">Habits this week</h2>
          {habits.length === 0 ? (
            <p className="muted">No habits.</p>
          ) : (
            <ul className="plain-list">
              {habits.map((h) => {
                const done = (rows.habitLogs ?? []).filter((l) => l.habit_id === h.id && l.done && l.log_date >= weekStartDay).length;
                return (
                  <li key={h.id}>
                    {h.name}{' '}
                    <span className="muted small">
                      {done} day{done === 1 ? '' : 's'} this week{h.cadence === 'weekly' ? ` (target ${h.target_per_period})` : ''}
                    </span>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>

      <div className="danger-zone">
        <button
          type="button"
          className="danger-outline"
          disabled={removing || !userId || !online}
          onClick={() => {
            if (!userId || !window.confirm(`Remove ${name}? You lose access to their data at once; it stays theirs.`)) return;
            setRemoving(true);
            removeFromRoster(entry.id)
              .then(() => navigate('/clients'))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
              .finally(() => setRemoving(false));
          }}
        >
          {removing ? 'Removing…' : `Remove ${name}`}
        </button>
        {!online && <span className="muted small">Offline: removing a client needs a connection.</span>}
      </div>
    </section>
  );
}
