/**
 * Phoenix channel frames as realtime-js speaks them.
 * vsn 2.0.0: JSON arrays `[join_ref, ref, topic, event, payload]`, plus the binary
 * "user broadcast push" frame realtime-js uses for `channel.send({type: 'broadcast'})`.
 * vsn 1.0.0: JSON objects `{join_ref?, ref, topic, event, payload}`.
 * Everything arriving is parsed with zod; a frame that does not parse is dropped, never thrown.
 */
import { z } from 'zod';

export type ProtocolVersion = '1.0.0' | '2.0.0';

export type PhoenixMessage = {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
};

export const PHOENIX_TOPIC = 'phoenix';

const refSchema = z.union([z.string(), z.number().transform(String)]).nullable().optional();

const arrayFrameSchema = z.tuple([refSchema, refSchema, z.string(), z.string(), z.unknown()]);

const objectFrameSchema = z.looseObject({
  join_ref: refSchema,
  ref: refSchema,
  topic: z.string(),
  event: z.string(),
  payload: z.unknown(),
});

export const postgresChangesBindingSchema = z.looseObject({
  event: z.string(),
  schema: z.string(),
  table: z.string().optional(),
  filter: z.string().optional(),
});
export type PostgresChangesRequest = z.infer<typeof postgresChangesBindingSchema>;

export const joinPayloadSchema = z.looseObject({
  config: z
    .looseObject({
      broadcast: z.looseObject({ self: z.boolean().optional(), ack: z.boolean().optional() }).optional(),
      presence: z.looseObject({ key: z.string().optional(), enabled: z.boolean().optional() }).optional(),
      postgres_changes: z.array(postgresChangesBindingSchema).optional(),
      private: z.boolean().optional(),
    })
    .optional(),
  access_token: z.string().nullable().optional(),
});
export type JoinPayload = z.infer<typeof joinPayloadSchema>;

export const accessTokenPayloadSchema = z.looseObject({ access_token: z.string().nullable().optional() });

export const broadcastPayloadSchema = z.looseObject({
  type: z.literal('broadcast'),
  event: z.string(),
  payload: z.unknown().optional(),
});
export type BroadcastPayload = z.infer<typeof broadcastPayloadSchema>;

export function protocolVersionOf(requestUrl: string | undefined): ProtocolVersion {
  const vsn = new URL(requestUrl ?? '/', 'http://realtime').searchParams.get('vsn');
  return vsn === '2.0.0' ? '2.0.0' : '1.0.0';
}

function fromParsedRefs(joinRef: string | null | undefined, ref: string | null | undefined) {
  return { joinRef: joinRef ?? null, ref: ref ?? null };
}

function decodeJson(text: string): PhoenixMessage | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const asArray = arrayFrameSchema.safeParse(json);
  if (asArray.success) {
    const [joinRef, ref, topic, event, payload] = asArray.data;
    return { ...fromParsedRefs(joinRef, ref), topic, event, payload };
  }
  const asObject = objectFrameSchema.safeParse(json);
  if (asObject.success) {
    const { join_ref, ref, topic, event, payload } = asObject.data;
    return { ...fromParsedRefs(join_ref, ref), topic, event, payload };
  }
  return undefined;
}

const USER_BROADCAST_PUSH = 3;
const JSON_ENCODING = 1;

/**
 * realtime-js serializer `_encodeUserBroadcastPush`: kind, then the lengths of join_ref, ref,
 * topic, user event and metadata, the payload encoding, those strings, then the payload.
 */
function decodeUserBroadcastPush(frame: Buffer): PhoenixMessage | undefined {
  const headerLength = 7;
  if (frame.length < headerLength || frame[0] !== USER_BROADCAST_PUSH) return undefined;
  const lengths = [frame[1], frame[2], frame[3], frame[4], frame[5]].map((n) => n ?? 0);
  const encoding = frame[6];
  let offset = headerLength;
  const parts = lengths.map((length) => {
    const part = frame.subarray(offset, offset + length).toString('utf8');
    offset += length;
    return part;
  });
  if (offset > frame.length) return undefined;
  const [joinRef, ref, topic, userEvent, metadata] = parts as [string, string, string, string, string];
  const body = frame.subarray(offset);
  let payload: unknown;
  try {
    payload = encoding === JSON_ENCODING ? JSON.parse(body.toString('utf8') || 'null') : body.toString('base64');
  } catch {
    return undefined;
  }
  let meta: unknown;
  try {
    meta = metadata ? JSON.parse(metadata) : undefined;
  } catch {
    meta = undefined;
  }
  return {
    joinRef: joinRef || null,
    ref: ref || null,
    topic,
    event: 'broadcast',
    payload: { type: 'broadcast', event: userEvent, payload, ...(meta && typeof meta === 'object' ? meta : {}) },
  };
}

/** Parses one websocket frame; undefined when it is not a Phoenix message. */
export function decodeFrame(data: Buffer | string, isBinary: boolean): PhoenixMessage | undefined {
  if (typeof data === 'string') return decodeJson(data);
  if (isBinary) return decodeUserBroadcastPush(data);
  return decodeJson(data.toString('utf8'));
}

export function encodeFrame(message: PhoenixMessage, vsn: ProtocolVersion): string {
  if (vsn === '2.0.0') {
    return JSON.stringify([message.joinRef, message.ref, message.topic, message.event, message.payload]);
  }
  return JSON.stringify({
    join_ref: message.joinRef,
    ref: message.ref,
    topic: message.topic,
    event: message.event,
    payload: message.payload,
  });
}

export function okReply(response: unknown = {}) {
  return { status: 'ok', response };
}

export function errorReply(reason: string) {
  return { status: 'error', response: { reason } };
}
