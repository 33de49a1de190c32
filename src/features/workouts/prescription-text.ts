/**
 * What the trainer prescribed beyond sets × reps, in words for the logger: the tempo (3-1-1-0:
 * seconds down, pause at the bottom, up, pause at the top; X is as fast as you can), time under
 * tension, rest, drop sets, the superset it belongs to, and distance.
 */
import type { WeightUnit } from './units';

export type PrescriptionExtras = {
  tempo?: string | null;
  tut_seconds?: number | null;
  rest_seconds?: number | null;
  drop_sets?: number | null;
  superset_group?: string | null;
  distance_m?: number | null;
};

const PHASES = ['down', 'pause at the bottom', 'up', 'pause at the top'] as const;

/** "3-1-1-0" as the phases it stands for, or null for a tempo that is not 3 or 4 phases. */
export function tempoMeaning(tempo: string): { shown: string; meaning: string } | null {
  const digits = tempo.replace(/[-:/ ]/g, '').toUpperCase();
  if (!/^[0-9X]{3,4}$/.test(digits)) return null;
  const parts = [...digits];
  const meaning = parts
    .map((part, i) => {
      const phase = PHASES[i] as string;
      if (part === 'X') return `${phase} explosive`;
      if (part === '0') return i % 2 === 1 ? `no ${phase}` : `${phase} at once`;
      return `${part} s ${phase}`;
    })
    .join(', ');
  return { shown: parts.join('-'), meaning };
}

/** "1:30" for 90 seconds, "45 s" under a minute. */
export function restText(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const rest = seconds % 60;
  return `${Math.floor(seconds / 60)}:${String(rest).padStart(2, '0')}`;
}

/** "5 km", "800 m", "3.1 mi". */
export function distanceText(metres: number, unit: WeightUnit): string {
  if (unit === 'lb') return `${Number((metres / 1609.344).toFixed(2))} mi`;
  return metres >= 1000 ? `${Number((metres / 1000).toFixed(2))} km` : `${Math.round(metres)} m`;
}

/** The extras as short lines for the exercise's card, in the order a lifter needs them. */
export function prescriptionLines(p: PrescriptionExtras, unit: WeightUnit): string[] {
  const lines: string[] = [];
  if (p.superset_group) lines.push(`Superset ${p.superset_group}: alternate with the other exercises of ${p.superset_group}`);
  const tempo = p.tempo ? tempoMeaning(p.tempo) : null;
  if (tempo) lines.push(`Tempo ${tempo.shown}: ${tempo.meaning}`);
  if (p.tut_seconds) lines.push(`${p.tut_seconds} s under tension a set`);
  if (p.drop_sets) lines.push(p.drop_sets === 1 ? 'Then a drop set' : `Then ${p.drop_sets} drop sets`);
  if (p.distance_m) lines.push(`Distance ${distanceText(p.distance_m, unit)}`);
  if (p.rest_seconds) lines.push(`Rest ${restText(p.rest_seconds)}`);
  return lines;
}
