import { useEffect, useMemo } from 'react';
import { useReplicaQuery } from '@/lib/useReplicaQuery';
import { refreshRoster, rosterOf } from './roster-api';
import { sortRoster, type RosterEntry } from './roster-model';
import { serverInReach } from '@/sync/reachability';

export type Roster = {
  entries: RosterEntry[];
  /** Active clients by client id. */
  activeByClientId: ReadonlyMap<string, RosterEntry>;
  loaded: boolean;
};

/** The trainer's roster on the device, live; kept fresh by the sync engine (asked at once on mount). */
export function useRoster(): Roster {
  const { value, loaded } = useReplicaQuery(rosterOf, [], NO_ENTRIES);
  useEffect(() => {
    if (serverInReach()) void refreshRoster();
  }, []);
  const entries = useMemo(() => sortRoster(value), [value]);
  const activeByClientId = useMemo(
    () => new Map(entries.filter((e) => e.status === 'active' && e.client_id).map((e) => [e.client_id as string, e])),
    [entries],
  );
  return { entries, activeByClientId, loaded };
}

const NO_ENTRIES: RosterEntry[] = [];
