/** Training programs: a trainer's templates (client_id null) and the copies assigned to clients. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { calendarDay, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

export const programModel = z.object({
  ...syncedRowFields,
  trainer_id: rowId.nullable(),
  client_id: rowId.nullable(),
  template_id: rowId.nullable(),
  name: z.string().trim().min(1).max(120),
  description: z.string().max(4000).nullable(),
  kind: z.enum(['static', 'progressive']),
  status: z.enum(['draft', 'active', 'completed', 'archived']),
  weeks: z.int().min(1).max(104),
  current_week: z.int().min(1).max(104),
  auto_advance: z.boolean(),
  starts_on: calendarDay.nullable(),
  ends_on: calendarDay.nullable(),
});
export type Program = z.infer<typeof programModel>;

export const programsCollection: CollectionSpec<Program> = {
  name: 'programs',
  model: programModel,
  schema: zodToRxSchema(programModel, { version: 0, indexes: ['updated_at', ['status', 'updated_at']], description: 'programs' }),
};
