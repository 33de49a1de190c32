/**
 * The plate calculator, opened from an exercise's menu: the plates per side for a target
 * weight on the bar in use, from the gym's plates (saved on this device per user).
 */
import { useMemo, useState } from 'react';
import { useDeviceStore } from '@/lib/device-store';
import { Dialog } from '@/lib/ui/Dialog';
import { loadPlateSet, savePlateSet } from './plate-settings';
import { describeSide, parsePlateList, platesFor, STANDARD_BARS, type PlateSet } from './plates';
import type { WeightUnit } from './units';

type Props = { open: boolean; onClose: () => void; exerciseName: string; unit: WeightUnit; initialTarget: number | null };

export function PlateCalculator({ open, onClose, exerciseName, unit, initialTarget }: Props) {
  return (
    <Dialog open={open} title={`Plates for ${exerciseName}`} onClose={onClose} className="plate-dialog">
      {open && <PlateForm unit={unit} initialTarget={initialTarget} />}
    </Dialog>
  );
}

function PlateForm({ unit, initialTarget }: { unit: WeightUnit; initialTarget: number | null }) {
  const userId = useDeviceStore((s) => s.userId);
  const [set, setSet] = useState<PlateSet>(() => loadPlateSet(userId, unit));
  const [targetText, setTargetText] = useState(initialTarget ? String(initialTarget) : '');
  const [platesText, setPlatesText] = useState(set.plates.join(', '));
  const [platesError, setPlatesError] = useState<string | null>(null);
  const target = Number(targetText);
  const targetValid = targetText.trim() !== '' && Number.isFinite(target) && target > 0 && target <= 1000;
  const load = useMemo(() => (targetValid ? platesFor(target, set) : null), [targetValid, target, set]);

  function choose(next: PlateSet) {
    setSet(next);
    savePlateSet(userId, next);
  }

  function commitPlates() {
    const parsed = parsePlateList(platesText);
    if (!parsed.ok) return setPlatesError(parsed.message);
    setPlatesError(null);
    setPlatesText(parsed.plates.join(', '));
    choose({ ...set, plates: parsed.plates });
  }

  return (
    <div className="plate-form">
      <label className="field">
        <span>Target ({unit})</span>
        <input
          inputMode="decimal"
          autoComplete="off"
          value={targetText}
          onChange={(event) => setTargetText(event.target.value)}
          aria-invalid={targetText !== '' && !targetValid ? true : undefined}
        />
      </label>
      {targetText !== '' && !targetValid && <p className="field-error">Enter a weight above 0, at most 1000 {unit}</p>}
      <label className="field">
        <span>Bar ({unit})</span>
        <select value={String(set.barWeight)} onChange={(event) => choose({ ...set, barWeight: Number(event.target.value) })}>
          {[...new Set([...STANDARD_BARS[unit], set.barWeight])].map((bar) => (
            <option key={bar} value={String(bar)}>
              {bar} {unit}
            </option>
          ))}
        </select>
      </label>
      {load && (
        <output className="plate-result" aria-live="polite">
          {load.belowBar ? (
            <strong>
              Less than the bar ({set.barWeight} {unit})
            </strong>
          ) : (
            <>
              <strong>Each side: {describeSide(load)}</strong>
              <span className="muted">
                {load.missing > 0
                  ? `${target} ${unit} cannot be made with these plates: this loads ${load.loaded} ${unit} (${load.missing} ${unit} short).`
                  : `Loads ${load.loaded} ${unit}.`}
              </span>
            </>
          )}
        </output>
      )}
      <label className="field">
        <span>Plates at your gym ({unit}, pairs)</span>
        <input
          value={platesText}
          onChange={(event) => setPlatesText(event.target.value)}
          onBlur={commitPlates}
          onKeyDown={(event) => event.key === 'Enter' && commitPlates()}
          aria-invalid={platesError ? true : undefined}
        />
      </label>
      {platesError && (
        <p className="field-error" role="alert">
          {platesError}
        </p>
      )}
    </div>
  );
}
