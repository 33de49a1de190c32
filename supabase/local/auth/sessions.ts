/**
 * auth.sessions and auth.refresh_tokens. A session is one sign-in on one device; its refresh
 * tokens form a chain (each new one records its `parent`), and only the newest is unrevoked.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from './db.js';
import type { ClientInfo } from './http.js';

export type SessionRow = {
  id: string;
  user_id: string;
  created_at: Date;
  aal: string | null;
  not_after: Date | null;
};

export type RefreshTokenRow = {
  id: string;
  token: string;
  user_id: string | null;
  revoked: boolean;
  parent: string | null;
  session_id: string | null;
};

const SESSION_COLUMNS = 'id, user_id, created_at, aal, not_after';

/** A new session; with a time-box, `not_after` is when it ends (GoTrue's sessions.timebox). */
export async function createSession(
  db: Queryable,
  userId: string,
  client: ClientInfo,
  timeboxSeconds: number | null = null,
): Promise<SessionRow> {
  const { rows } = await db.query<SessionRow>(
    `insert into auth.sessions (id, user_id, aal, user_agent, ip, not_after)
     values ($1, $2, 'aal1', $3, $4::inet, now() + make_interval(secs => $5::float8))
     returning ${SESSION_COLUMNS}`,
    [randomUUID(), userId, client.userAgent, ipOrNull(client.ip), timeboxSeconds],
  );
  const session = rows[0];
  if (!session) throw new Error('insert into auth.sessions returned no row');
  return session;
}

/** Node reports IPv4 peers of a dual-stack socket as `::ffff:1.2.3.4`, which inet accepts. */
function ipOrNull(ip: string | null): string | null {
  return ip && /^[0-9a-fA-F:.]+$/.test(ip) ? ip : null;
}

export async function findSession(db: Queryable, sessionId: string): Promise<SessionRow | undefined> {
  const { rows } = await db.query<SessionRow>(`select ${SESSION_COLUMNS} from auth.sessions where id = $1`, [sessionId]);
  return rows[0];
}

/** Whether a session went unrefreshed for longer than `inactivitySeconds` (GoTrue's sessions.inactivity_timeout). */
export async function sessionInactive(db: Queryable, sessionId: string, inactivitySeconds: number | null): Promise<boolean> {
  if (inactivitySeconds === null) return false;
  const { rows } = await db.query<{ inactive: boolean }>(
    `select coalesce(refreshed_at, created_at at time zone 'utc') < (now() at time zone 'utc') - make_interval(secs => $2::float8) as inactive
     from auth.sessions where id = $1`,
    [sessionId, inactivitySeconds],
  );
  return rows[0]?.inactive ?? false;
}

export async function touchSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`update auth.sessions set refreshed_at = now() at time zone 'utc', updated_at = now() where id = $1`, [sessionId]);
}

/** Opaque, URL-safe, unguessable (144 random bits). */
function newRefreshTokenValue(): string {
  return randomBytes(18).toString('base64url');
}

export async function issueRefreshToken(db: Queryable, session: SessionRow, parent: string | null): Promise<string> {
  const token = newRefreshTokenValue();
  await db.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, $3, $4)`,
    [token, session.user_id, parent, session.id],
  );
  return token;
}

/**
 * The refresh token row, locked until the transaction ends, so that two concurrent refreshes
 * with the same token cannot both rotate it: the second one sees it revoked.
 */
export async function lockRefreshToken(db: Queryable, token: string): Promise<RefreshTokenRow | undefined> {
  const { rows } = await db.query<RefreshTokenRow>(
    `select id::text as id, token, user_id, revoked, parent, session_id
     from auth.refresh_tokens where token = $1 for update`,
    [token],
  );
  return rows[0];
}

export async function revokeRefreshToken(db: Queryable, tokenId: string): Promise<void> {
  await db.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1::bigint`, [tokenId]);
}

/**
 * Reuse of a revoked token means it may have been stolen: every token of its session is
 * revoked (GoTrue's RevokeTokenFamily), so neither the thief nor the victim can refresh.
 */
export async function revokeTokenFamily(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false`, [
    sessionId,
  ]);
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Ends sessions; their refresh tokens go with them (on delete cascade). */
export async function endSessions(db: Queryable, userId: string, currentSessionId: string | undefined, scope: LogoutScope): Promise<void> {
  if (scope === 'global') {
    await db.query(`delete from auth.sessions where user_id = $1`, [userId]);
  } else if (scope === 'local') {
    if (currentSessionId) await db.query(`delete from auth.sessions where id = $1`, [currentSessionId]);
  } else {
    await db.query(`delete from auth.sessions where user_id = $1 and id is distinct from $2::uuid`, [userId, currentSessionId ?? null]);
  }
}
