/**
 * Performance marks the UI benchmark (bench/groups/ui.ts) reads: when a ticked set is
 * committed to IndexedDB, and when the Today screen first becomes interactive. Cheap enough
 * to leave in production (the User Timing buffer is cleared by the benchmark).
 */
export function markSetCommitted(setId: string): void {
  performance.mark('fitcoach:set-committed', { detail: setId });
}

let todayMarked = false;
export function markTodayInteractive(): void {
  if (todayMarked) return;
  todayMarked = true;
  performance.mark('fitcoach:today-interactive');
}
