/**
 * The roster replica: trainer_clients rows the user is in (a trainer's roster, a client's
 * trainers) and the client profiles RLS lets the user read (a trainer's active clients').
 * Inviting, accepting and removing are server changes made by the roster's calls.
 */
import { z } from 'zod';
import { defineReplica, replicaTable } from './define';

export const rosterStatus = z.enum(['invited', 'active', 'removed']);
export type RosterStatus = z.infer<typeof rosterStatus>;

export const rosterRowModel = z.object({
  id: z.string(),
  trainer_id: z.string(),
  client_id: z.string().nullable(),
  invited_email: z.string().nullable(),
  invite_code: z.string(),
  status: rosterStatus,
  invited_at: z.string(),
  accepted_at: z.string().nullable(),
  removed_at: z.string().nullable(),
});
export type RosterRow = z.infer<typeof rosterRowModel>;

export const clientProfileModel = z.object({
  client_id: z.string(),
  goal: z.string().nullable(),
  experience_level: z.string().nullable(),
  preferred_days_per_week: z.number().nullable(),
  height_cm: z.coerce.number().nullable(),
  current_weight_kg: z.coerce.number().nullable(),
  limitations: z.string().nullable(),
});
export type ClientProfileFacts = z.infer<typeof clientProfileModel>;
export const clientProfileRowModel = clientProfileModel.extend({ id: z.string() });

export const rosterReplica = defineReplica({
  name: 'roster',
  tables: [
    replicaTable({
      table: 'trainer_clients',
      model: rosterRowModel,
      instants: ['invited_at', 'accepted_at', 'removed_at'],
      indexes: ['trainer_id', 'client_id'],
    }),
    replicaTable({ table: 'client_profiles', model: clientProfileRowModel, instants: [], indexes: ['client_id'] }),
  ],
});
