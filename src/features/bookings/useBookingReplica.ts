/**
 * The bookings screens' data: the device's replica (booking-replica.ts), live. The sync engine
 * refreshes its stored rows at every poke; the computed answers (slots, people, plan) are
 * refreshed when the screen opens online and on a poke of bookings, the ledger or payments
 * while it is open (keepBookingReplicaFresh, started at sign-in, refreshes when the server is
 * back in reach and when a booking request of the outbox finishes). Also: sending a request
 * through the outbox.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useDeviceStore, whenEngineStarted } from '@/lib/device-store';
import type { OutboxRecord } from '@/sync';
import { syncStatus } from '@/sync/status-store';
import { BOOKING_VIEW_TABLES, EMPTY_REPLICA, refreshBookingReplica, watchBookingReplica, type BookingReplica, type ReplicaRole } from './booking-replica';
import { isBookingOutboxFunction, type BookingOutboxFunction } from './outbox-outcome';

/** A poke for one of the tables the screens show refreshes what server functions compute too. */
const BOOKING_TABLES = new Set(BOOKING_VIEW_TABLES);

export type BookingData = {
  replica: BookingReplica;
  /** A refresh is running. */
  refreshing: boolean;
  /** The last refresh failed (offline, or the server refused a read). */
  refreshFailed: boolean;
  refresh: () => void;
  online: boolean;
};

export function useBookingReplica(role: ReplicaRole): BookingData {
  const userId = useDeviceStore((s) => s.userId);
  const online = useStore(syncStatus, (s) => s.online);
  const [state, setState] = useState<{ userId: string | null; replica: BookingReplica }>({ userId: null, replica: EMPTY_REPLICA });
  const [refreshing, setRefreshing] = useState(false);
  const [refreshFailed, setRefreshFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!userId) return;
    return watchBookingReplica(userId, (replica) => setState({ userId, replica }));
  }, [userId]);

  const refreshNow = useCallback(() => {
    if (!userId) return;
    if (!syncStatus.getState().online) {
      setRefreshFailed(true);
      return;
    }
    setRefreshing(true);
    void refreshBookingReplica(userId, role).then((result) => {
      setRefreshing(false);
      setRefreshFailed(!result.ok);
    });
  }, [userId, role]);

  /** Several pokes in a row make one refresh. */
  const refresh = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      refreshNow();
    }, 250);
  }, [refreshNow]);

  // On open, and on coming back online: fresh data, and the screen learns whether it worked
  // (outbox outcomes and sign-in are refreshed by keepBookingReplicaFresh).
  useEffect(() => {
    if (online) refresh();
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [refresh, online]);

  // A poke on the user's channel (through the sync engine) for their bookings, ledger or payments.
  useEffect(() => {
    if (!userId) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void whenEngineStarted().then((engine) => {
      if (cancelled || !engine) return;
      stop = engine.onPoke((table) => {
        if (BOOKING_TABLES.has(table)) refresh();
      });
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [userId, refresh]);

  const replica = state.userId === userId ? state.replica : EMPTY_REPLICA;
  return { replica, refreshing, refreshFailed, refresh, online };
}

/** The booking requests in the outbox, oldest first. */
export function useBookingRequests(): OutboxRecord[] {
  const outbox = useStore(syncStatus, (s) => s.outbox);
  return outbox.filter((r) => isBookingOutboxFunction(r.fn));
}

/**
 * Queues a server function call (pending until sent) and tries to send it now. The outbox adds
 * the idempotency key, so a retry after a lost answer books once. A tap in the moment after
 * the screen shows and before the sync engine starts waits for it rather than being refused.
 */
export async function sendBookingRequest(fn: BookingOutboxFunction, args: Record<string, unknown>, label: string): Promise<OutboxRecord> {
  const engine = useDeviceStore.getState().engine ?? (await whenEngineStarted());
  if (!engine) throw new Error('This device is not signed in any more: sign in again, then retry.');
  const record = await engine.outbox.enqueue({ fn, args, label });
  // A flush already running may have listed the queue before this record: flush again after it.
  void engine.outbox.flush().then(() => engine.outbox.flush());
  return record;
}

export async function dismissBookingRequest(key: string): Promise<void> {
  await useDeviceStore.getState().engine?.outbox.dismiss(key);
}
