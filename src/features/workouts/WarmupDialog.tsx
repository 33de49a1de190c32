/**
 * Suggested warm-up sets before the working weight, with the plates for each, added to the
 * exercise in one tap (as warm-ups: they count for no record and no volume).
 */
import { useMemo } from 'react';
import { useDeviceStore } from '@/lib/device-store';
import { Dialog } from '@/lib/ui/Dialog';
import { loadPlateSet } from './plate-settings';
import { describeSide, platesFor } from './plates';
import { displayWeight, unitToKg, type WeightUnit } from './units';
import { warmupRamp } from './warmup-ramp';

type Props = {
  open: boolean;
  onClose: () => void;
  exerciseName: string;
  unit: WeightUnit;
  workingKg: number;
  onAdd: (steps: Array<{ weightKg: number; reps: number }>) => void;
};

export function WarmupDialog(props: Props) {
  return (
    <Dialog open={props.open} title={`Warm-up for ${props.exerciseName}`} onClose={props.onClose}>
      {/* Mounted at each opening: the bar and plates may have changed in the plate calculator. */}
      {props.open && <WarmupRamp {...props} />}
    </Dialog>
  );
}

function WarmupRamp({ unit, workingKg, onAdd }: Props) {
  const userId = useDeviceStore((s) => s.userId);
  const plates = useMemo(() => loadPlateSet(userId, unit), [userId, unit]);
  const working = displayWeight(workingKg, unit);
  const ramp = useMemo(() => warmupRamp(working, unit, plates.barWeight), [working, unit, plates.barWeight]);
  if (ramp.length === 0) {
    return (
      <p>
        {working} {unit} is the bar or less: no warm-up sets to suggest.
      </p>
    );
  }
  return (
    <>
      <p className="muted">
        Before {working} {unit}, on a {plates.barWeight} {unit} bar:
      </p>
      <ol className="warmup-list">
        {ramp.map((step) => (
          <li key={step.weight}>
            <strong>
              {step.weight} {unit} × {step.reps}
            </strong>{' '}
            <span className="muted">each side: {describeSide(platesFor(step.weight, plates)).toLowerCase()}</span>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="primary"
        onClick={() => onAdd(ramp.map((step) => ({ weightKg: unitToKg(step.weight, unit), reps: step.reps })))}
      >
        Add {ramp.length} warm-up {ramp.length === 1 ? 'set' : 'sets'}
      </button>
    </>
  );
}
