/**
 * The signed-in user's device database and sync engine, opened once per sign-in and shared
 * by every screen (src/features read and write only through it). Opening is idempotent for
 * the same user, so React's double effects and quick re-renders never open two databases.
 */
import { create } from 'zustand';
import { openDeviceDatabase, type DeviceDatabase } from '@/db';
import type { AppRole, SyncEngine } from '@/sync';
import { syncConflictHandler } from '@/sync/conflict-handler';
import { afterFirstScreen } from './first-screen';
import { appAnswers, importAfreshAfterFailure, useReloadNeeded } from './fresh-import';
import { nextOnline, retryUntilLoaded } from './retry-until-loaded';
import { getSupabase } from './supabase';

export type DeviceState =
  | { status: 'closed'; userId: null; database: null; engine: null; error: null }
  | { status: 'opening'; userId: string; database: null; engine: null; error: null }
  /** `engine` is null for the moment between opening the database and starting the sync. */
  | { status: 'ready'; userId: string; database: DeviceDatabase; engine: SyncEngine | null; error: null }
  | { status: 'error'; userId: string; database: null; engine: null; error: string };

const closed: DeviceState = { status: 'closed', userId: null, database: null, engine: null, error: null };

export const useDeviceStore = create<DeviceState>(() => closed);

let opening: Promise<void> | null = null;

/** Opens the user's database and starts syncing it (no network needed to open). */
export function openDevice(userId: string, role: AppRole): Promise<void> {
  const state = useDeviceStore.getState();
  if (state.userId === userId && (state.status === 'opening' || state.status === 'ready')) return opening ?? Promise.resolve();
  useDeviceStore.setState({ status: 'opening', userId, database: null, engine: null, error: null });
  const attempt = (async () => {
    try {
      const database = await openDeviceDatabase(userId, syncConflictHandler);
      if (useDeviceStore.getState().userId !== userId) {
        await database.close();
        return;
      }
      // Screens can show the device's data now; the sync engine (and supabase-js) load next,
      // and start once the first screen is shown.
      useDeviceStore.setState({ status: 'ready', userId, database, engine: null, error: null });
      await afterFirstScreen();
      const stillOpen = () => {
        const current = useDeviceStore.getState();
        return current.status === 'ready' && current.database === database;
      };
      // Offline before the service worker stored these chunks, loading them fails: the data
      // stays open and usable, and they load once the network is back.
      const loadEngine = importAfreshAfterFailure(() => import('@/sync/engine'));
      const loaded = await retryUntilLoaded(() => Promise.all([loadEngine(), getSupabase()]), {
        wanted: stillOpen,
        backOnline: nextOnline,
        onFailure: () => void offerReloadIfStuck(loadEngine.freshTries()),
      });
      if (!loaded || !stillOpen()) return;
      const [{ startSync }, supabase] = loaded;
      const engine = startSync({ database, supabase, role });
      useDeviceStore.setState({ engine });
    } catch (error) {
      useDeviceStore.setState({
        status: 'error',
        userId,
        database: null,
        engine: null,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  })();
  opening = attempt.finally(() => {
    opening = null;
  });
  return opening;
}

/**
 * A fresh address that failed too while the app's server answers: a chunk the engine imports is
 * remembered as failed, and only a reload of the page loads it (the shell offers one).
 */
async function offerReloadIfStuck(freshTries: number): Promise<void> {
  if (freshTries < 2 || useReloadNeeded.getState().needed) return;
  if (await appAnswers()) useReloadNeeded.setState({ needed: true });
}

/**
 * The sync engine of the open database once it has started (it starts after the first
 * screen), or null when the database is not open.
 */
export function whenEngineStarted(): Promise<SyncEngine | null> {
  const settled = (state: DeviceState) => state.status !== 'opening' && (state.status !== 'ready' || state.engine !== null);
  return new Promise((resolve) => {
    const answer = (state: DeviceState) => resolve(state.status === 'ready' ? state.engine : null);
    if (settled(useDeviceStore.getState())) return answer(useDeviceStore.getState());
    const unsubscribe = useDeviceStore.subscribe((state) => {
      if (!settled(state)) return;
      unsubscribe();
      answer(state);
    });
  });
}

/** Forgets the open database: screens leave it (call before closing it). */
export function markDeviceClosed(): void {
  useDeviceStore.setState(closed);
}

/** The open database, for screens rendered inside the signed-in shell (which waits for it). */
export function useDeviceDatabase(): DeviceDatabase {
  const database = useDeviceStore((s) => s.database);
  if (!database) throw new Error('useDeviceDatabase: the device database is not open yet');
  return database;
}
