/** Assign a template to a client: the client gets a copy (works offline; syncs later). */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { rosterLabel, useRoster } from '@/features/clients';
import type { DeviceDatabase } from '@/db';
import { Dialog } from '@/lib/ui/Dialog';
import { activeProgramsOf, assignToClient } from './program-writes';

export function AssignDialog({ db, templateId, templateName, open, onClose }: { db: DeviceDatabase; templateId: string; templateName: string; open: boolean; onClose: () => void }) {
  const roster = useRoster();
  const active = roster.entries.filter((e) => e.status === 'active' && e.client_id);
  const [clientId, setClientId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ programId: string; name: string } | null>(null);
  // A client with an active program is asked whether the new one replaces it or runs beside it.
  const [current, setCurrent] = useState<{ clientId: string; programs: Array<{ id: string; name: string }> } | null>(null);
  const [mode, setMode] = useState<'replace' | 'add'>('replace');
  useEffect(() => {
    if (!clientId) return;
    let live = true;
    void activeProgramsOf(db, clientId).then((programs) => live && setCurrent({ clientId, programs }));
    return () => {
      live = false;
    };
  }, [db, clientId]);
  const existing = current && current.clientId === clientId ? current.programs : [];

  const close = () => {
    setDone(null);
    setError(null);
    onClose();
  };

  return (
    <Dialog open={open} title={`Assign ${templateName}`} onClose={close}>
      {done ? (
        <>
          <p role="status">
            Assigned to {done.name}. They get it on their next sync; edits to the template will not change their copy.
          </p>
          <div className="dialog-actions">
            <Link className="button" to={`/programs/${done.programId}`} onClick={close}>
              Open {done.name}’s program
            </Link>
            <button type="button" className="primary" onClick={close}>
              Done
            </button>
          </div>
        </>
      ) : !roster.loaded ? (
        <p aria-busy="true">Loading your clients…</p>
      ) : active.length === 0 ? (
        <p className="muted">No active clients on this device yet. Invite one under Clients (needs a connection once).</p>
      ) : (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            const entry = active.find((e) => e.client_id === clientId);
            if (!entry) {
              setError('Choose a client');
              return;
            }
            if (startsOn && !/^\d{4}-\d{2}-\d{2}$/.test(startsOn)) {
              setError('Start date must be a date');
              return;
            }
            assignToClient(db, templateId, clientId, startsOn || null, mode === 'replace' ? existing.map((p) => p.id) : [])
              .then((programId) => setDone({ programId, name: rosterLabel(entry) }))
              .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
          }}
        >
          <label htmlFor="assign-client">Client</label>
          <select id="assign-client" value={clientId} onChange={(e) => setClientId(e.target.value)} aria-invalid={error === 'Choose a client' ? true : undefined}>
            <option value="">Choose a client…</option>
            {active.map((e) => (
              <option key={e.id} value={e.client_id ?? ''}>
                {rosterLabel(e)}
              </option>
            ))}
          </select>
          {existing.length > 0 && (
            <fieldset className="stack">
              <legend>
                {existing.length === 1 ? `They already follow “${existing[0]?.name ?? ''}”.` : `They already follow ${existing.length} programs.`}
              </legend>
              <label>
                <input type="radio" name="assign-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace it (it is marked completed)
              </label>
              <label>
                <input type="radio" name="assign-mode" value="add" checked={mode === 'add'} onChange={() => setMode('add')} /> Add beside it (they choose the day)
              </label>
            </fieldset>
          )}
          <label htmlFor="assign-start">Starts on (optional)</label>
          <input id="assign-start" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="submit" className="primary">
              Assign
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
