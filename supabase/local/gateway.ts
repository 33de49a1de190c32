/**
 * One port in front of the stack, routing like Supabase's API gateway:
 * /auth/v1 → the local Auth server, /rest/v1 → PostgREST, /realtime/v1 → the local Realtime
 * server. Every request must carry a valid API key (the `apikey` header, or query parameter
 * for websockets), and CORS is answered here so the app may run on another origin.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { jwtVerify } from 'jose';
import { secretBytes } from './keys.js';

export type GatewayRoutes = {
  auth: (req: IncomingMessage, res: ServerResponse, subPath: string) => Promise<void>;
  restUrl: string;
  realtimeUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
};

export type GatewayOptions = { port: number; host: string; jwtSecret: string; routes: GatewayRoutes };

export type RunningGateway = { url: string; port: number; stop: () => Promise<void> };

const EXPOSED_HEADERS = 'content-range, content-profile, content-location, location, preference-applied, x-supabase-api-version';

/**
 * As hosted Supabase's API gateway: any origin may call, but never with the browser's
 * credentials (cookies): the API authenticates by the Authorization header and apikey only.
 * Reflecting the Origin with credentials allowed would let any site ride a browser's cookies.
 */
function setCors(_req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
}

function answerPreflight(req: IncomingMessage, res: ServerResponse): void {
  setCors(req, res);
  res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS');
  res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
  res.setHeader('Access-Control-Max-Age', '86400');
  res.writeHead(204).end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

/** The API key from the `apikey` header, or from the query string (websockets). */
export function apiKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.apikey;
  if (typeof header === 'string' && header) return header;
  const query = new URL(req.url ?? '/', 'http://gateway').searchParams.get('apikey');
  return query ?? undefined;
}

async function isValidApiKey(key: string, secret: Uint8Array): Promise<boolean> {
  try {
    const { payload } = await jwtVerify(key, secret, { algorithms: ['HS256'] });
    return payload.role === 'anon' || payload.role === 'service_role';
  } catch {
    return false;
  }
}

function proxyToRest(req: IncomingMessage, res: ServerResponse, restUrl: string, subPath: string, apiKey: string): void {
  const target = new URL(restUrl);
  const query = (req.url ?? '').split('?')[1];
  const { apikey: _apikey, ...forwarded } = req.headers;
  const headers = { ...forwarded, host: target.host };
  if (!headers.authorization) headers.authorization = `Bearer ${apiKey}`;
  const upstream = request(
    { hostname: target.hostname, port: target.port, method: req.method, path: subPath + (query ? `?${query}` : ''), headers },
    (upstreamRes) => {
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
      upstreamRes.pipe(res);
    },
  );
  upstream.on('error', (error) => {
    if (!res.headersSent) sendJson(res, 502, { message: `PostgREST is unavailable: ${error.message}` });
    else res.destroy();
  });
  req.pipe(upstream);
}

function routeOf(pathname: string, prefix: string): string | undefined {
  if (pathname === prefix) return '/';
  if (pathname.startsWith(`${prefix}/`)) return pathname.slice(prefix.length);
  return undefined;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, options: GatewayOptions, secret: Uint8Array) {
  if (req.method === 'OPTIONS') return answerPreflight(req, res);
  setCors(req, res);
  const { pathname } = new URL(req.url ?? '/', 'http://gateway');
  if (pathname === '/' || pathname === '/health') return sendJson(res, 200, { status: 'ok' });
  const apiKey = apiKeyOf(req);
  if (!apiKey) return sendJson(res, 401, { message: 'No API key found in request' });
  if (!(await isValidApiKey(apiKey, secret))) return sendJson(res, 401, { message: 'Invalid API key' });
  const authPath = routeOf(pathname, '/auth/v1');
  if (authPath !== undefined) return options.routes.auth(req, res, authPath);
  const restPath = routeOf(pathname, '/rest/v1');
  if (restPath !== undefined) return proxyToRest(req, res, options.routes.restUrl, restPath, apiKey);
  return sendJson(res, 404, { message: `no route for ${pathname}` });
}

async function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, options: GatewayOptions, secret: Uint8Array) {
  const { pathname } = new URL(req.url ?? '/', 'http://gateway');
  const apiKey = apiKeyOf(req);
  if (routeOf(pathname, '/realtime/v1') === undefined || !apiKey || !(await isValidApiKey(apiKey, secret))) {
    socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\n\r\n');
    return;
  }
  options.routes.realtimeUpgrade(req, socket, head);
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const secret = secretBytes(options.jwtSecret);
  const server: Server = createServer((req, res) => {
    handleRequest(req, res, options, secret).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { message: (error as Error).message });
      else res.destroy();
    });
  });
  server.on('upgrade', (req, socket, head) => {
    handleUpgrade(req, socket, head, options, secret).catch(() => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = address && typeof address === 'object' ? address.port : options.port;
  return {
    url: `http://${options.host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
