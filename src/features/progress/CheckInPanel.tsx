import { useState } from 'react';
import { weekStart } from '@/lib/calendar';
import { answerErrors, formatAnswer, normaliseAnswers, type Answers } from './check-in-answers';
import { defaultQuestions, type CheckInForm, type CheckInQuestion } from './check-in-model';
import { CheckInQuestionInput } from './CheckInQuestionInput';
import { useCheckInForms, useCheckIns, useProgressWriter, useUserId, type CheckInRow } from './useProgressData';

/** The questionnaire the client answers: their trainer's active form, else a default one. */
export function chooseForm(forms: readonly CheckInForm[], clientId: string): { form: CheckInForm | null; questions: CheckInQuestion[] } {
  const form =
    forms.filter((f) => f.active && f.trainer_id !== clientId).sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0] ?? null;
  return { form, questions: form?.questions ?? defaultQuestions() };
}

export function CheckInAnswersView({ checkIn }: { checkIn: CheckInRow }) {
  return (
    <dl className="facts check-in-answers">
      {checkIn.questions.map((q) => (
        <div key={q.id} className="fact-row">
          <dt>{q.label}</dt>
          <dd>{formatAnswer(q, checkIn.answers[q.id])}</dd>
        </div>
      ))}
    </dl>
  );
}

function CheckInStatus({ checkIn }: { checkIn: CheckInRow }) {
  return (
    <>
      <p className={`status-badge status-${checkIn.status}`}>{checkIn.status === 'pending' ? 'Waiting for your coach' : 'Reviewed'}</p>
      {checkIn.trainer_response && (
        <blockquote className="trainer-response" aria-label="Your coach's response">
          {checkIn.trainer_response}
        </blockquote>
      )}
    </>
  );
}

/** This week's check-in (answered offline; submitted when the device syncs) and past ones. */
export function CheckInPanel({ today }: { today: string }) {
  const clientId = useUserId();
  const { value: forms, loaded } = useCheckInForms();
  const checkIns = useCheckIns(clientId);
  const writer = useProgressWriter();
  const [answers, setAnswers] = useState<Answers>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const week = weekStart(today);
  if (!checkIns || !loaded) return <p aria-busy="true">Loading check-ins…</p>;
  const thisWeek = checkIns.find((c) => c.week_start === week);
  const { form, questions } = chooseForm(forms, clientId);
  return (
    <section className="screen" aria-labelledby="check-in-title">
      <h2 id="check-in-title" className="visually-hidden">
        Check-in
      </h2>
      {thisWeek ? (
        <article className="card" aria-label="This week's check-in">
          <h2>Week of {week}</h2>
          <CheckInStatus checkIn={thisWeek} />
          <CheckInAnswersView checkIn={thisWeek} />
        </article>
      ) : (
        <form
          className="card"
          aria-label="Weekly check-in"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const found = answerErrors(questions, answers);
            setErrors(found);
            if (Object.keys(found).length > 0) return;
            void writer.submitCheckIn({
              client_id: clientId,
              trainer_id: form?.trainer_id ?? null,
              form_id: form?.id ?? null,
              week_start: week,
              questions,
              answers: normaliseAnswers(questions, answers),
              status: 'pending',
              submitted_at: new Date().toISOString(),
              trainer_response: null,
              reviewed_at: null,
            });
          }}
        >
          <h2>Weekly check-in · week of {week}</h2>
          {form?.description && <p className="muted">{form.description}</p>}
          {questions.map((q) => (
            <CheckInQuestionInput
              key={q.id}
              question={q}
              value={answers[q.id]}
              error={errors[q.id]}
              onChange={(value) => setAnswers((a) => ({ ...a, [q.id]: value }))}
            />
          ))}
          {Object.keys(errors).length > 0 && (
            <p className="form-error" role="alert">
              Some answers need another look.
            </p>
          )}
          <button type="submit" className="primary">
            Submit check-in
          </button>
        </form>
      )}
      {checkIns.filter((c) => c !== thisWeek).length > 0 && (
        <section className="card" aria-labelledby="past-check-ins">
          <h2 id="past-check-ins">Earlier check-ins</h2>
          {checkIns
            .filter((c) => c !== thisWeek)
            .map((c) => (
              <details key={c.id} className="check-in-past">
                <summary>
                  Week of {c.week_start} · {c.status === 'pending' ? 'waiting' : 'reviewed'}
                </summary>
                <CheckInStatus checkIn={c} />
                <CheckInAnswersView checkIn={c} />
              </details>
            ))}
        </section>
      )}
    </section>
  );
}
