/**
 * Values a set row has sent to the device database that the row it was given may not show yet.
 * A field commits on blur, and the write is asynchronous: a tap on the tick lands after the blur
 * but before the stored row comes back, so without these the tick would write the row's older
 * values over what was just typed (a typed 12 saved as the prefilled 9).
 *
 * An entry goes once the row shows its value, or once its write has settled and a newer row has
 * arrived (that row is the truth then: another device's edit, a pulled merge), or at once if its
 * write failed.
 */
import type { SetValueField } from './set-input';

export type SentValue = { value: number | null; settled: boolean };
export type SentValues = Partial<Record<SetValueField, SentValue>>;
export type StoredValues = Record<SetValueField, number | null>;

export function withSent(sent: SentValues, field: SetValueField, value: number | null): SentValues {
  return { ...sent, [field]: { value, settled: false } };
}

/** The write of `value` for `field` finished: the next row that arrives replaces it. */
export function settleSent(sent: SentValues, field: SetValueField, value: number | null): SentValues {
  const entry = sent[field];
  if (!entry || entry.value !== value || entry.settled) return sent;
  return { ...sent, [field]: { value, settled: true } };
}

/** The write of `value` for `field` failed: the row's stored value shows again. */
export function dropSent(sent: SentValues, field: SetValueField, value: number | null): SentValues {
  const entry = sent[field];
  if (!entry || entry.value !== value) return sent;
  const next = { ...sent };
  delete next[field];
  return next;
}

/** A new row arrived: keep only the entries it does not show yet and whose write is still under way. */
export function afterRowChange(sent: SentValues, stored: StoredValues): SentValues {
  let changed = false;
  const next: SentValues = {};
  for (const [field, entry] of Object.entries(sent) as Array<[SetValueField, SentValue]>) {
    if (entry.settled || stored[field] === entry.value) changed = true;
    else next[field] = entry;
  }
  return changed ? next : sent;
}

/** The values the row stands for now: stored, with what was sent on top. */
export function latestValues(stored: StoredValues, sent: SentValues): StoredValues {
  const values = { ...stored };
  for (const [field, entry] of Object.entries(sent) as Array<[SetValueField, SentValue]>) values[field] = entry.value;
  return values;
}
