/** The finish form: status, duration (minutes), rating 1–5, notes (the server's limits). */
import { z } from 'zod';

export const finishFormModel = z.object({
  status: z.enum(['completed', 'partial']),
  durationMinutes: z.number().int('Whole minutes').min(1, 'At least 1 minute').max(1440, 'At most 24 hours'),
  rating: z.int().min(1).max(5).nullable(),
  notes: z.string().trim().max(4000, 'Notes are at most 4000 characters'),
});
export type FinishForm = z.infer<typeof finishFormModel>;

export function finishDefaults(suggested: 'completed' | 'partial', durationSeconds: number): FinishForm {
  return { status: suggested, durationMinutes: Math.min(1440, Math.max(1, Math.round(durationSeconds / 60))), rating: null, notes: '' };
}
