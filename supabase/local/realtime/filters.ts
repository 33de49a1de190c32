/**
 * The `filter` of a postgres_changes binding, in Realtime's PostgREST-like syntax:
 * `column=eq.value`, `neq`, `lt`, `lte`, `gt`, `gte`, and `column=in.(a,b,"c,d")`.
 * Values are compared by the column's Postgres type: numbers as numbers, booleans as
 * booleans, timestamps as instants, uuids case-insensitively, everything else as text.
 * A null column value matches nothing (as `null = x` is not true in SQL).
 */

export type FilterOperator = 'eq' | 'neq' | 'lt' | 'lte' | 'gt' | 'gte' | 'in';

export type ColumnFilter = { column: string; operator: FilterOperator; values: string[] };

export type ColumnType = { name: string; type: string };

export type FilterParseResult = { ok: true; filter: ColumnFilter } | { ok: false; reason: string };

const FILTER = /^([^=]+)=(eq|neq|lt|lte|gt|gte|in)\.([\s\S]*)$/;

/** Splits `(a,b,"c,d")` into its items; double quotes protect commas, `\"` escapes a quote. */
function parseList(text: string): string[] | undefined {
  if (!text.startsWith('(') || !text.endsWith(')')) return undefined;
  const inner = text.slice(1, -1);
  if (inner.trim() === '') return [];
  const items: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < inner.length; i += 1) {
    const char = inner[i] as string;
    if (quoted && char === '\\' && i + 1 < inner.length) {
      current += inner[i + 1];
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      items.push(current.trim());
      current = '';
    } else {
      current += char;
    }
  }
  if (quoted) return undefined;
  items.push(current.trim());
  return items;
}

export function parseFilter(text: string): FilterParseResult {
  const match = FILTER.exec(text.trim());
  if (!match) return { ok: false, reason: `invalid filter "${text}": expected column=op.value with op eq, neq, lt, lte, gt, gte or in` };
  const [, column = '', operator, rawValue = ''] = match;
  if (operator === 'in') {
    const values = parseList(rawValue.trim());
    if (!values) return { ok: false, reason: `invalid filter "${text}": in expects a list like in.(a,b)` };
    return { ok: true, filter: { column: column.trim(), operator, values } };
  }
  return { ok: true, filter: { column: column.trim(), operator: operator as FilterOperator, values: [rawValue] } };
}

const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid', 'money']);
const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'date']);

type Comparable = number | string;

/** Postgres's text form `2026-03-01 09:00:00+00` as ISO 8601, which Date.parse accepts. */
function isoTimestamp(text: string): string {
  const withT = text.includes('T') ? text : text.replace(' ', 'T');
  return withT.includes('T') ? withT.replace(/([+-]\d\d)$/, '$1:00') : withT;
}

function comparable(value: unknown, columnType: string | undefined): Comparable | undefined {
  if (value === null || value === undefined) return undefined;
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (columnType && NUMERIC_TYPES.has(columnType)) {
    const number = Number(text);
    return Number.isNaN(number) ? undefined : number;
  }
  if (columnType === 'bool') {
    const lower = text.toLowerCase();
    if (['t', 'true', 'y', 'yes', 'on', '1'].includes(lower)) return 1;
    if (['f', 'false', 'n', 'no', 'off', '0'].includes(lower)) return 0;
    return undefined;
  }
  if (columnType && TIME_TYPES.has(columnType)) {
    const instant = Date.parse(isoTimestamp(text));
    return Number.isNaN(instant) ? text : instant;
  }
  if (columnType === 'uuid') return text.toLowerCase();
  return text;
}

function compare(left: Comparable, right: Comparable): number {
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = String(left);
  const b = String(right);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whether a row (as sent in the change: column name → JSON value) passes the filter. */
export function rowMatchesFilter(filter: ColumnFilter, row: Record<string, unknown> | null, columns: ColumnType[]): boolean {
  if (!row || !(filter.column in row)) return false;
  const columnType = columns.find((c) => c.name === filter.column)?.type;
  const left = comparable(row[filter.column], columnType);
  if (left === undefined) return false;
  const rights = filter.values.map((v) => comparable(v, columnType));
  if (filter.operator === 'in') return rights.some((right) => right !== undefined && compare(left, right) === 0);
  const right = rights[0];
  if (right === undefined) return false;
  const order = compare(left, right);
  switch (filter.operator) {
    case 'eq':
      return order === 0;
    case 'neq':
      return order !== 0;
    case 'lt':
      return order < 0;
    case 'lte':
      return order <= 0;
    case 'gt':
      return order > 0;
    case 'gte':
      return order >= 0;
  }
}
