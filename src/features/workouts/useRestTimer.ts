/**
 * The rest timer's state: the timestamps in rest-timer.ts kept in localStorage (it survives a
 * reload, an app switch and a locked screen), and the alert at the end: a vibration, and a
 * notification through the service worker when the app is in the background and the user
 * allowed notifications.
 */
import { create } from 'zustand';
import { adjustRest, isRestOver, parseRestTimer, restEndsAt, startRest, type RestTimer } from './rest-timer';

const KEY = 'fitcoach.rest-timer';

function load(): RestTimer | null {
  try {
    return parseRestTimer(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return null;
  }
}

function save(timer: RestTimer | null): void {
  try {
    if (timer) localStorage.setItem(KEY, JSON.stringify(timer));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the timer lasts for this visit.
  }
}

type RestState = { timer: RestTimer | null; alerted: boolean };

export const useRestTimerStore = create<RestState>(() => ({ timer: load(), alerted: false }));

let alarm: ReturnType<typeof setTimeout> | undefined;

function schedule(timer: RestTimer | null): void {
  clearTimeout(alarm);
  if (!timer) return;
  const wait = restEndsAt(timer) - Date.now();
  if (wait <= 0) return;
  alarm = setTimeout(() => {
    // A timer may fire a millisecond before the clock reaches the end: wait again.
    const current = useRestTimerStore.getState().timer;
    if (current && !isRestOver(current, Date.now())) schedule(current);
    else void alertRestOver();
  }, wait);
}

function set(timer: RestTimer | null): void {
  save(timer);
  useRestTimerStore.setState({ timer, alerted: false });
  schedule(timer);
}

export function startRestTimer(durationSeconds: number | null | undefined, setId: string | null): void {
  set(startRest(Date.now(), durationSeconds, setId));
}

export function adjustRestTimer(seconds: number): void {
  const { timer } = useRestTimerStore.getState();
  if (timer) set(adjustRest(timer, seconds, Date.now()));
}

export function stopRestTimer(): void {
  set(null);
}

/** Vibrates, and notifies when the app is not in view (where allowed). Runs once per rest. */
export async function alertRestOver(): Promise<void> {
  const { timer, alerted } = useRestTimerStore.getState();
  if (!timer || alerted || !isRestOver(timer, Date.now())) return;
  useRestTimerStore.setState({ alerted: true });
  navigator.vibrate?.([250, 120, 250]);
  if (document.visibilityState === 'visible' || typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  const options = { body: 'Time for your next set.', tag: 'fitcoach-rest', renotify: true } as NotificationOptions;
  if (registration) await registration.showNotification('Rest is over', options).catch(() => undefined);
  else new Notification('Rest is over', options);
}

export function canAskForNotifications(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

export async function askForNotifications(): Promise<void> {
  if (typeof Notification !== 'undefined') await Notification.requestPermission().catch(() => undefined);
}

// A timer stored by an earlier visit still rings at its end.
schedule(useRestTimerStore.getState().timer);
