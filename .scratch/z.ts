import { z } from 'zod';
const s = z.object({
  id: z.uuid(),
  name: z.string().min(1).max(200),
  notes: z.string().nullable(),
  weight_kg: z.number().min(0).max(1000).nullable(),
  reps: z.int().min(0).max(1000),
  at: z.iso.datetime({ offset: true }),
  day: z.iso.date(),
  tags: z.array(z.string()),
  meals: z.array(z.object({ id: z.string(), items: z.array(z.object({ id: z.string(), grams: z.number() })) })),
  kind: z.enum(['a', 'b']),
  opt: z.string().optional(),
  deleted: z.boolean().default(false),
});
console.log(JSON.stringify(z.toJSONSchema(s), null, 1));
