/**
 * One websocket connection's Phoenix channels: join (with the subscriber's JWT and its
 * postgres_changes bindings), leave, token refresh, heartbeat, and a small broadcast relay.
 * Change delivery itself is in dispatch.ts; this module only keeps the state it reads.
 */
import type { ChannelAuthorizer } from './authorization.js';
import { parseFilter, type ColumnFilter } from './filters.js';
import {
  PHOENIX_TOPIC,
  accessTokenPayloadSchema,
  broadcastPayloadSchema,
  errorReply,
  joinPayloadSchema,
  okReply,
  type BroadcastPayload,
  type PhoenixMessage,
  type PostgresChangesRequest,
} from './protocol.js';
import type { Subscriber } from './rls.js';
import { verifyAccessToken } from './tokens.js';

export type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

export type PostgresBinding = {
  /** Sent to the client in the join reply; changes name the bindings they match by id. */
  id: number;
  event: ChangeType | '*';
  /** '*' matches every schema. */
  schema: string;
  /** undefined or '*' matches every table. */
  table: string | undefined;
  filter: ColumnFilter | undefined;
  request: PostgresChangesRequest;
};

export type JoinedChannel = {
  topic: string;
  joinRef: string | null;
  subscriber: Subscriber;
  expiresAtMs: number | undefined;
  bindings: PostgresBinding[];
  broadcastSelf: boolean;
  /** A private channel: joined and written as RLS on realtime.messages allows (authorization.ts). */
  private: boolean;
  /** May this subscriber broadcast on it (always, on a public channel). */
  canSend: boolean;
  connection: RealtimeConnection;
};

export type RealtimeConnection = {
  channels: Map<string, JoinedChannel>;
  send: (message: PhoenixMessage) => void;
  /** Handles one parsed frame from the client; never throws. */
  receive: (message: PhoenixMessage) => Promise<void>;
  dispose: () => void;
};

export type ConnectionOptions = {
  send: (message: PhoenixMessage) => void;
  secret: Uint8Array;
  /** The socket's `apikey` query parameter: the token used when a join carries none. */
  apiKey: string | undefined;
  nextBindingId: () => number;
  /** Delivers a broadcast to every other channel joined to the same topic. */
  relayBroadcast: (from: JoinedChannel, payload: BroadcastPayload) => void;
  authorize: ChannelAuthorizer;
  log: (line: string) => void;
};

const CHANGE_TYPES: ReadonlyArray<ChangeType> = ['INSERT', 'UPDATE', 'DELETE'];
/** setTimeout takes at most a signed 32-bit delay; longer-lived tokens are checked on delivery. */
const MAX_TIMER_MS = 2_000_000_000;

type BindingsResult = { ok: true; bindings: PostgresBinding[] } | { ok: false; reason: string };

function parseBindings(requests: PostgresChangesRequest[], nextBindingId: () => number): BindingsResult {
  const bindings: PostgresBinding[] = [];
  for (const request of requests) {
    const upper = request.event.toUpperCase();
    const event = upper === '*' ? '*' : CHANGE_TYPES.find((t) => t === upper);
    if (!event) return { ok: false, reason: `invalid postgres_changes event "${request.event}"` };
    let filter: ColumnFilter | undefined;
    if (request.filter) {
      const parsed = parseFilter(request.filter);
      if (!parsed.ok) return { ok: false, reason: parsed.reason };
      filter = parsed.filter;
    }
    bindings.push({ id: nextBindingId(), event, schema: request.schema, table: request.table, filter, request });
  }
  return { ok: true, bindings };
}

/** The topic without realtime-js's "realtime:" prefix, as policies see it. */
export function subTopic(topic: string): string {
  return topic.replace(/^realtime:/, '');
}

function unauthorized(topic: string): string {
  return `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic(topic)}`;
}

export function channelIsExpired(channel: JoinedChannel, nowMs = Date.now()): boolean {
  return channel.expiresAtMs !== undefined && channel.expiresAtMs <= nowMs;
}

export function createConnection(options: ConnectionOptions): RealtimeConnection {
  const channels = new Map<string, JoinedChannel>();
  const expiryTimers = new Map<JoinedChannel, NodeJS.Timeout>();
  const { send } = options;

  const reply = (message: PhoenixMessage, payload: unknown) =>
    send({ joinRef: message.joinRef, ref: message.ref, topic: message.topic, event: 'phx_reply', payload });

  const push = (channel: JoinedChannel, event: string, payload: unknown) =>
    send({ joinRef: channel.joinRef, ref: null, topic: channel.topic, event, payload });

  const drop = (channel: JoinedChannel) => {
    const timer = expiryTimers.get(channel);
    if (timer) clearTimeout(timer);
    expiryTimers.delete(channel);
    if (channels.get(channel.topic) === channel) channels.delete(channel.topic);
  };

  /** As hosted Realtime: tell the client why, then close the channel. */
  const closeWithSystemError = (channel: JoinedChannel, message: string) => {
    push(channel, 'system', { extension: 'system', status: 'error', message, channel: channel.topic.replace(/^realtime:/, '') });
    push(channel, 'phx_close', {});
    drop(channel);
  };

  const scheduleExpiry = (channel: JoinedChannel) => {
    const previous = expiryTimers.get(channel);
    if (previous) clearTimeout(previous);
    expiryTimers.delete(channel);
    if (channel.expiresAtMs === undefined) return;
    const delay = channel.expiresAtMs - Date.now();
    if (delay > MAX_TIMER_MS) return;
    const timer = setTimeout(
      () => {
        if (channels.get(channel.topic) !== channel) return;
        // A timer may fire a millisecond before the wall clock reaches the expiry: wait again.
        if (channelIsExpired(channel)) closeWithSystemError(channel, 'Token has expired');
        else scheduleExpiry(channel);
      },
      Math.max(0, delay),
    );
    timer.unref();
    expiryTimers.set(channel, timer);
  };

  const join = async (message: PhoenixMessage) => {
    const parsed = joinPayloadSchema.safeParse(message.payload ?? {});
    if (!parsed.success) return reply(message, errorReply('invalid join payload'));
    if (!message.topic.startsWith('realtime:')) return reply(message, errorReply('topics must start with "realtime:"'));
    const token = parsed.data.access_token || options.apiKey;
    if (!token) return reply(message, errorReply('no access token'));
    const verified = await verifyAccessToken(token, options.secret);
    if (!verified.ok) return reply(message, errorReply(verified.reason));
    const config = parsed.data.config ?? {};
    const bindings = parseBindings(config.postgres_changes ?? [], options.nextBindingId);
    if (!bindings.ok) return reply(message, errorReply(bindings.reason));
    const isPrivate = config.private === true;
    const rights = isPrivate ? await options.authorize(verified.subscriber, subTopic(message.topic)) : { read: true, write: true };
    if (!rights.read) return reply(message, errorReply(unauthorized(message.topic)));

    const existing = channels.get(message.topic);
    if (existing) drop(existing);
    const channel: JoinedChannel = {
      topic: message.topic,
      joinRef: message.joinRef ?? message.ref,
      subscriber: verified.subscriber,
      expiresAtMs: verified.expiresAtMs,
      bindings: bindings.bindings,
      broadcastSelf: config.broadcast?.self === true,
      private: isPrivate,
      canSend: rights.write,
      connection,
    };
    channels.set(channel.topic, channel);
    scheduleExpiry(channel);
    reply(message, okReply({ postgres_changes: channel.bindings.map(({ id, request }) => ({ id, ...request })) }));
    if (channel.bindings.length > 0) {
      push(channel, 'system', {
        extension: 'postgres_changes',
        status: 'ok',
        message: 'Subscribed to PostgreSQL',
        channel: channel.topic.replace(/^realtime:/, ''),
      });
    }
    if (config.presence?.enabled) push(channel, 'presence_state', {});
  };

  const refreshToken = async (message: PhoenixMessage, channel: JoinedChannel) => {
    const parsed = accessTokenPayloadSchema.safeParse(message.payload ?? {});
    const token = parsed.success ? parsed.data.access_token || options.apiKey : undefined;
    if (!token) return;
    const verified = await verifyAccessToken(token, options.secret);
    if (channels.get(channel.topic) !== channel) return;
    if (!verified.ok) {
      closeWithSystemError(channel, verified.reason);
      return;
    }
    if (channel.private) {
      // A new token may carry other claims: the channel is authorised again.
      const rights = await options.authorize(verified.subscriber, subTopic(channel.topic));
      if (channels.get(channel.topic) !== channel) return;
      if (!rights.read) {
        closeWithSystemError(channel, unauthorized(channel.topic));
        return;
      }
      channel.canSend = rights.write;
    }
    channel.subscriber = verified.subscriber;
    channel.expiresAtMs = verified.expiresAtMs;
    scheduleExpiry(channel);
  };

  const receive = async (message: PhoenixMessage) => {
    try {
      if (message.topic === PHOENIX_TOPIC) {
        if (message.event === 'heartbeat') reply(message, okReply());
        return;
      }
      if (message.event === 'phx_join') return await join(message);
      const channel = channels.get(message.topic);
      if (!channel) {
        if (message.ref !== null) reply(message, errorReply('unmatched topic'));
        return;
      }
      switch (message.event) {
        case 'phx_leave':
          drop(channel);
          reply(message, okReply());
          return;
        case 'access_token':
          return await refreshToken(message, channel);
        case 'broadcast': {
          if (!channel.canSend) {
            if (message.ref !== null)
              reply(
                message,
                errorReply(`Unauthorized: You do not have permissions to write to this Channel topic: ${subTopic(channel.topic)}`),
              );
            return;
          }
          const broadcast = broadcastPayloadSchema.safeParse(message.payload);
          if (broadcast.success) options.relayBroadcast(channel, broadcast.data);
          if (message.ref !== null) reply(message, okReply());
          return;
        }
        case 'presence':
          if (message.ref !== null) reply(message, okReply());
          return;
        default:
          return;
      }
    } catch (error) {
      options.log(`[realtime] ${message.event} on ${message.topic} failed: ${(error as Error).message}`);
    }
  };

  const connection: RealtimeConnection = {
    channels,
    send,
    receive,
    dispose: () => {
      for (const channel of [...channels.values()]) drop(channel);
    },
  };
  return connection;
}
