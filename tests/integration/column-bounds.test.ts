/**
 * Every column a device writes is bounded in SQL (issue 16.5), generated from the catalogue as
 * the RLS matrix is for policies: a new writable column without a bound fails here.
 *
 * 1. For every table `authenticated` may insert or update, and every column it may write,
 *    values no product should store are tried, as the superuser (constraints bind everyone):
 *    100,000-character text, NaN / ±Infinity / 1e12 numbers, the integer type's extremes,
 *    ±infinity / year 1 / year 2200 instants and days, megabyte jsonb, 10,000-element arrays.
 *    Each must be refused, or (instants the server stamps) stored inside the sane window.
 * 2. For each synced table, the SQL bound is the device's zod bound: the zod limit itself is
 *    stored, one step past it is refused (else a valid offline write is refused for ever, or
 *    the server stores what devices then refuse to read).
 * 3. sync_push takes JSON types literally: "yes" is not a boolean, "NaN" not a number,
 *    "yesterday" not an instant. Each such item is that item's error; the rest land.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SYNCED_COLLECTIONS, type SyncedTableName } from '../../src/db/collections';
import { INSTANT_WINDOW } from '../../src/db/schema/synced-row';
import { buildScene, ROW_FIXTURES, type Db, type Row, type RowFixture, type Scene } from '../fixtures/rows.js';
import { startTestStack, type TestStack } from '../helpers/stack.js';
import { connectTrainerAndClient, createUser, type TestUser } from '../helpers/users.js';

let stack: TestStack;
let db: Db;
let scene: Scene;
let users: Record<'A' | 'B' | 'T' | 'U', TestUser>;

beforeAll(async () => {
  stack = await startTestStack();
  db = new pg.Pool({ connectionString: stack.superuserUrl, max: 4 });
  db.on('error', () => undefined);
  const [A, B, T, U] = await Promise.all([
    createUser(stack, { role: 'client', fullName: 'Client A' }),
    createUser(stack, { role: 'client', fullName: 'Client B' }),
    createUser(stack, { role: 'trainer', fullName: 'Trainer T' }),
    createUser(stack, { role: 'trainer', fullName: 'Trainer U' }),
  ]);
  users = { A, B, T, U };
  await connectTrainerAndClient(T, A);
  await connectTrainerAndClient(U, B);
  scene = await buildScene(db, { A: A.id, B: B.id, T: T.id, U: U.id });
}, 90_000);

afterAll(async () => {
  await db?.end();
  await stack?.stop();
});

type WritableColumn = { table: string; column: string; type: string; insert: boolean; update: boolean };

/** Server-kept columns: the id (a uuid, bounded by its type) and the revision markers. */
const SERVER_KEPT = new Set(['id', 'server_rev', 'txid']);
/** Types whose every value is sane: nothing to bound. */
const BOUNDED_BY_TYPE = new Set(['uuid', 'boolean', 'time without time zone']);

async function writableColumns(): Promise<WritableColumn[]> {
  const { rows } = await db.query<WritableColumn>(
    `with writable as (
       select tablename, bool_or(cmd = 'INSERT') as insert, bool_or(cmd = 'UPDATE') as update
       from pg_policies where schemaname = 'public' and 'authenticated' = any (roles) and cmd in ('INSERT', 'UPDATE')
       group by tablename
     )
     select w.tablename as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
            w.insert and has_column_privilege('authenticated', a.attrelid, a.attnum, 'INSERT') as insert,
            w.update and has_column_privilege('authenticated', a.attrelid, a.attnum, 'UPDATE') as update
     from writable w
     join pg_attribute a on a.attrelid = format('public.%I', w.tablename)::regclass and a.attnum > 0 and not a.attisdropped
     order by 1, a.attnum`,
  );
  return rows.filter((c) => (c.insert || c.update) && !SERVER_KEPT.has(c.column) && !BOUNDED_BY_TYPE.has(c.type));
}

type Probe = { label: string; value: unknown };

const HUGE_TEXT = 'x'.repeat(100_001);
const MEGABYTE = 'x'.repeat(1_000_000);

/** Values no column of `type` should keep. */
function probesFor(type: string): Probe[] {
  if (type === 'text' || type.startsWith('character varying')) {
    return [
      { label: '100,001 characters', value: HUGE_TEXT },
      // Passes a link's pattern: the length must be bounded on its own.
      { label: 'a 100,001-character link', value: `https://example.com/${HUGE_TEXT}` },
    ];
  }
  if (type.startsWith('numeric') || type === 'real' || type === 'double precision') {
    return ['NaN', 'Infinity', '-Infinity', 1e12, -1e12].map((value) => ({ label: String(value), value }));
  }
  if (type === 'smallint') return [32767, -32768].map((value) => ({ label: String(value), value }));
  if (type === 'integer') return [2147483647, -2147483648].map((value) => ({ label: String(value), value }));
  if (type === 'bigint') return [9007199254740991, -9007199254740991].map((value) => ({ label: String(value), value }));
  if (type === 'timestamp with time zone') {
    return ['infinity', '-infinity', '0001-01-01T00:00:00Z', '2200-01-01T00:00:00Z'].map((value) => ({ label: value, value }));
  }
  if (type === 'date') return ['infinity', '-infinity', '0001-01-01', '2200-01-01'].map((value) => ({ label: value, value }));
  if (type === 'jsonb') {
    return [
      { label: 'a 1 MB object', value: { note: MEGABYTE } },
      { label: 'a 1 MB array', value: [{ id: 'x', note: MEGABYTE }] },
    ];
  }
  if (type.endsWith('[]')) {
    const element = type.startsWith('uuid') ? '00000000-0000-4000-8000-000000000000' : 'x';
    return [
      { label: '10,000 elements', value: Array.from({ length: 10_000 }, () => element) },
      ...(type.startsWith('uuid') ? [] : [{ label: 'a 100,001-character element', value: [HUGE_TEXT] }]),
    ];
  }
  throw new Error(`no probes for type ${type}: add them (or the type to BOUNDED_BY_TYPE if every value is sane)`);
}

/** A valid document made big while keeping its shape: its elements or keys repeated, its strings long. */
function inflated(value: unknown): Probe[] {
  if (Array.isArray(value) && value.length > 0) {
    return [{ label: 'its elements 5,000 times', value: Array.from({ length: 5_000 }, (_, i) => value[i % value.length]) }];
  }
  if (value && typeof value === 'object' && Object.keys(value).length > 0) {
    const entries = Object.entries(value);
    const first = entries[0]?.[1];
    return [
      { label: '5,000 keys like its own', value: Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, first])) },
      ...(entries.some(([, v]) => typeof v === 'string')
        ? [
            {
              label: 'its strings 100,001 characters',
              value: Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'string' ? HUGE_TEXT : v])),
            },
          ]
        : []),
    ];
  }
  return [];
}

const WINDOW_SQL = `between '${INSTANT_WINDOW.from}'::timestamptz and '${INSTANT_WINDOW.until}'::timestamptz`;

/** `insert into <table> (<row's columns>) select … from jsonb_populate_record(…, $1)`, as sync_push writes; `returning` appended. */
function insertRowSql(table: string, row: Row, returning = ''): string {
  const rel = `public.${table}`;
  const columns = Object.keys(row).map((c) => `"${c}"`);
  return (
    `insert into ${rel} as t (${columns.join(', ')}) select ${columns.map((c) => `r.${c}`).join(', ')} ` +
    `from jsonb_populate_record(null::${rel}, $1) r${returning ? ` returning ${returning}` : ''}`
  );
}

/** Runs `attempt` in a transaction that is always rolled back; answers what it stored, or the error. */
async function inRolledBack<T>(attempt: (connection: pg.PoolClient) => Promise<T>): Promise<{ ok: T } | { error: string }> {
  const connection = await db.connect();
  try {
    await connection.query('begin');
    return { ok: await attempt(connection) };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    await connection.query('rollback').catch(() => undefined);
    connection.release();
  }
}

function fixtureFor(table: string): RowFixture | undefined {
  return ROW_FIXTURES.find((f) => f.table === table && !f.variant) ?? ROW_FIXTURES.find((f) => f.table === table);
}

/**
 * Writes `value` into `column` (by insert of the fixture's new row, or by update of a created
 * row) and answers whether what is stored is outside the bounds: null when refused or sane.
 */
async function storedOutOfBounds(
  fixture: RowFixture,
  column: WritableColumn,
  how: 'insert' | 'update',
  value: unknown,
): Promise<string | null> {
  const rel = `public.${column.table}`;
  const quoted = `"${column.column}"`;
  const saneExpr =
    column.type === 'timestamp with time zone' || column.type === 'date' ? `(t.${quoted})::timestamptz ${WINDOW_SQL}` : 'false';
  const result = await inRolledBack(async (connection) => {
    let row: Row;
    if (how === 'insert') {
      row = { ...(await fixture.insertRow(db, scene)), [column.column]: value };
      const { rows } = await connection.query<{ sane: boolean | null }>(
        insertRowSql(column.table, row, `(t.${quoted} is null or ${saneExpr}) as sane`),
        [JSON.stringify(row)],
      );
      return rows[0]?.sane;
    }
    const rowId = await fixture.create(db, scene);
    const { rows } = await connection.query<{ sane: boolean | null }>(
      `update ${rel} t set ${quoted} = r.${quoted} from jsonb_populate_record(null::${rel}, $2) r where t.id = $1
       returning (t.${quoted} is null or ${saneExpr}) as sane`,
      [rowId, JSON.stringify({ [column.column]: value })],
    );
    if (!rows.length) throw new Error('no row updated');
    return rows[0]?.sane;
  });
  if ('error' in result) return null;
  return result.ok ? null : 'stored';
}

/** Null when the fixture's new row inserts and a created row updates; else what refused. */
async function fixtureRefused(fixture: RowFixture): Promise<string | null> {
  const rel = `public.${fixture.table}`;
  const inserted = await inRolledBack(async (connection) => {
    const row = await fixture.insertRow(db, scene);
    await connection.query(insertRowSql(fixture.table, row), [JSON.stringify(row)]);
  });
  if ('error' in inserted) return `the fixture's new row is refused: ${inserted.error}`;
  const updated = await inRolledBack(async (connection) => {
    const rowId = await fixture.create(db, scene);
    const { rowCount } = await connection.query(`update ${rel} set updated_at = updated_at where id = $1`, [rowId]);
    if (rowCount !== 1) throw new Error('no row updated');
  });
  return 'error' in updated ? `the fixture's row cannot be updated: ${updated.error}` : null;
}

/** Written by the server's triggers whatever a device sends (16.6 bounds them). */
const SERVER_STAMPED = new Set(['id', 'server_rev', 'deleted', 'created_at', 'updated_at']);

async function columnTypes(table: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ name: string; type: string }>(
    `select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
     where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
    [`public.${table}`],
  );
  return new Map(rows.map((r) => [r.name, r.type]));
}

const NUMBERS = [
  -1_000_001, -1_000_000, -1, 0, 1, 4, 5, 6, 7, 8, 10, 11, 12, 16, 17, 20, 21, 50, 51, 64, 65, 75, 76, 80, 81, 100, 101, 104, 105, 120, 150,
  151, 240, 241, 272, 273, 300, 301, 365, 366, 367, 480, 481, 600, 601, 700, 701, 1000, 1001, 2000, 2001, 3600, 3601, 5000, 5001, 10_000,
  10_001, 86_400, 86_401, 1_000_000, 1_000_001,
];
const FRACTIONS = [0.5, 20.5, 75.5, 150.5, 299.5, 699.5, 1999.5];
const LENGTHS = [
  0, 1, 16, 17, 32, 33, 60, 61, 64, 65, 100, 101, 120, 121, 160, 161, 200, 201, 500, 501, 1000, 1001, 2000, 2001, 4000, 4001, 8000, 8001,
];
const INSTANTS = ['1969-12-31T23:59:59.999Z', INSTANT_WINDOW.from, '2099-12-31T23:59:59.999Z', INSTANT_WINDOW.until];
const DAYS = ['1969-12-31', '1970-01-01', '2099-12-31', '2100-01-01'];

/** Values around every bound the models and the schema use, by the column's SQL type. */
function candidatesFor(type: string): unknown[] {
  if (type === 'smallint' || type === 'integer' || type === 'bigint') return NUMBERS;
  if (type.startsWith('numeric') || type === 'real' || type === 'double precision') return [...NUMBERS, ...FRACTIONS];
  if (type === 'text') return LENGTHS.map((n) => 'a'.repeat(n));
  if (type === 'timestamp with time zone') return INSTANTS;
  if (type === 'date') return DAYS;
  return []; // uuids, booleans and documents: their shapes are held by part 1 and the models
}

function shown(value: unknown): string {
  return typeof value === 'string' && /^a*$/.test(value) ? `${value.length} characters` : JSON.stringify(value);
}

/** Refusals that speak of this column alone: its own CHECK, or its type's range. */
async function refusedByColumn(error: { code?: string; constraint?: string }, table: string, column: string): Promise<boolean> {
  if (['22003', '22007', '22008', '22P02'].includes(error.code ?? '')) return true;
  if (error.code !== '23514' || !error.constraint) return false;
  const { rows } = await db.query<{ columns: string[] }>(
    `select array(select a.attname from unnest(k.conkey) n join pg_attribute a on a.attrelid = k.conrelid and a.attnum = n)::text[] as columns
     from pg_constraint k where k.conrelid = $1::regclass and k.conname = $2`,
    [`public.${table}`, error.constraint],
  );
  const columns = rows[0]?.columns ?? [];
  return columns.length === 1 && columns[0] === column;
}

/** Whether SQL stores `value` in the fixture's new row; inconclusive when another column's rule refused it. */
async function serverVerdict(fixture: RowFixture, column: string, value: unknown): Promise<'stored' | 'refused' | 'inconclusive'> {
  const row = { ...(await fixture.insertRow(db, scene)), [column]: value };
  const connection = await db.connect();
  try {
    await connection.query('begin');
    await connection.query(insertRowSql(fixture.table, row), [JSON.stringify(row)]);
    return 'stored';
  } catch (error) {
    return (await refusedByColumn(error as { code?: string; constraint?: string }, fixture.table, column)) ? 'refused' : 'inconclusive';
  } finally {
    await connection.query('rollback').catch(() => undefined);
    connection.release();
  }
}

type Kind = 'boolean' | 'number' | 'instant' | 'day';
/** What a careless device might send for each kind: strings Postgres would read as values. */
const MISTYPED: Record<Kind, string> = { boolean: 'yes', number: 'NaN', instant: 'yesterday', day: 'today' };

/** The synced tables' writers: the client A logs, trainer T plans. */
const PUSHERS: Array<{ table: SyncedTableName; actor: 'A' | 'T'; variant?: string }> = [
  { table: 'workout_sessions', actor: 'A' },
  { table: 'set_logs', actor: 'A' },
  { table: 'habit_logs', actor: 'A' },
  { table: 'measurements', actor: 'A' },
  { table: 'food_logs', actor: 'A' },
  { table: 'check_ins', actor: 'A' },
  { table: 'goals', actor: 'A' },
  { table: 'habits', actor: 'A', variant: 'client_created' },
  { table: 'programs', actor: 'T' },
  { table: 'program_days', actor: 'T' },
  { table: 'program_exercises', actor: 'T' },
  { table: 'meal_plans', actor: 'T' },
];

async function jsonKinds(table: string): Promise<Array<[string, Kind]>> {
  const { rows } = await db.query<{ kinds: Record<string, Kind> }>(`select sync.json_kinds($1::regclass) as kinds`, [`public.${table}`]);
  return Object.entries(rows[0]?.kinds ?? {});
}

describe('column bounds', () => {
  it('every column a device may write refuses values no product should store', { timeout: 300_000 }, async () => {
    const columns = await writableColumns();
    expect(columns.length).toBeGreaterThan(150);
    const problems: string[] = [];
    const tried = new Set<string>();
    for (const column of columns) {
      const fixture = fixtureFor(column.table);
      if (!fixture) {
        problems.push(`${column.table}: no fixture in tests/fixtures/rows.ts to try its columns on`);
        continue;
      }
      if (!tried.has(column.table)) {
        tried.add(column.table);
        // A refusal below must be the probe's: the fixture's own row and update are stored.
        const problem = await fixtureRefused(fixture);
        if (problem) problems.push(`${column.table}: ${problem}`);
      }
      const own = (await fixture.insertRow(db, scene))[column.column];
      for (const probe of [...probesFor(column.type), ...(column.type === 'jsonb' ? inflated(own) : [])]) {
        for (const how of ['insert', 'update'] as const) {
          if (!column[how]) continue;
          const outcome = await storedOutOfBounds(fixture, column, how, probe.value);
          if (outcome) problems.push(`${column.table}.${column.column} (${column.type}) ${how}: ${probe.label} was stored`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('each synced column stores what the device model accepts and refuses what it refuses', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    let compared = 0;
    for (const spec of SYNCED_COLLECTIONS) {
      const fixture = fixtureFor(spec.name);
      if (!fixture) throw new Error(`no fixture for ${spec.name}`);
      const types = await columnTypes(spec.name);
      const shape = spec.model.shape as Record<string, z.ZodType>;
      for (const [column, field] of Object.entries(shape)) {
        if (SERVER_STAMPED.has(column)) continue;
        const type = types.get(column);
        if (!type) {
          problems.push(`${spec.name}.${column}: in the device model, not in the table`);
          continue;
        }
        for (const value of candidatesFor(type)) {
          const device = field.safeParse(value).success;
          const server = await serverVerdict(fixture, column, value);
          if (server === 'inconclusive') continue;
          compared += 1;
          if (device !== (server === 'stored')) {
            problems.push(`${spec.name}.${column}: ${shown(value)} is ${device ? 'accepted' : 'refused'} by the device, ${server} by SQL`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(compared).toBeGreaterThan(1_000);
  });

  it("sync_push refuses a field whose JSON is not its kind, as that item's error", { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    for (const { table, actor, variant } of PUSHERS) {
      const fixture = ROW_FIXTURES.find((f) => f.table === table && f.variant === variant);
      if (!fixture) throw new Error(`no fixture for ${table}`);
      const api = users[actor].client;
      const push = async (doc: Row) => {
        const { data, error } = await api.rpc('sync_push', { p_table: table, p_rows: [{ doc }] });
        if (error) throw new Error(`${table}: sync_push failed whole: ${error.message}`);
        return data as { written: number; errors: Array<{ column: string | null; code: string }> };
      };
      const good = await push(await fixture.insertRow(db, scene));
      if (good.written !== 1) problems.push(`${table}: the fixture's own row was not written: ${JSON.stringify(good.errors)}`);
      for (const [column, kind] of await jsonKinds(table)) {
        if (SERVER_KEPT.has(column)) continue;
        const doc = { ...(await fixture.insertRow(db, scene)), [column]: MISTYPED[kind] };
        const outcome = await push(doc);
        const refused = outcome.written === 0 && outcome.errors.length === 1 && outcome.errors[0]?.column === column;
        if (!refused) problems.push(`${table}.${column}: ${JSON.stringify(MISTYPED[kind])} gave ${JSON.stringify(outcome)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
