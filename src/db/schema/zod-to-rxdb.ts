/**
 * Turns an entity's zod schema (the single source of truth, STYLE.md) into an RxDB JSON
 * schema: zod 4 emits JSON Schema, and this adapts it to what RxDB requires.
 *
 * - `id` is the primary key (UUIDv7 from the device, 36 characters).
 * - `deleted` is left out: RxDB keeps the soft-delete flag as its own `_deleted`, and the
 *   replication maps it to the server's `deleted` column (so removed rows leave every query).
 * - Nullable fields come out as `type: [X, 'null']` rather than `anyOf`.
 * - Every indexed field must be bounded (strings: maxLength; numbers: minimum, maximum,
 *   multipleOf), which RxDB needs to build index keys; a missing bound is an error here, at
 *   schema build time, rather than a runtime surprise on a phone.
 */
import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';

type JsonObject = Record<string, unknown>;

/** Lengths of the fixed-size string formats the models use. */
const FORMAT_MAX_LENGTH: Record<string, number> = { uuid: 36, 'date-time': 40, date: 10 };

export type RxSchemaOptions = {
  /** Version of the local schema; bump with a migration strategy when the model changes. */
  version: number;
  /** Indexes the screens query by; each entry a field or a compound of fields. */
  indexes: ReadonlyArray<string | readonly string[]>;
  /** Fields of the zod model that RxDB does not store (the `deleted` flag, by default). */
  omit?: readonly string[];
  description?: string;
};

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Removes what RxDB either rejects or does not need, recursively. */
function clean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(clean);
  if (!isObject(node)) return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || key === 'default') continue;
    out[key] = clean(value);
  }
  const anyOf = out.anyOf;
  // {anyOf: [X, {type: 'null'}]} → X with type [X.type, 'null']
  if (Array.isArray(anyOf) && anyOf.length === 2) {
    const nonNull = anyOf.find((s) => !(isObject(s) && s.type === 'null'));
    const hasNull = anyOf.some((s) => isObject(s) && s.type === 'null');
    if (hasNull && isObject(nonNull) && typeof nonNull.type === 'string') {
      delete out.anyOf;
      Object.assign(out, nonNull, { type: [nonNull.type, 'null'] });
    }
  }
  return out;
}

function boundIndexedField(name: string, property: JsonObject): void {
  const type = property.type;
  if (Array.isArray(type)) {
    throw new Error(`indexed field ${name} must not be nullable (RxDB index fields need one type)`);
  }
  if (type === 'string') {
    if (typeof property.maxLength !== 'number') {
      const known = typeof property.format === 'string' ? FORMAT_MAX_LENGTH[property.format] : undefined;
      const enumValues = Array.isArray(property.enum) ? (property.enum as unknown[]) : undefined;
      const fromEnum = enumValues ? Math.max(...enumValues.map((v) => String(v).length)) : undefined;
      const maxLength = known ?? fromEnum;
      if (maxLength === undefined) throw new Error(`indexed string field ${name} needs a maximum length (.max())`);
      property.maxLength = maxLength;
    }
    return;
  }
  if (type === 'number' || type === 'integer') {
    if (typeof property.minimum !== 'number' || typeof property.maximum !== 'number') {
      throw new Error(`indexed number field ${name} needs .min() and .max()`);
    }
    if (typeof property.multipleOf !== 'number') property.multipleOf = type === 'integer' ? 1 : 0.001;
    return;
  }
  if (type === 'boolean') return;
  throw new Error(`field ${name} of type ${String(type)} cannot be indexed`);
}

export function zodToRxSchema<T>(model: z.ZodObject, options: RxSchemaOptions): RxJsonSchema<T> {
  const json = clean(z.toJSONSchema(model, { target: 'draft-2020-12', unrepresentable: 'throw' })) as JsonObject;
  const properties = { ...(json.properties as Record<string, JsonObject>) };
  const omit = new Set(options.omit ?? ['deleted']);
  for (const name of omit) delete properties[name];
  const required = ((json.required as string[] | undefined) ?? []).filter((name) => !omit.has(name));

  const id = properties.id;
  if (!id) throw new Error('an entity model needs an id field');
  properties.id = { ...id, maxLength: typeof id.maxLength === 'number' ? id.maxLength : 36 };

  const indexedFields = new Set(options.indexes.flatMap((index) => (typeof index === 'string' ? [index] : [...index])));
  for (const name of indexedFields) {
    const property = properties[name];
    if (!property) throw new Error(`index field ${name} is not in the model`);
    if (!required.includes(name)) throw new Error(`index field ${name} must be required`);
    properties[name] = { ...property };
    boundIndexedField(name, properties[name]);
  }

  return {
    title: options.description,
    version: options.version,
    primaryKey: 'id',
    type: 'object',
    properties,
    required,
    additionalProperties: false,
    indexes: options.indexes.map((index) => (typeof index === 'string' ? index : [...index])),
  } as unknown as RxJsonSchema<T>;
}
