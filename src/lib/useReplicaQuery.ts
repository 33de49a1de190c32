/**
 * The one live-query hook over the signed-in user's replicas (src/sync/replicas): the value of
 * `query`, re-run whenever a table it read changes, and whether it has answered yet.
 */
import { useEffect, useState } from 'react';
import { watchReplica, type ReplicaStore } from '@/sync/replicas';
import { useDeviceStore } from './device-store';

export function useReplicaQuery<T>(
  query: (store: ReplicaStore, userId: string) => Promise<T>,
  deps: readonly unknown[],
  initial: T,
): { value: T; loaded: boolean } {
  const userId = useDeviceStore((s) => s.userId);
  const key = JSON.stringify([userId, ...deps]);
  const [state, setState] = useState<{ key: string; value: T } | null>(null);
  useEffect(() => {
    if (!userId) return;
    return watchReplica(
      userId,
      (store) => query(store, userId),
      (value) => setState({ key, value }),
      initial,
    );
    // The key stands for userId and deps.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return state && state.key === key ? { value: state.value, loaded: true } : { value: initial, loaded: false };
}
