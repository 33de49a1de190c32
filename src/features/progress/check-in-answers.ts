/**
 * A weekly check-in's answers, checked against the questions the trainer defined (the client
 * answers a copy of them, stored in check_ins.questions). Types: scale (a whole number between
 * min and max, 1–10 by default), number (any number within min/max when set), text, yes_no.
 * Required questions need an answer; optional ones may be left empty (null).
 */
import type { CheckInQuestion } from './check-in-model';

export type Answer = string | number | boolean | null;
export type Answers = Record<string, Answer>;

export function scaleBounds(question: CheckInQuestion): { min: number; max: number } {
  return { min: question.min ?? 1, max: question.max ?? 10 };
}

/** The error for one answer, or null. */
export function answerError(question: CheckInQuestion, answer: Answer | undefined): string | null {
  const empty = answer === null || answer === undefined || (typeof answer === 'string' && answer.trim() === '');
  if (empty) return question.required ? 'Please answer this question' : null;
  switch (question.type) {
    case 'scale': {
      const { min, max } = scaleBounds(question);
      if (typeof answer !== 'number' || !Number.isInteger(answer) || answer < min || answer > max)
        return `Choose a whole number from ${min} to ${max}`;
      return null;
    }
    case 'number':
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return 'Enter a number';
      if (question.min !== undefined && answer < question.min) return `Enter at least ${question.min}`;
      if (question.max !== undefined && answer > question.max) return `Enter at most ${question.max}`;
      return null;
    case 'text':
      if (typeof answer !== 'string') return 'Enter some text';
      return answer.length > 4000 ? 'Keep it under 4000 characters' : null;
    case 'yes_no':
      return typeof answer === 'boolean' ? null : 'Choose yes or no';
  }
}

export function answerErrors(questions: readonly CheckInQuestion[], answers: Answers): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const question of questions) {
    const error = answerError(question, answers[question.id]);
    if (error) errors[question.id] = error;
  }
  return errors;
}

/** What is stored: every question's answer (null when left empty), text trimmed. */
export function normaliseAnswers(questions: readonly CheckInQuestion[], answers: Answers): Answers {
  return Object.fromEntries(
    questions.map((q) => {
      const a = answers[q.id];
      if (a === undefined || (typeof a === 'string' && a.trim() === '')) return [q.id, null];
      return [q.id, typeof a === 'string' ? a.trim() : a];
    }),
  );
}

/** "Yes", "7 / 10", the text, or "—". */
export function formatAnswer(question: CheckInQuestion, answer: Answer | undefined): string {
  if (answer === null || answer === undefined || answer === '') return '—';
  if (question.type === 'yes_no') return answer === true ? 'Yes' : 'No';
  if (question.type === 'scale') return `${String(answer)} / ${scaleBounds(question).max}`;
  return String(answer);
}
