/** Days of a program (week/phase, weekday or day N), ordered by a fractional `position`. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const programDayModel = z.object({
  ...syncedRowFields,
  program_id: rowId,
  /** Copied from the program by the server. */
  trainer_id: rowId.nullable(),
  client_id: rowId.nullable(),
  week_index: z.int().min(1).max(104),
  phase_name: z.string().trim().min(1).max(80).nullable(),
  /** 0 = Sunday .. 6 = Saturday; null when the program counts days (sequence_index). */
  day_of_week: z.int().min(0).max(6).nullable(),
  sequence_index: z.int().min(1).max(366).nullable(),
  name: z.string().trim().min(1).max(120),
  /** Fractional-index order key, compared bytewise. */
  position: z.string().min(1).max(64),
  is_rest_day: z.boolean(),
  notes: z.string().max(4000).nullable(),
});
export type ProgramDay = z.infer<typeof programDayModel>;

export const programDaysCollection: CollectionSpec<ProgramDay> = {
  name: 'program_days',
  model: programDayModel,
  schema: zodToRxSchema(programDayModel, { version: 0, indexes: [['program_id', 'week_index', 'position']], description: 'program days' }),
  parents: ['programs'],
};
