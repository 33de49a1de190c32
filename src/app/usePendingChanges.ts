/**
 * What this device has not yet had accepted by the server, asked of the sync engine itself
 * every 1.5 s. The engine recounts only collections that changed, and leaves one being
 * written right now (sets being ticked) to its last count until the writes pause, so the
 * poll never holds up a tick. One poller (in the always-mounted indicator) feeds every reader.
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { PendingChanges, SyncEngine } from '@/sync';
import { useDeviceStore } from '@/lib/device-store';

const POLL_MS = 1500;

const usePendingStore = create<{ engine: SyncEngine | null; value: PendingChanges | null }>(() => ({ engine: null, value: null }));

export function usePendingChangesPoller(): void {
  const engine = useDeviceStore((s) => s.engine);
  useEffect(() => {
    if (!engine) return;
    let stopped = false;
    const poll = async () => {
      try {
        const value = await engine.pendingChanges({ quiet: true });
        if (!stopped) usePendingStore.setState({ engine, value });
      } catch {
        // The database is closing (sign-out): the next engine answers.
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [engine]);
}

export function usePendingChanges(): PendingChanges | null {
  const engine = useDeviceStore((s) => s.engine);
  return usePendingStore((s) => (s.engine === engine ? s.value : null));
}
