/**
 * What the Realtime server needs to know about a published table, read as the superuser and
 * cached until the next DDL notice: its columns and their type names, the columns of its
 * replica identity (what `old_record` may hold), and whether row-level security is on.
 */
import type pg from 'pg';
import { z } from 'zod';
import type { ColumnType } from './filters.js';

export type TableFacts = {
  oid: string;
  schema: string;
  table: string;
  columns: ColumnType[];
  primaryKey: string[];
  /** 'd' primary key, 'f' full row, 'i' an index, 'n' nothing (pg_class.relreplident). */
  replicaIdentity: 'd' | 'f' | 'i' | 'n';
  /** Columns `old_record` carries for UPDATE and DELETE (all of them for REPLICA IDENTITY FULL). */
  identityColumns: string[];
  rlsEnabled: boolean;
  rlsForced: boolean;
  ownerOid: string;
};

const factsRowSchema = z.object({
  oid: z.string(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  primary_key: z.array(z.string()),
  index_identity: z.array(z.string()),
  replica_identity: z.enum(['d', 'f', 'i', 'n']),
  rls_enabled: z.boolean(),
  rls_forced: z.boolean(),
  owner_oid: z.string(),
});

const FACTS_SQL = `
  select c.oid::text as oid,
    coalesce((
      select json_agg(json_build_object('name', a.attname, 'type', t.typname) order by a.attnum)
      from pg_catalog.pg_attribute a join pg_catalog.pg_type t on t.oid = a.atttypid
      where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    ), '[]') as columns,
    array(
      select a.attname::text
      from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
      where i.indrelid = c.oid and i.indisprimary
      order by array_position(i.indkey::int2[], a.attnum)
    ) as primary_key,
    array(
      select a.attname::text
      from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
      where i.indrelid = c.oid and i.indisreplident
      order by array_position(i.indkey::int2[], a.attnum)
    ) as index_identity,
    c.relreplident::text as replica_identity,
    c.relrowsecurity as rls_enabled,
    c.relforcerowsecurity as rls_forced,
    c.relowner::text as owner_oid
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = $1 and c.relname = $2`;

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function qualifiedName(schema: string, table: string): string {
  return `${quoteIdent(schema)}.${quoteIdent(table)}`;
}

export type Catalog = {
  tableFacts: (schema: string, table: string) => Promise<TableFacts | undefined>;
  /** The committed row with the given primary key values, or undefined if it is gone. */
  fetchRow: (facts: TableFacts, key: Record<string, unknown>) => Promise<Record<string, unknown> | undefined>;
  invalidate: () => void;
};

export function createCatalog(pool: pg.Pool): Catalog {
  let cache = new Map<string, Promise<TableFacts | undefined>>();

  const load = async (schema: string, table: string): Promise<TableFacts | undefined> => {
    const result = await pool.query(FACTS_SQL, [schema, table]);
    if (!result.rows[0]) return undefined;
    const row = factsRowSchema.parse(result.rows[0]);
    const identityColumns =
      row.replica_identity === 'f'
        ? row.columns.map((c) => c.name)
        : row.replica_identity === 'd'
          ? row.primary_key
          : row.replica_identity === 'i'
            ? row.index_identity
            : [];
    return {
      oid: row.oid,
      schema,
      table,
      columns: row.columns,
      primaryKey: row.primary_key,
      replicaIdentity: row.replica_identity,
      identityColumns,
      rlsEnabled: row.rls_enabled,
      rlsForced: row.rls_forced,
      ownerOid: row.owner_oid,
    };
  };

  return {
    tableFacts: (schema, table) => {
      const key = `${schema}\u0000${table}`;
      let facts = cache.get(key);
      if (!facts) {
        const current = cache;
        facts = load(schema, table);
        facts.catch(() => current.delete(key));
        current.set(key, facts);
      }
      return facts;
    },
    fetchRow: async (facts, key) => {
      if (facts.primaryKey.length === 0) return undefined;
      const name = qualifiedName(facts.schema, facts.table);
      const match = facts.primaryKey.map((column) => `t.${quoteIdent(column)} = k.${quoteIdent(column)}`).join(' and ');
      const result = await pool.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(t) as row from ${name} as t, jsonb_populate_record(null::${name}, $1::jsonb) as k where ${match}`,
        [JSON.stringify(key)],
      );
      return result.rows[0]?.row;
    },
    invalidate: () => {
      cache = new Map();
    },
  };
}
