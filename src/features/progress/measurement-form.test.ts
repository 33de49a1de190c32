import { describe, expect, it } from 'vitest';
import { measurementModel } from '@/db/collections/measurements';
import { emptyMeasurementForm, measurementFromForm } from './measurement-form';

const now = new Date('2026-12-01T08:15:00.000Z');
const metric = { weight: 'kg', length: 'cm' } as const;
const imperial = { weight: 'lb', length: 'in' } as const;

describe('measurement form', () => {
  it('stores kg and cm whatever the units typed', () => {
    const result = measurementFromForm(
      { ...emptyMeasurementForm('2026-12-01'), values: { weight_kg: '180', waist_cm: '32', body_fat_pct: '18,5' } },
      imperial,
      now,
      '2026-12-01',
    );
    expect(result).toEqual({
      ok: true,
      draft: expect.objectContaining({
        measured_at: '2026-12-01T08:15:00.000Z',
        weight_kg: 81.6,
        waist_cm: 81.3,
        body_fat_pct: 18.5,
        arm_cm: null,
        skinfolds: null,
        notes: null,
      }),
    });
  });

  it('stores an earlier day at noon UTC, with skinfolds and notes', () => {
    const result = measurementFromForm(
      { day: '2026-11-28', values: { weight_kg: '80' }, skinfolds: { triceps: '12', abdominal: '' }, notes: ' after holiday ' },
      metric,
      now,
      '2026-12-01',
    );
    expect(result).toEqual({
      ok: true,
      draft: expect.objectContaining({
        measured_at: '2026-11-28T12:00:00.000Z',
        weight_kg: 80,
        skinfolds: { triceps: 12 },
        notes: 'after holiday',
      }),
    });
    if (result.ok)
      expect(measurementModel.pick({ measured_at: true, weight_kg: true, skinfolds: true }).safeParse(result.draft).success).toBe(true);
  });

  it.each([
    [{ values: {} }, metric, { form: 'Enter at least one measurement' }],
    [{ values: { weight_kg: 'abc' } }, metric, { weight_kg: 'Weight: enter a number' }],
    [{ values: { weight_kg: '15' } }, metric, { weight_kg: 'Weight: between 20 and 700 kg' }],
    [{ values: { weight_kg: '2000' } }, imperial, { weight_kg: 'Weight: between 45 and 1540 lb' }],
    [{ values: { body_fat_pct: '80' } }, metric, { body_fat_pct: 'Body fat: between 1 and 75 %' }],
    [{ values: { arm_cm: '-3' } }, metric, { arm_cm: 'Arm: between 0 and 300 cm' }],
    [{ values: { weight_kg: '80' }, day: '2026-12-02' }, metric, { day: 'The day cannot be in the future' }],
    [{ values: {}, skinfolds: { triceps: '500' } }, metric, { triceps: 'triceps: enter millimetres between 1 and 100' }],
  ] as const)('%o in %o is refused with %o', (change, units, errors) => {
    expect(measurementFromForm({ ...emptyMeasurementForm('2026-12-01'), ...change }, units, now, '2026-12-01')).toEqual({
      ok: false,
      errors,
    });
  });
});
