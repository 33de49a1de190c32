/** A client's weekly check-in: answers to the trainer's questions, then the trainer's review. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const checkInQuestionModel = z.object({
  id: z.string().min(1).max(64),
  label: z.string().min(1).max(500),
  type: z.enum(['scale', 'number', 'text', 'yes_no']),
  required: z.boolean().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
});

export const checkInModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  trainer_id: rowId.nullable(),
  form_id: rowId.nullable(),
  week_start: calendarDay,
  questions: z.array(checkInQuestionModel).refine((questions) => questions.length <= 50, 'At most 50 questions'),
  /** Answers keyed by question id (refined bounds: see synced-row.ts; SQL check_in_answers_valid). */
  answers: z
    .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
    .refine((answers) => Object.keys(answers).length <= 50, 'At most 50 answers')
    .refine((answers) => Object.keys(answers).every((key) => key.length <= 64), 'Question ids are at most 64 characters')
    .refine(
      (answers) => Object.values(answers).every((v) => typeof v !== 'string' || v.length <= 4000),
      'An answer is at most 4000 characters',
    ),
  status: z.enum(['pending', 'reviewed']),
  submitted_at: instant,
  trainer_response: z.string().max(8000).nullable(),
  reviewed_at: instant.nullable(),
});
export type CheckIn = z.infer<typeof checkInModel>;

export const checkInsCollection: CollectionSpec<CheckIn> = {
  name: 'check_ins',
  model: checkInModel,
  schema: zodToRxSchema(checkInModel, {
    version: 0,
    indexes: [
      ['client_id', 'week_start'],
      ['status', 'submitted_at'],
    ],
    description: 'check-ins',
  }),
  windowColumn: 'submitted_at',
};
