/**
 * Check-in questionnaires (check_in_forms): the trainer's questions. Read by devices as
 * reference data (not a synced collection: the progress replica, src/sync/replicas/progress.ts); the question shape is the one
 * the server checks (check_in_questions_valid) and the device's check_ins model stores.
 */

export {
  checkInFormModel,
  checkInQuestionModel,
  questionTypeModel,
  type CheckInForm,
  type CheckInQuestion,
  type QuestionType,
} from '@/sync/replicas';
import type { CheckInQuestion, QuestionType } from '@/sync/replicas';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  scale: 'Scale 1–10',
  number: 'Number',
  text: 'Text',
  yes_no: 'Yes / no',
};

/** A sensible first questionnaire for a trainer who has none. */
export function defaultQuestions(): CheckInQuestion[] {
  return [
    { id: 'energy', label: 'Energy this week', type: 'scale', required: true, min: 1, max: 10 },
    { id: 'sleep_hours', label: 'Average sleep (hours)', type: 'number', min: 0, max: 24 },
    { id: 'on_plan', label: 'Did you stick to the plan?', type: 'yes_no', required: true },
    { id: 'notes', label: 'Anything your coach should know?', type: 'text' },
  ];
}
