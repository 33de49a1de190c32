/** Programs: the trainer's templates and their clients' programs; start a new template. */
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { rosterLabel, useRoster } from '@/features/clients';
import { useDeviceDatabase, useDeviceStore } from '@/lib/device-store';
import { parseName } from './prescription-fields';
import { createTemplate } from './program-writes';
import { useAllDays, useAllPrograms, type ProgramRow } from './useProgramData';
import './programs.css';

export function ProgramsScreen() {
  const db = useDeviceDatabase();
  const userId = useDeviceStore((s) => s.userId);
  const programs = useAllPrograms();
  const days = useAllDays();
  const roster = useRoster();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  if (!programs || !userId) return <p aria-busy="true" className="screen-loading">Loading programs…</p>;
  const matches = (p: ProgramRow) => !filter || p.name.toLowerCase().includes(filter.toLowerCase());
  const templates = programs.filter((p) => p.client_id === null && p.trainer_id === userId && matches(p));
  // Programs of clients no longer on the roster stay out of sight (the server no longer serves
  // them); with no roster cached yet (never online), nothing is hidden.
  const clientPrograms = programs.filter((p) => p.client_id !== null && (roster.entries.length === 0 || roster.activeByClientId.has(p.client_id)) && matches(p));
  const daysOf = (p: ProgramRow) => (days ?? []).filter((d) => d.program_id === p.id && d.week_index === 1).length;

  const item = (p: ProgramRow) => {
    const client = p.client_id ? roster.activeByClientId.get(p.client_id) : undefined;
    return (
      <li key={p.id}>
        <Link className="list-link" to={`/programs/${p.id}`}>
          <span className="list-title">{p.name}</span>
          <span className="muted small">
            {client ? `${rosterLabel(client)} · ` : ''}
            {p.kind === 'progressive' ? `progressive, ${p.weeks} weeks` : `${p.weeks} week${p.weeks === 1 ? '' : 's'}`} · {daysOf(p)} day{daysOf(p) === 1 ? '' : 's'}
            {p.client_id ? ` · week ${p.current_week} · ${p.status}` : ''}
          </span>
        </Link>
      </li>
    );
  };

  return (
    <section className="screen" aria-labelledby="programs-title">
      <h1 id="programs-title">Programs</h1>
      <form
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = parseName(name, 'Template name');
          if (!parsed.ok) {
            setError(parsed.message);
            return;
          }
          createTemplate(db, userId, parsed.value)
            .then((id) => navigate(`/programs/${id}`))
            .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
        }}
      >
        <label htmlFor="new-template-name">New template</label>
        <div className="inline-form">
          <input
            id="new-template-name"
            value={name}
            placeholder="e.g. Strength 3-day"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'new-template-error' : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            autoComplete="off"
          />
          <button type="submit" className="primary">
            Create template
          </button>
        </div>
        {error && (
          <p id="new-template-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
      {programs.length > 4 && (
        <>
          <label htmlFor="program-filter" className="visually-hidden">
            Filter programs
          </label>
          <input id="program-filter" type="search" placeholder="Filter programs" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </>
      )}
      <h2>Templates</h2>
      {templates.length === 0 ? <p className="empty">No templates yet. Create one above, then assign it to clients.</p> : <ul className="plain-list program-list">{templates.map(item)}</ul>}
      <h2>Client programs</h2>
      {clientPrograms.length === 0 ? <p className="empty">No client has a program yet. Open a template and choose “Assign to a client”.</p> : <ul className="plain-list program-list">{clientPrograms.map(item)}</ul>}
    </section>
  );
}
