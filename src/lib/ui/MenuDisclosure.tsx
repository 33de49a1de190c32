/**
 * A small "⋯" menu on a <details> element that behaves like a menu: choosing an item, Escape, or
 * a tap anywhere outside closes it (a bare <details> stays open over what it covers).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';

type Props = { className?: string; label: string; summary: ReactNode; children: ReactNode };

export function MenuDisclosure({ className, label, summary, children }: Props) {
  const ref = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (ref.current) ref.current.open = false;
    };
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      close();
      ref.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <details ref={ref} className={className} onToggle={(event) => setOpen(event.currentTarget.open)}>
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
