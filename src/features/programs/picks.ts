/** A multi-pick list in the order of picking: a tap adds an id at the end, a second tap takes it out. */
export function togglePick(picked: readonly string[], id: string): string[] {
  return picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id];
}
