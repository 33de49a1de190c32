/**
 * The local stand-in for Supabase Realtime: the subset realtime-js uses for `postgres_changes`
 * (and a small broadcast relay), as an in-process websocket server that the gateway mounts at
 * /realtime/v1. Changes come from the NOTIFY triggers of sql/10_realtime.sql (changes.ts),
 * are checked against each subscriber's RLS (rls.ts) and sent in commit order (dispatch.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { secretBytes } from '../keys.js';
import { createCatalog } from './catalog.js';
import { createChannelAuthorizer } from './authorization.js';
import { startChangeFeed, type BroadcastMessage } from './changes.js';
import { createConnection, type JoinedChannel, type RealtimeConnection } from './channels.js';
import { createDispatcher } from './dispatch.js';
import { decodeFrame, encodeFrame, protocolVersionOf, type BroadcastPayload } from './protocol.js';
import { createVisibilityChecker } from './rls.js';

export type RealtimeServerOptions = { superuserUrl: string; jwtSecret: string; log?: (line: string) => void };
export type RealtimeServer = {
  handleUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void; // path /realtime/v1/websocket; the gateway has already checked the apikey query param
  close: () => Promise<void>;
};

const FEED_READY_TIMEOUT_MS = 15_000;
const CLOSE_GRACE_MS = 500;
const MAX_FRAME_BYTES = 1024 * 1024;

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startRealtimeServer(options: RealtimeServerOptions): Promise<RealtimeServer> {
  const log = options.log ?? (() => undefined);
  const secret = secretBytes(options.jwtSecret);
  let closing = false;
  const quietLog = (line: string) => {
    if (!closing) log(line);
  };

  const pool = new pg.Pool({ connectionString: options.superuserUrl, max: 8, application_name: 'local realtime' });
  pool.on('error', (error) => quietLog(`[realtime] idle connection error: ${error.message}`));
  const catalog = createCatalog(pool);
  const visibility = createVisibilityChecker(pool, quietLog);

  const sockets = new Map<WebSocket, RealtimeConnection>();
  const authorize = createChannelAuthorizer(pool, quietLog);

  /** A message from realtime.send to every channel joined to its topic with its privacy. */
  function deliverMessage(message: BroadcastMessage): void {
    const topic = `realtime:${message.topic}`;
    const payload = { type: 'broadcast', event: message.event ?? '', payload: message.payload, meta: { id: message.id } };
    for (const channel of joinedChannels()) {
      if (channel.topic !== topic || channel.private !== message.private) continue;
      channel.connection.send({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'broadcast', payload });
    }
  }
  function* joinedChannels(): Iterable<JoinedChannel> {
    for (const connection of sockets.values()) yield* connection.channels.values();
  }

  const dispatcher = createDispatcher({ channels: joinedChannels, catalog, visibility, log: quietLog });
  const feed = startChangeFeed({
    superuserUrl: options.superuserUrl,
    onChange: (change) => dispatcher.enqueue(change),
    onMessage: (message) => deliverMessage(message),
    onSchemaChange: () => {
      catalog.invalidate();
      visibility.invalidate();
    },
    log: quietLog,
  });
  try {
    await withTimeout(feed.ready, FEED_READY_TIMEOUT_MS, 'realtime: could not LISTEN on the database');
  } catch (error) {
    closing = true;
    await feed.close();
    await pool.end().catch(() => undefined);
    throw error;
  }

  let bindingIds = 0;
  // A public and a private channel of one topic are different channels, as on hosted.
  const relayBroadcast = (from: JoinedChannel, payload: BroadcastPayload) => {
    for (const channel of joinedChannels()) {
      if (channel.topic !== from.topic || channel.private !== from.private || (channel === from && !from.broadcastSelf)) continue;
      channel.connection.send({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'broadcast', payload });
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  const onConnection = (ws: WebSocket, req: IncomingMessage) => {
    const vsn = protocolVersionOf(req.url);
    const apiKey = new URL(req.url ?? '/', 'http://realtime').searchParams.get('apikey') ?? undefined;
    const connection = createConnection({
      send: (message) => {
        if (ws.readyState === ws.OPEN) ws.send(encodeFrame(message, vsn));
      },
      secret,
      apiKey,
      nextBindingId: () => (bindingIds += 1),
      relayBroadcast,
      authorize,
      log: quietLog,
    });
    sockets.set(ws, connection);
    // Frames are handled one after another so a join finishes before the next frame runs.
    let inbox: Promise<void> = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      const message = decodeFrame(toBuffer(data), isBinary);
      if (!message) return;
      inbox = inbox.then(() => connection.receive(message)).catch(() => undefined);
    });
    ws.on('error', (error) => quietLog(`[realtime] socket error: ${error.message}`));
    ws.on('close', () => {
      connection.dispose();
      sockets.delete(ws);
    });
  };

  return {
    handleUpgrade: (req, socket, head) => {
      const { pathname } = new URL(req.url ?? '/', 'http://realtime');
      if (closing || !pathname.endsWith('/websocket')) {
        socket.end(`HTTP/1.1 ${closing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`);
        return;
      }
      wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, req));
    },
    close: async () => {
      if (closing) return;
      closing = true;
      const open = [...sockets.keys()];
      await Promise.all(
        open.map(
          (ws) =>
            new Promise<void>((resolve) => {
              const timer = setTimeout(() => {
                ws.terminate();
                resolve();
              }, CLOSE_GRACE_MS);
              ws.once('close', () => {
                clearTimeout(timer);
                resolve();
              });
              ws.close(1001, 'server shutting down');
            }),
        ),
      );
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await feed.close();
      await dispatcher.drain().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
