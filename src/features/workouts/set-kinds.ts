/**
 * Set types, marked in one tap on the set's number: working, warm-up, drop, failure (as
 * set_logs.set_kind stores them). Warm-ups count for nothing: no personal record, no volume.
 */
export type SetKind = 'warmup' | 'working' | 'drop' | 'failure';

const ORDER: readonly SetKind[] = ['working', 'warmup', 'drop', 'failure'];

export const SET_KIND_NAMES: Record<SetKind, string> = { working: 'Working', warmup: 'Warm-up', drop: 'Drop set', failure: 'To failure' };

/** The kind a tap on the set's number gives: working → warm-up → drop → failure → working. */
export function nextSetKind(kind: SetKind): SetKind {
  return ORDER[(ORDER.indexOf(kind) + 1) % ORDER.length] as SetKind;
}

/** What the set's number cell shows: the set's number for a working set, else the kind's letter. */
export function setKindMark(kind: SetKind, setIndex: number): string {
  return kind === 'working' ? String(setIndex) : { warmup: 'W', drop: 'D', failure: 'F' }[kind];
}
