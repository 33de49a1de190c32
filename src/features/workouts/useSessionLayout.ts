/** The device-side layout of a session (slot order, skipped slots), live across components. */
import { create } from 'zustand';
import { EMPTY_LAYOUT, layoutKey, parseLayout, type SessionLayout } from './session-layout';

const useLayouts = create<Record<string, SessionLayout>>(() => ({}));

function read(sessionId: string): SessionLayout {
  const known = useLayouts.getState()[sessionId];
  if (known) return known;
  try {
    return parseLayout(localStorage.getItem(layoutKey(sessionId)));
  } catch {
    return EMPTY_LAYOUT;
  }
}

export function updateLayout(sessionId: string, change: (layout: SessionLayout) => SessionLayout): void {
  const next = change(read(sessionId));
  useLayouts.setState({ [sessionId]: next });
  try {
    localStorage.setItem(layoutKey(sessionId), JSON.stringify(next));
  } catch {
    // Storage unavailable: the layout lasts for this visit.
  }
}

export function useSessionLayout(sessionId: string | null): SessionLayout {
  return useLayouts((state) => (sessionId ? (state[sessionId] ?? read(sessionId)) : EMPTY_LAYOUT));
}
