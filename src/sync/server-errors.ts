/**
 * What a failed call to the server means for the sync: try again later (offline, server down,
 * token expired) or a real refusal. PostgREST answers a database error with its SQLSTATE in
 * `code`; supabase-js reports a network failure with no status.
 */
export type CallError = { message: string; code?: string; status?: number; details?: string | null; hint?: string | null };

export class SyncCallError extends Error {
  readonly code: string | undefined;
  readonly status: number | undefined;
  /** The server's own message, without what was being called. */
  readonly reason: string;
  constructor(what: string, error: CallError) {
    super(`${what}: ${error.message}`);
    this.name = 'SyncCallError';
    this.code = error.code;
    this.status = error.status;
    this.reason = error.message;
  }

  /** No answer, or an answer worth waiting for (see isTransient): the same call may work later. */
  get transient(): boolean {
    return isTransient({ message: this.reason, code: this.code, status: this.status });
  }
}

/** The access token was refused (expired or revoked): refresh the session, then retry. */
export function isAuthError(error: CallError): boolean {
  return error.status === 401 || error.code === 'PGRST301' || error.code === 'PGRST303' || /jwt expired/i.test(error.message);
}

/** Worth retrying later: no answer, a gateway/server failure, a timeout, an expired token. */
export function isTransient(error: CallError): boolean {
  if (isAuthError(error)) return true;
  if (error.status === undefined || error.status === 0) return true;
  if (error.status >= 500 || error.status === 408 || error.status === 429) return true;
  // Statement timeout / connection-level SQLSTATEs (class 08, 57014, 40001 serialization).
  return !!error.code && (error.code.startsWith('08') || error.code === '57014' || error.code === '40001' || error.code === '40P01');
}
