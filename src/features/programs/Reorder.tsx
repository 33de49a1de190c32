/**
 * Reordering by drag (a handle that can be dragged onto another item, mouse or pen) and by
 * keyboard or touch (the handle moves with Arrow Up/Down; the ↑ ↓ buttons do the same). The
 * caller turns "put item X at index i" into one fractional-index write (ordering.ts).
 */
import { useState, type DragEvent, type ReactNode } from 'react';

const MIME = 'application/x-fitcoach-item';

export type ReorderProps = {
  /** The list the item belongs to (a drop from another list is ignored). */
  listId: string;
  itemId: string;
  index: number;
  count: number;
  label: string;
  /** Drag and drop: put the item at this index. */
  onMove: (itemId: string, toIndex: number) => void;
  /** Keyboard and buttons: move the item by this many places (read against the current order). */
  onStep: (itemId: string, delta: number) => void;
};

export function ReorderControls({ listId, itemId, index, count, label, onStep }: ReorderProps) {
  return (
    <span className="reorder">
      <button
        type="button"
        className="icon-button drag-handle"
        draggable
        aria-label={`Reorder ${label}`}
        aria-keyshortcuts="ArrowUp ArrowDown"
        title="Drag, or use the arrow keys, to reorder"
        onDragStart={(event) => {
          event.dataTransfer.setData(MIME, JSON.stringify({ listId, itemId }));
          event.dataTransfer.effectAllowed = 'move';
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowUp') {
            event.preventDefault();
            onStep(itemId, -1);
          } else if (event.key === 'ArrowDown') {
            event.preventDefault();
            onStep(itemId, 1);
          }
        }}
      >
        ⠿
      </button>
      <button type="button" className="icon-button" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => onStep(itemId, -1)}>
        ↑
      </button>
      <button type="button" className="icon-button" aria-label={`Move ${label} down`} disabled={index >= count - 1} onClick={() => onStep(itemId, 1)}>
        ↓
      </button>
    </span>
  );
}

/** Wraps an item so a dragged sibling can be dropped onto it (it takes this item's place). */
export function DropTarget({ listId, index, onMove, children, className, as = 'li', ...rest }: { listId: string; index: number; onMove: (itemId: string, toIndex: number) => void; children: ReactNode; className?: string; as?: 'li' | 'section'; 'aria-labelledby'?: string }) {
  const [over, setOver] = useState(false);
  const accepts = (event: DragEvent) => event.dataTransfer.types.includes(MIME);
  const props = {
    className: `${className ?? ''}${over ? ' drop-over' : ''}`,
    onDragOver: (event: DragEvent) => {
      if (!accepts(event)) return;
      event.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (event: DragEvent) => {
      setOver(false);
      const raw = event.dataTransfer.getData(MIME);
      if (!raw) return;
      event.preventDefault();
      event.stopPropagation();
      const data = JSON.parse(raw) as { listId: string; itemId: string };
      if (data.listId === listId) onMove(data.itemId, index);
    },
    ...rest,
  };
  return as === 'li' ? <li {...props}>{children}</li> : <section {...props}>{children}</section>;
}
