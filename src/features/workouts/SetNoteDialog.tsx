/** The note on one set ("belt on", "left knee"), typed in a dialog and kept on the set. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '@/lib/ui/Dialog';
import { SET_NOTE_MAX, setNoteModel } from './set-note';

type Props = { open: boolean; label: string; note: string | null; onClose: () => void; onSave: (note: string | null) => void };

export function SetNoteDialog({ open, label, note, onClose, onSave }: Props) {
  return (
    <Dialog open={open} title={`Note on ${label}`} onClose={onClose}>
      {open && <NoteForm note={note} onSave={onSave} />}
    </Dialog>
  );
}

function NoteForm({ note, onSave }: { note: string | null; onSave: (note: string | null) => void }) {
  const [text, setText] = useState(note ?? '');
  const [error, setError] = useState<string | null>(null);
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = setNoteModel.safeParse(text);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the note');
    onSave(parsed.data);
  }
  return (
    <form className="note-form" onSubmit={submit} noValidate>
      <label className="field">
        <span>Note</span>
        <textarea
          rows={3}
          value={text}
          maxLength={SET_NOTE_MAX + 200}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'set-note-error' : undefined}
        />
      </label>
      {error && (
        <p id="set-note-error" className="field-error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">
        {text.trim().length.toLocaleString('en-GB')} / {SET_NOTE_MAX.toLocaleString('en-GB')}
      </p>
      <button type="submit" className="primary">
        Save note
      </button>
    </form>
  );
}
