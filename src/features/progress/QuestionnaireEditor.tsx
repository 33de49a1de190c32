import { useState } from 'react';
import { Link } from 'react-router';
import { newRowId } from '@/db';
import { defaultQuestions, QUESTION_TYPE_LABELS, type CheckInForm, type CheckInQuestion, type QuestionType } from './check-in-model';
import { saveCheckInForm } from './progress-api';
import { useCheckInForms, useUserId } from './useProgressData';

/** A question id from its label: stable once made, unique in the form. */
function questionId(label: string, taken: readonly string[]): string {
  const base =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_|_$/g, '')
      .slice(0, 40) || 'question';
  let id = base;
  for (let n = 2; taken.includes(id); n += 1) id = `${base}_${n}`;
  return id;
}

function Editor({ trainerId, initial }: { trainerId: string; initial: CheckInForm | null }) {
  const [name, setName] = useState(initial?.name ?? 'Weekly check-in');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [questions, setQuestions] = useState<CheckInQuestion[]>(initial?.questions ?? defaultQuestions());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newType, setNewType] = useState<QuestionType>('scale');
  const update = (index: number, change: Partial<CheckInQuestion>) =>
    setQuestions((qs) => qs.map((q, i) => (i === index ? { ...q, ...change } : q)));
  const move = (index: number, by: number) =>
    setQuestions((qs) => {
      const next = [...qs];
      const [q] = next.splice(index, 1);
      if (q) next.splice(Math.max(0, Math.min(next.length, index + by)), 0, q);
      return next;
    });
  return (
    <form
      className="card form-grid"
      aria-label="Questionnaire"
      onSubmit={(event) => {
        event.preventDefault();
        void saveCheckInForm({
          id: initial?.id ?? newRowId(),
          trainer_id: trainerId,
          name,
          description: description.trim() || null,
          questions,
          active: true,
        }).then((result) =>
          setMessage(
            result.ok
              ? { ok: true, text: 'Saved: your clients get it when their devices are online.' }
              : { ok: false, text: result.message },
          ),
        );
      }}
    >
      <label htmlFor="form-name">Name</label>
      <input id="form-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="form-description">Note to clients (optional)</label>
      <textarea id="form-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <h2>Questions</h2>
      <ol className="plain-list question-list">
        {questions.map((q, i) => (
          <li key={q.id} className="question-row">
            <label htmlFor={`ql-${q.id}`} className="visually-hidden">
              Question {i + 1}
            </label>
            <input id={`ql-${q.id}`} value={q.label} maxLength={500} onChange={(e) => update(i, { label: e.target.value })} />
            <label htmlFor={`qt-${q.id}`} className="visually-hidden">
              Type of question {i + 1}
            </label>
            <select
              id={`qt-${q.id}`}
              value={q.type}
              onChange={(e) => update(i, { type: e.target.value as QuestionType, min: undefined, max: undefined })}
            >
              {(Object.keys(QUESTION_TYPE_LABELS) as QuestionType[]).map((t) => (
                <option key={t} value={t}>
                  {QUESTION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
            <label className="inline">
              <input type="checkbox" checked={q.required ?? false} onChange={(e) => update(i, { required: e.target.checked })} /> Required
            </label>
            <span className="row-actions">
              <button
                type="button"
                className="icon-button"
                aria-label={`Move "${q.label}" up`}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Move "${q.label}" down`}
                disabled={i === questions.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove "${q.label}"`}
                onClick={() => setQuestions((qs) => qs.filter((_, j) => j !== i))}
              >
                ×
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="question-row">
        <label htmlFor="new-question" className="visually-hidden">
          New question
        </label>
        <input id="new-question" placeholder="New question" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
        <label htmlFor="new-question-type" className="visually-hidden">
          Type of the new question
        </label>
        <select id="new-question-type" value={newType} onChange={(e) => setNewType(e.target.value as QuestionType)}>
          {(Object.keys(QUESTION_TYPE_LABELS) as QuestionType[]).map((t) => (
            <option key={t} value={t}>
              {QUESTION_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!newLabel.trim()}
          onClick={() => {
            setQuestions((qs) => [
              ...qs,
              {
                id: questionId(
                  newLabel,
                  qs.map((q) => q.id),
                ),
                label: newLabel.trim(),
                type: newType,
                ...(newType === 'scale' ? { min: 1, max: 10 } : {}),
              },
            ]);
            setNewLabel('');
          }}
        >
          Add
        </button>
      </div>
      {message && (
        <p className={message.ok ? 'notice' : 'form-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <button type="submit" className="primary">
        Save questionnaire
      </button>
    </form>
  );
}

/** The trainer's weekly check-in questionnaire (saved online; clients answer it offline). */
export function QuestionnaireEditor() {
  const trainerId = useUserId();
  const { value: forms, loaded } = useCheckInForms();
  const mine =
    forms.filter((f) => f.trainer_id === trainerId && f.active).sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0] ?? null;
  return (
    <section className="screen" aria-labelledby="questionnaire-title">
      <Link to="/check-ins" className="back-link">
        ← Check-ins
      </Link>
      <h1 id="questionnaire-title">Weekly questionnaire</h1>
      {loaded ? <Editor key={mine?.id ?? 'new'} trainerId={trainerId} initial={mine} /> : <p aria-busy="true">Loading…</p>}
    </section>
  );
}
