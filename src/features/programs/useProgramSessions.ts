import type { WorkoutSession } from '@/db';
import { useDeviceDatabase } from '@/lib/device-store';
import { useRxQuery } from '@/lib/useRxQuery';

export type SessionRow = Omit<WorkoutSession, 'deleted'>;

/** A client's workout sessions on the trainer's device (the recent window the trainer pulls). */
export function useProgramSessions(clientId: string | null): SessionRow[] | undefined {
  const db = useDeviceDatabase();
  return useRxQuery<SessionRow>(
    () => (clientId ? (db.rx.collections.workout_sessions.find({ selector: { client_id: clientId }, sort: [{ started_at: 'desc' }] }) as never) : null),
    [db, clientId],
  );
}
