import type { Session } from '@supabase/supabase-js';
import { useEffect } from 'react';
import { loadCachedProfile, refreshProfile, useProfile, useSessionStore } from '@/features/account';
import { startBookingReplica } from '@/features/bookings';
import { openDevice, useDeviceStore } from '@/lib/device-store';
import { afterFirstScreen } from '@/lib/first-screen';
import { AppRoutes } from './AppRoutes';
import { onBackInReach, serverInReach } from '@/sync/reachability';

/** Signed in at start-up: the device database starts opening before React's first render. */
export function openDeviceOfStoredSession(): void {
  const { session } = useSessionStore.getState();
  if (!session) return;
  void openDevice(session.user.id, loadCachedProfile(session.user).role);
}

/**
 * Everything after sign-in: open the user's device database (no network needed) and start the
 * sync; refresh the profile and the exercise catalogue whenever the network is there.
 */
export function SignedInApp({ session }: { session: Session }) {
  const userId = session.user.id;
  const profile = useProfile();
  const device = useDeviceStore();

  useEffect(() => {
    const cached = loadCachedProfile(session.user);
    void openDevice(userId, cached.role);
    const refresh = () => {
      if (!serverInReach()) return;
      void refreshProfile(userId);
    };
    refresh();
    const stopListening = onBackInReach(refresh);
    // The device's copy of bookings and credits (its own lazy chunk), so they show offline;
    // started once the first screen is shown.
    let stopBookingReplica: (() => void) | null = null;
    let stopped = false;
    void afterFirstScreen()
      .then(() => startBookingReplica(userId, cached.role))
      .then((stop) => {
        if (stopped) stop();
        else stopBookingReplica = stop;
      });
    return () => {
      stopListening();
      stopped = true;
      stopBookingReplica?.();
    };
    // The session object changes on every token refresh; the user is what matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId]);

  if (device.status === 'error' && device.userId === userId) {
    return (
      <main className="centered">
        <div className="card" role="alert">
          <h1>Could not open your data on this device</h1>
          <p>{device.error}</p>
          <button type="button" className="primary" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  // The app's frame (header, sync indicator, navigation) draws while the database opens;
  // the screens wait for it inside (AppShell's DeviceGate).
  if (!profile) {
    return (
      <main className="centered" aria-busy="true">
        <p>Opening your data…</p>
      </main>
    );
  }
  return <AppRoutes role={profile.role} session={session} />;
}
