/**
 * Check-in questionnaires (check_in_forms): the trainer's questions. Read by devices as
 * reference data (not a synced collection, see form-cache.ts); the question shape is the one
 * the server checks (check_in_questions_valid) and the device's check_ins model stores.
 */
import { z } from 'zod';

export const questionTypeModel = z.enum(['scale', 'number', 'text', 'yes_no']);
export type QuestionType = z.infer<typeof questionTypeModel>;

export const checkInQuestionModel = z.object({
  id: z.string().min(1).max(64),
  label: z.string().trim().min(1, 'Every question needs a label').max(500),
  type: questionTypeModel,
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});
export type CheckInQuestion = z.infer<typeof checkInQuestionModel>;

export const checkInFormModel = z.object({
  id: z.uuid(),
  trainer_id: z.uuid(),
  name: z.string().trim().min(1, 'Give the questionnaire a name').max(120),
  description: z.string().max(4000).nullable(),
  questions: z.array(checkInQuestionModel).min(1, 'Add at least one question').max(50),
  active: z.boolean(),
  updated_at: z.string(),
  deleted: z.boolean().optional(),
});
export type CheckInForm = z.infer<typeof checkInFormModel>;

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
