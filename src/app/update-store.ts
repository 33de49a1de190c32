/**
 * Service-worker updates: a new version waits until the user chooses to reload (never a silent
 * reload that could drop a half-typed set). `registerServiceWorker` runs once at start-up.
 */
import { registerSW } from 'virtual:pwa-register';
import { create } from 'zustand';
import { networkConnected } from '@/sync/reachability';

type UpdateState = { needRefresh: boolean; offlineReady: boolean; applyUpdate: (() => Promise<void>) | null };

export const useUpdateStore = create<UpdateState>(() => ({ needRefresh: false, offlineReady: false, applyUpdate: null }));

/** How often an open app asks for a new version (an installed PWA may stay open for days). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

const OFFLINE_READY_KEY = 'fitcoach.offline-ready-shown';

function offlineReadyAlreadyShown(): boolean {
  try {
    if (localStorage.getItem(OFFLINE_READY_KEY)) return true;
    localStorage.setItem(OFFLINE_READY_KEY, new Date().toISOString());
  } catch {
    // No storage: say it this time.
  }
  return false;
}

export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh: () => useUpdateStore.setState({ needRefresh: true }),
    onOfflineReady: () => {
      // Said once per device: not again at every sign-in or start.
      if (offlineReadyAlreadyShown()) return;
      useUpdateStore.setState({ offlineReady: true });
    },
    onRegisteredSW: (_url, registration) => {
      if (!registration) return;
      setInterval(() => {
        if (networkConnected()) void registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    },
  });
  useUpdateStore.setState({ applyUpdate: () => updateSW(true) });
}
