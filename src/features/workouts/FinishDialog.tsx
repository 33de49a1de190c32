import { useState, type FormEvent } from 'react';
import { Dialog } from '@/lib/ui/Dialog';
import { finishDefaults, finishFormModel, type FinishForm } from './finish-form';
import { formatDuration, type SessionSummary } from './session-summary';
import { formatVolume, type WeightUnit } from './units';

/** Finishing: what was done, how long, how it felt; completed or partial. */
/** The notes' limit (workout_sessions.notes allows 4000). */
const NOTES_MAX = 4000;

export function FinishDialog({ open, summary, unit, onSave, onClose }: { open: boolean; summary: SessionSummary; unit: WeightUnit; onSave: (form: FinishForm) => Promise<void>; onClose: () => void }) {
  return (
    <Dialog open={open} title="Finish workout" onClose={onClose}>
      {open && <FinishFormView summary={summary} unit={unit} onSave={onSave} />}
    </Dialog>
  );
}

function FinishFormView({ summary, unit, onSave }: { summary: SessionSummary; unit: WeightUnit; onSave: (form: FinishForm) => Promise<void> }) {
  const [form, setForm] = useState<FinishForm>(() => finishDefaults(summary.suggestedStatus, summary.durationSeconds));
  const [minutesText, setMinutesText] = useState(String(form.durationMinutes));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = finishFormModel.safeParse({ ...form, durationMinutes: Number(minutesText) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Check the form');
    setBusy(true);
    await onSave(parsed.data);
    setBusy(false);
  }

  return (
    <form onSubmit={submit} className="finish-form" noValidate>
      <dl className="summary-stats">
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(summary.durationSeconds)}</dd>
        </div>
        <div>
          <dt>Volume</dt>
          <dd>{formatVolume(summary.volumeKg, unit)}</dd>
        </div>
        <div>
          <dt>Sets</dt>
          <dd>
            {summary.doneSets} of {summary.plannedSets}
          </dd>
        </div>
      </dl>
      <fieldset className="segmented">
        <legend>How did it go?</legend>
        {(['completed', 'partial'] as const).map((status) => (
          <label key={status} className={form.status === status ? 'selected' : undefined}>
            <input type="radio" name="status" value={status} checked={form.status === status} onChange={() => setForm({ ...form, status })} />
            {status === 'completed' ? 'Completed' : 'Partly done'}
          </label>
        ))}
      </fieldset>
      <fieldset className="rating">
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={form.rating !== null && n <= form.rating ? 'selected' : undefined}>
            <input type="radio" name="rating" value={n} checked={form.rating === n} onChange={() => setForm({ ...form, rating: n })} aria-label={`${n} of 5`} />
            <span aria-hidden="true">★</span>
          </label>
        ))}
      </fieldset>
      <label htmlFor="finish-minutes">Duration (minutes)</label>
      <input id="finish-minutes" inputMode="numeric" value={minutesText} onChange={(e) => setMinutesText(e.target.value)} />
      <label htmlFor="finish-notes">Notes</label>
      {/* The field stops at the limit; the count says so, instead of a paste being cut unseen. */}
      <textarea id="finish-notes" rows={3} maxLength={NOTES_MAX} aria-describedby="finish-notes-count" value={form.notes} onChange={(e) => setForm({ ...form, notes: e.target.value })} />
      <p id="finish-notes-count" className={`muted small${form.notes.length >= NOTES_MAX ? ' form-error' : ''}`}>
        {form.notes.length >= NOTES_MAX ? `At the limit: ${NOTES_MAX} characters` : `${form.notes.length} / ${NOTES_MAX}`}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        Save workout
      </button>
    </form>
  );
}
