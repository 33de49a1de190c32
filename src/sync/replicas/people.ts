/**
 * The people replica: the names of the users the user may see (themselves, their trainers,
 * their active clients), one copy for every feature. A person the user can no longer see keeps
 * the name last known (the server stops serving the row), so a removed client is recognised.
 */
import { z } from 'zod';
import { defineReplica, replicaTable } from './define';

export const personRowModel = z.object({ id: z.string(), full_name: z.string(), role: z.string() });
export type PersonRow = z.infer<typeof personRowModel>;

export const peopleReplica = defineReplica({
  name: 'people',
  tables: [replicaTable({ table: 'profiles', model: personRowModel, instants: [], indexes: [] })],
});
