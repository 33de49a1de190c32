/**
 * One exercise over time: a chart of the best estimated 1RM and the top set per session, and
 * the sessions' sets. Loaded on demand (recharts is the heaviest dependency of the app).
 */
import { formatDate } from '@/lib/dates';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useWeightUnit } from '@/features/account';
import { exerciseName, useExerciseCatalogue } from '@/lib/useExerciseCatalogue';
import { exerciseVideo } from './exercise-video';
import { exerciseProgress } from './history';
import { bestsOf } from './personal-records';
import { displayWeight, formatEstimatedWeight, formatWeight } from './units';
import { useExerciseSets } from './useWorkoutData';
import type { LoggedSetFields } from './workout-model';

export function ExerciseHistoryScreen() {
  const { exerciseId = '' } = useParams();
  const sets = useExerciseSets(useMemo(() => [exerciseId], [exerciseId])) as LoggedSetFields[] | undefined;
  const unit = useWeightUnit();
  const catalogue = useExerciseCatalogue();
  const name = exerciseName(catalogue, exerciseId);
  const details = catalogue.byId.get(exerciseId);
  const points = useMemo(() => exerciseProgress(sets ?? [], exerciseId), [sets, exerciseId]);
  const bests = useMemo(() => bestsOf(sets ?? []), [sets]);
  const data = points.map((p) => ({
    date: formatDate(p.time),
    e1rm: p.e1rmKg === null ? null : displayWeight(p.e1rmKg, unit),
    top: p.topSetKg === null ? null : displayWeight(p.topSetKg, unit),
  }));

  if (!sets) return <p aria-busy="true">Loading…</p>;
  return (
    <section className="screen" aria-labelledby="exercise-title">
      <Link to="/history" className="back-link">
        ← History
      </Link>
      <h1 id="exercise-title">{name}</h1>
      <HowTo instructions={details?.instructions ?? null} videoUrl={details?.video_url ?? null} name={name} />
      <dl className="summary-stats card">
        <div>
          <dt>Best e1RM</dt>
          <dd>{bests.e1rmKg === null ? '—' : formatEstimatedWeight(bests.e1rmKg, unit)}</dd>
        </div>
        <div>
          <dt>Heaviest</dt>
          <dd>{bests.heaviestKg === null ? '—' : formatWeight(bests.heaviestKg, unit)}</dd>
        </div>
        <div>
          <dt>Sessions</dt>
          <dd>{points.length}</dd>
        </div>
      </dl>
      {points.length === 0 ? (
        <p className="empty">No sets of {name} logged yet.</p>
      ) : (
        <figure className="card chart" aria-label={`Estimated 1RM and top set of ${name} over time, in ${unit}`}>
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
              <XAxis dataKey="date" stroke="var(--muted)" fontSize={12} />
              <YAxis stroke="var(--muted)" fontSize={12} domain={['auto', 'auto']} unit={` ${unit}`} width={72} />
              <Tooltip contentStyle={{ background: 'var(--card)', border: '1px solid var(--border)', color: 'var(--fg)' }} />
              <Legend />
              <Line type="monotone" dataKey="e1rm" name="Estimated 1RM" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3 }} connectNulls />
              <Line type="monotone" dataKey="top" name="Top set" stroke="var(--chart-2)" strokeWidth={2} dot={{ r: 3 }} connectNulls />
            </LineChart>
          </ResponsiveContainer>
          <figcaption className="visually-hidden">The table below lists the same values.</figcaption>
        </figure>
      )}
      {points.length > 0 && (
        <table className="history-table">
          <caption className="visually-hidden">Sessions of {name}</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Top set</th>
              <th scope="col">e1RM</th>
              <th scope="col">Sets</th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={p.sessionId}>
                <td>
                  <Link to={`/history/${p.sessionId}`}>{formatDate(p.time)}</Link>
                </td>
                <td>
                  {formatWeight(p.topSetKg, unit)} × {p.topSetReps}
                </td>
                <td>{p.e1rmKg === null ? '—' : formatEstimatedWeight(p.e1rmKg, unit)}</td>
                <td>{p.sets}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** How to do it: the trainer's instructions and the video (embedded where the address allows). */
function HowTo({ instructions, videoUrl, name }: { instructions: string | null; videoUrl: string | null; name: string }) {
  const video = exerciseVideo(videoUrl);
  if (!instructions && !video) return null;
  return (
    <section className="card how-to" aria-labelledby="how-to-title">
      <h2 id="how-to-title">How to do it</h2>
      {instructions && <p className="instructions">{instructions}</p>}
      {video?.kind === 'embed' && (
        <div className="video-frame">
          <iframe
            src={video.src}
            title={`Video: ${name}`}
            loading="lazy"
            allow="encrypted-media; picture-in-picture; fullscreen"
            referrerPolicy="strict-origin-when-cross-origin"
          />
        </div>
      )}
      {video && (
        <a href={video.href} target="_blank" rel="noreferrer">
          {video.kind === 'embed' ? 'Open the video' : 'Watch the video'} (needs a connection)
        </a>
      )}
    </section>
  );
}
