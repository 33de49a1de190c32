/**
 * A small "⋯" menu on a <details> element that behaves like a menu: choosing an item, Escape, or
 * a tap anywhere outside closes it (a bare <details> stays open over what it covers).
 */
import { useEffect, useRef, type ReactNode } from 'react';

type Props = { className?: string; label: string; summary: ReactNode; children: ReactNode };

export function MenuDisclosure({ className, label, summary, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const details = ref.current;
      if (details?.open && !details.contains(event.target as Node)) details.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const details = ref.current;
      if (event.key !== 'Escape' || !details?.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);

  return (
    <details ref={ref} className={className}>
      <summary aria-label={label}>{summary}</summary>
      {/* Any button inside is a choice: the menu closes once it is made. */}
      <div
        className="slot-menu-items"
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('button') && ref.current) ref.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}
