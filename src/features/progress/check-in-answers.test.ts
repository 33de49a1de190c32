import { describe, expect, it } from 'vitest';
import { answerError, answerErrors, formatAnswer, normaliseAnswers } from './check-in-answers';
import { checkInFormModel, defaultQuestions, type CheckInQuestion } from './check-in-model';
import { checkInModel } from '@/db/collections/check-ins';

const scale: CheckInQuestion = { id: 'energy', label: 'Energy', type: 'scale', required: true };
const number: CheckInQuestion = { id: 'sleep', label: 'Sleep', type: 'number', min: 0, max: 24 };
const text: CheckInQuestion = { id: 'notes', label: 'Notes', type: 'text' };
const yesNo: CheckInQuestion = { id: 'plan', label: 'On plan', type: 'yes_no', required: true };

describe('check-in answers', () => {
  it.each<[CheckInQuestion, unknown, string | null]>([
    [scale, 7, null],
    [scale, 0, 'Choose a whole number from 1 to 10'],
    [scale, 7.5, 'Choose a whole number from 1 to 10'],
    [scale, null, 'Please answer this question'],
    [number, 7.5, null],
    [number, -1, 'Enter at least 0'],
    [number, 25, 'Enter at most 24'],
    [number, null, null],
    [text, '  ', null],
    [text, 'Good week', null],
    [yesNo, false, null],
    [yesNo, 'yes', 'Choose yes or no'],
    [yesNo, undefined, 'Please answer this question'],
  ])('%o answered %o: %s', (question, answer, error) => {
    expect(answerError(question, answer as never)).toBe(error);
  });

  it('collects errors by question and stores every answer', () => {
    const questions = [scale, number, text, yesNo];
    expect(answerErrors(questions, { energy: 11, notes: 'ok' })).toEqual({
      energy: 'Choose a whole number from 1 to 10',
      plan: 'Please answer this question',
    });
    expect(normaliseAnswers(questions, { energy: 8, notes: '  tired  ', plan: true })).toEqual({
      energy: 8,
      sleep: null,
      notes: 'tired',
      plan: true,
    });
  });

  it.each<[CheckInQuestion, unknown, string]>([
    [scale, 8, '8 / 10'],
    [yesNo, true, 'Yes'],
    [yesNo, false, 'No'],
    [text, null, '—'],
    [number, 7.5, '7.5'],
  ])('shows %o answered %o as %s', (question, answer, shown) => {
    expect(formatAnswer(question, answer as never)).toBe(shown);
  });
});

describe('defaults parse', () => {
  it('the default questionnaire is a valid form and fits a check-in', () => {
    const form = {
      id: '0190a1b2-0000-7000-8000-000000000001',
      trainer_id: '0190a1b2-0000-7000-8000-000000000002',
      name: 'Weekly check-in',
      description: null,
      questions: defaultQuestions(),
      active: true,
      updated_at: '2026-12-01T00:00:00.000Z',
    };
    expect(checkInFormModel.safeParse(form).success).toBe(true);
    const checkIn = {
      id: '0190a1b2-0000-7000-8000-000000000003',
      created_at: '2026-12-01T00:00:00.000Z',
      updated_at: '2026-12-01T00:00:00.000Z',
      updated_by_device: 'd',
      deleted: false,
      server_rev: null,
      client_id: form.trainer_id,
      trainer_id: null,
      form_id: form.id,
      week_start: '2026-11-30',
      questions: form.questions,
      answers: normaliseAnswers(form.questions, { energy: 7, on_plan: true }),
      status: 'pending',
      submitted_at: '2026-12-01T00:00:00.000Z',
      trainer_response: null,
      reviewed_at: null,
    };
    expect(checkInModel.safeParse(checkIn).success).toBe(true);
  });
});
