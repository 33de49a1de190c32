/** Reading requests and writing responses the way GoTrue does (JSON, API version header). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthHttpError, badRequest, errorBodyOf } from './errors.js';

/** auth-js reads this header to pick how to parse error bodies. */
export const API_VERSION_HEADER = 'X-Supabase-Api-Version';
export const API_VERSION = '2024-01-01';

const MAX_BODY_BYTES = 1024 * 1024;

export type JsonObject = Record<string, unknown>;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json', [API_VERSION_HEADER]: API_VERSION });
  res.end(JSON.stringify(body));
}

export function sendNoContent(res: ServerResponse): void {
  res.writeHead(204, { [API_VERSION_HEADER]: API_VERSION });
  res.end();
}

export function sendAuthError(res: ServerResponse, error: AuthHttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, error.status, errorBodyOf(error));
}

/**
 * The whole body as text. An oversized body is still read to its end (and dropped): leaving
 * the loop early would destroy the socket before the 413 answer reaches the client.
 */
async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  if (size > MAX_BODY_BYTES) throw new AuthHttpError(413, 'validation_failed', 'Request body is too large');
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The request body as a JSON object; an empty body counts as `{}` (auth-js sends none for
 * logout). Anything that is not a JSON object is GoTrue's 400 `bad_json`.
 */
export async function readJsonObject(req: IncomingMessage): Promise<JsonObject> {
  const raw = await readRawBody(req);
  if (raw.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (error) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: expected a JSON object');
  }
  return parsed as JsonObject;
}

export function queryParam(req: IncomingMessage, name: string): string | null {
  return new URL(req.url ?? '/', 'http://auth.local').searchParams.get(name);
}

/** The token of an `Authorization: Bearer <token>` header, if there is one. */
export function bearerTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

export type ClientInfo = { userAgent: string | null; ip: string | null };

export function clientInfoOf(req: IncomingMessage): ClientInfo {
  const userAgent = req.headers['user-agent'];
  return { userAgent: typeof userAgent === 'string' ? userAgent : null, ip: req.socket.remoteAddress ?? null };
}
