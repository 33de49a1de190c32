/**
 * The program builder: a template or a client's program, its weeks, days and exercises. Every
 * change is a device write (works offline, syncs, merges field by field with the trainer's
 * other devices).
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { rosterLabel, useRoster } from '@/features/clients';
import { useDeviceDatabase } from '@/lib/device-store';
import { AssignDialog } from './AssignDialog';
import { CommitField } from './CommitField';
import { DayCard } from './DayCard';
import { sortByPosition } from './ordering';
import { parseName, parseNotes, parseWhole } from './prescription-fields';
import { addDay, deleteProgram, duplicateWeekOf, editProgram, moveDay, setProgramWeeks, updateProgramFromTemplate } from './program-writes';
import { weekProgress } from './progression';
import { useDays, usePrescriptions, useProgram } from './useProgramData';
import { useProgramSessions } from './useProgramSessions';
import './programs.css';

export function ProgramBuilderScreen() {
  const { programId } = useParams();
  const db = useDeviceDatabase();
  const program = useProgram(programId);
  const days = useDays(programId);
  const dayIds = useMemo(() => (days ?? []).map((d) => d.id), [days]);
  const prescriptions = usePrescriptions(dayIds);
  const template = useProgram(program?.template_id ?? undefined);
  const roster = useRoster();
  const sessions = useProgramSessions(program?.client_id ?? null);
  const [week, setWeek] = useState<number | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [newDayName, setNewDayName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (program === undefined || days === undefined) return <p aria-busy="true" className="screen-loading">Loading the program…</p>;
  if (program === null) {
    return (
      <section className="screen">
        <h1>Program not found</h1>
        <p className="muted">It may have been deleted, or it belongs to a client who is no longer on your roster.</p>
        <Link to="/programs">Back to programs</Link>
      </section>
    );
  }

  const isTemplate = program.client_id === null;
  const client = program.client_id ? roster.activeByClientId.get(program.client_id) : undefined;
  if (!isTemplate && roster.entries.length > 0 && !client) {
    return (
      <section className="screen">
        <h1>{program.name}</h1>
        <p className="muted">This program belongs to a client who is no longer on your roster, so it can no longer be viewed or changed.</p>
        <Link to="/programs">Back to programs</Link>
      </section>
    );
  }
  const shownWeek = Math.min(week ?? program.current_week, program.weeks);
  const weekDays = sortByPosition(days.filter((d) => d.week_index === shownWeek));
  const run = (work: Promise<unknown>, done?: string) =>
    void work.then(() => done && setNotice(done)).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  const onMoveDay = (dayId: string, toIndex: number) => run(moveDay(db, weekDays, dayId, toIndex));
  const progress = !isTemplate ? weekProgress(program, days, sessions ?? []) : null;

  return (
    <section className="screen screen-wide builder" aria-labelledby="program-title">
      <Link className="back-link" to="/programs">
        ← Programs
      </Link>
      <header className="builder-header">
        <h1 id="program-title">{program.name}</h1>
        <p className="muted">
          {isTemplate ? 'Template' : `Program of ${client ? rosterLabel(client) : 'a client'}`}
          {template && !isTemplate ? ` · from template ${template.name}` : ''}
        </p>
      </header>
      {error && (
        <p className="form-error" role="alert">
          {error}{' '}
          <button type="button" className="link" onClick={() => setError(null)}>
            Dismiss
          </button>
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}

      <div className="card program-settings">
        <CommitField label="Program name" value={program.name} parse={(t) => parseName(t, 'Program name')} onCommit={(name) => editProgram(db, program.id, { name })} />
        <CommitField label="Description" multiline value={program.description ?? ''} parse={(t) => parseNotes(t)} onCommit={(description) => editProgram(db, program.id, { description })} />
        <div className="settings-grid">
          <div className="field">
            <label htmlFor="program-kind">Kind</label>
            <select id="program-kind" value={program.kind} onChange={(e) => run(editProgram(db, program.id, { kind: e.target.value as 'static' | 'progressive' }))}>
              <option value="static">Static (same every week)</option>
              <option value="progressive">Progressive (weeks change)</option>
            </select>
          </div>
          <CommitField
            label="Weeks"
            inputMode="numeric"
            value={String(program.weeks)}
            parse={(t) => parseWhole(t, 'Weeks', 1, 104)}
            onCommit={async (weeks) => {
              if (weeks === null) throw new Error('Weeks cannot be empty');
              await setProgramWeeks(db, program, weeks);
            }}
          />
          {!isTemplate && (
            <CommitField
              label="Current week"
              inputMode="numeric"
              value={String(program.current_week)}
              parse={(t) => parseWhole(t, 'Current week', 1, program.weeks)}
              onCommit={async (current_week) => {
                if (current_week === null) throw new Error('Current week cannot be empty');
                await editProgram(db, program.id, { current_week });
              }}
            />
          )}
          {!isTemplate && (
            <div className="field">
              <label htmlFor="program-status">Status</label>
              <select id="program-status" value={program.status} onChange={(e) => run(editProgram(db, program.id, { status: e.target.value as 'draft' | 'active' | 'completed' | 'archived' }))}>
                <option value="draft">Draft (hidden from the client’s Today)</option>
                <option value="active">Active</option>
                <option value="completed">Completed</option>
                <option value="archived">Archived</option>
              </select>
            </div>
          )}
        </div>
        {program.kind === 'progressive' && (
          <label className="check-field">
            <input type="checkbox" checked={program.auto_advance} onChange={(e) => run(editProgram(db, program.id, { auto_advance: e.target.checked }))} /> Move to the next week automatically when the week’s sessions are done
          </label>
        )}
        {progress && (
          <p className="muted small" data-testid="week-progress">
            Week {program.current_week} of {program.weeks}: {progress.done} of {progress.planned} sessions done
          </p>
        )}
        <div className="row-actions">
          {isTemplate && (
            <button type="button" className="primary" onClick={() => setAssigning(true)}>
              Assign to a client
            </button>
          )}
          {!isTemplate && program.template_id && (
            <button
              type="button"
              disabled={!template}
              title={template ? undefined : 'The template is not on this device'}
              onClick={() => {
                if (window.confirm(`Replace this program's weeks, days and exercises with the template ${template?.name ?? ''} as it is now? The client keeps their current week.`)) {
                  run(updateProgramFromTemplate(db, program.id), 'Updated from the template.');
                }
              }}
            >
              Update from template
            </button>
          )}
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              if (window.confirm(`Delete ${program.name}?`)) run(deleteProgram(db, program.id).then(() => window.history.back()));
            }}
          >
            Delete program
          </button>
        </div>
      </div>

      <nav className="week-tabs" aria-label="Weeks">
        {Array.from({ length: program.weeks }, (_, i) => i + 1).map((w) => (
          <button key={w} type="button" aria-pressed={w === shownWeek} onClick={() => setWeek(w)}>
            Week {w}
            {!isTemplate && w === program.current_week ? ' •' : ''}
          </button>
        ))}
      </nav>
      <div className="week-actions">
        <button type="button" disabled={weekDays.length === 0 || shownWeek >= 104} onClick={() => run(duplicateWeekOf(db, program.id, shownWeek).then((to) => setWeek(to)))}>
          Duplicate week {shownWeek} as week {shownWeek + 1}
        </button>
      </div>

      {weekDays.length === 0 ? (
        <p className="empty">{shownWeek > 1 && days.some((d) => d.week_index === 1) ? 'This week has no days of its own: the client repeats week 1.' : 'No days yet. Add the first day below.'}</p>
      ) : (
        weekDays.map((day, i) => (
          <DayCard
            key={day.id}
            db={db}
            day={day}
            index={i}
            count={weekDays.length}
            prescriptions={(prescriptions ?? []).filter((p) => p.program_day_id === day.id)}
            onMoveDay={onMoveDay}
            onError={setError}
          />
        ))
      )}

      <form
        className="card add-day"
        onSubmit={(event) => {
          event.preventDefault();
          const name = parseName(newDayName || `Day ${weekDays.length + 1}`, 'Day name');
          if (!name.ok) {
            setError(name.message);
            return;
          }
          // A week fixed to weekdays gets the next free weekday; otherwise the next number.
          const used = new Set(weekDays.map((d) => d.day_of_week));
          const free = [1, 2, 3, 4, 5, 6, 0].find((w) => !used.has(w));
          const byWeekday = weekDays.length > 0 && weekDays.every((d) => d.day_of_week !== null) && free !== undefined;
          run(addDay(db, program.id, shownWeek, name.value, byWeekday ? { mode: 'weekday', dayOfWeek: free } : { mode: 'sequence' }).then(() => setNewDayName('')));
        }}
      >
        <label htmlFor="new-day-name">New day in week {shownWeek}</label>
        <div className="inline-form">
          <input id="new-day-name" value={newDayName} placeholder={`Day ${weekDays.length + 1}`} onChange={(e) => setNewDayName(e.target.value)} autoComplete="off" />
          <button type="submit" className="primary">
            Add day
          </button>
        </div>
      </form>
      {isTemplate && <AssignDialog db={db} templateId={program.id} templateName={program.name} open={assigning} onClose={() => setAssigning(false)} />}
    </section>
  );
}
