import { useEffect, useMemo, useState } from 'react';
import { useDeviceStore } from '@/lib/device-store';
import { refreshRoster, watchRoster } from './roster-api';
import { sortRoster, type RosterEntry } from './roster-model';
import { serverInReach } from '@/sync/reachability';

export type Roster = {
  entries: RosterEntry[];
  /** Active clients by client id. */
  activeByClientId: ReadonlyMap<string, RosterEntry>;
  loaded: boolean;
};

/** The trainer's cached roster, live; kept fresh by the sync engine (refreshed on mount too). */
export function useRoster(): Roster {
  const userId = useDeviceStore((s) => s.userId);
  const [state, setState] = useState<{ userId: string | null; entries: RosterEntry[] }>({ userId: null, entries: [] });
  useEffect(() => {
    if (!userId) return;
    const stop = watchRoster(userId, (entries) => setState({ userId, entries }));
    // The sync engine keeps the roster fresh (pokes, resyncs); opening the screen asks at once.
    if (serverInReach()) void refreshRoster();
    return stop;
  }, [userId]);
  const current = state.userId === userId && userId !== null;
  const entries = useMemo(() => (current ? sortRoster(state.entries) : []), [current, state.entries]);
  const activeByClientId = useMemo(() => new Map(entries.filter((e) => e.status === 'active' && e.client_id).map((e) => [e.client_id as string, e])), [entries]);
  return { entries, activeByClientId, loaded: current };
}
