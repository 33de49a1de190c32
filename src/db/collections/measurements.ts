/** Body measurements (kg, cm, %) a client records. */
import { z } from 'zod';
import { zodToRxSchema } from '../schema/zod-to-rxdb';
import { instant, rowId, syncedRowFields } from '../schema/synced-row';
import type { CollectionSpec } from './spec';

const circumferenceCm = z.number().gt(0).max(300).nullable();

export const measurementModel = z.object({
  ...syncedRowFields,
  client_id: rowId,
  measured_at: instant,
  weight_kg: z.number().gt(20).max(700).nullable(),
  body_fat_pct: z.number().min(1).max(75).nullable(),
  neck_cm: circumferenceCm,
  chest_cm: circumferenceCm,
  arm_cm: circumferenceCm,
  waist_cm: circumferenceCm,
  hips_cm: circumferenceCm,
  thigh_cm: circumferenceCm,
  calf_cm: circumferenceCm,
  /** Skinfold sites in mm, e.g. {"triceps": 12}. */
  skinfolds: z
    .record(z.string(), z.number())
    // Refined bounds (see synced-row.ts), as SQL measurement_skinfolds_valid.
    .refine((sites) => Object.keys(sites).length <= 12, 'At most 12 skinfold sites')
    .refine(
      (sites) => Object.entries(sites).every(([site, mm]) => site.length <= 32 && mm > 0 && mm <= 100),
      'Skinfolds are above 0 up to 100 mm',
    )
    .nullable(),
  notes: z.string().max(2000).nullable(),
});
export type Measurement = z.infer<typeof measurementModel>;

export const measurementsCollection: CollectionSpec<Measurement> = {
  name: 'measurements',
  model: measurementModel,
  schema: zodToRxSchema(measurementModel, { version: 0, indexes: [['client_id', 'measured_at']], description: 'measurements' }),
  windowColumn: 'measured_at',
};
