/**
 * The progress replica: achievements the server granted (the user's own, or a trainer's
 * clients') and check-in questionnaires (a trainer's own, or the client's trainers').
 * Questionnaires are saved through the progress feature's server call.
 */
import { z } from 'zod';
import { defineReplica, replicaTable } from './define';

export const achievementRecordModel = z.object({
  id: z.string(),
  client_id: z.string(),
  kind: z.enum(['milestone', 'streak', 'pr', 'goal', 'fun']),
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  earned_at: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type AchievementRecord = z.infer<typeof achievementRecordModel>;

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

export const progressReplica = defineReplica({
  name: 'progress',
  tables: [
    replicaTable({ table: 'achievements', model: achievementRecordModel, instants: ['earned_at'], indexes: ['client_id', 'key'] }),
    replicaTable({
      table: 'check_in_forms',
      model: checkInFormModel.omit({ deleted: true }),
      instants: ['updated_at'],
      indexes: ['trainer_id'],
    }),
  ],
});
