/**
 * The steppers panel of the set being edited is fixed below the app header (on a phone the
 * keyboard takes the bottom). A row the panel would cover, near the top of the screen, is
 * scrolled down clear of it, so the client sees what they type.
 */
const GAP_PX = 8;

/**
 * How far to scroll (negative: up) so `row` sits below `panel`; 0 when it does already. A row
 * above the panel is under the app header, so it moves down too.
 */
export function scrollToClear(row: { top: number }, panel: { bottom: number }): number {
  const clearFrom = panel.bottom + GAP_PX;
  return row.top < clearFrom ? row.top - clearFrom : 0;
}

export function keepClearOfSteppers(row: HTMLElement | null): void {
  if (!row) return;
  // The panel shows once the input has focus: measure on the next frame.
  requestAnimationFrame(() => {
    const panel = row.querySelector('.set-steppers');
    const main = row.querySelector('.set-main');
    if (!panel || !main || getComputedStyle(panel).display === 'none') return;
    const by = scrollToClear(main.getBoundingClientRect(), panel.getBoundingClientRect());
    if (by !== 0) window.scrollBy({ top: by, behavior: 'instant' });
  });
}
