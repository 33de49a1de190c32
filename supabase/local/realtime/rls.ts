/**
 * May this subscriber see this row version? Answered in Postgres itself, as the subscriber:
 * in a transaction that is always rolled back, `set local role` to the JWT's role and set
 * `request.jwt.claims`, then evaluate the table's SELECT policies against the row values from
 * the change (`jsonb_populate_record`), so DELETE works although the row is gone.
 * Postgres's own rules are reproduced: the role needs SELECT on the table (or on some columns,
 * and then only those columns are sent); with RLS on and no bypass, permissive policies for
 * the role (or PUBLIC, or a role it has the privileges of) are OR-ed, restrictive ones AND-ed,
 * and no permissive policy means no row. The policy SQL is cached per table and role until
 * the next DDL notice; privileges are checked live.
 */
import type pg from 'pg';
import { z } from 'zod';
import { qualifiedName, quoteIdent, type TableFacts } from './catalog.js';

export const SUBSCRIBER_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type SubscriberRole = (typeof SUBSCRIBER_ROLES)[number];

export type Subscriber = {
  /** Identifies the (role, claims) pair; subscribers with equal keys are checked once. */
  key: string;
  role: SubscriberRole;
  claims: Record<string, unknown>;
};

/** The columns the subscriber may see of the row, or null when the row is hidden. */
export type VisibleColumns = string[] | null;

type PolicyPlan = { kind: 'bypass' } | { kind: 'deny' } | { kind: 'check'; sql: string };

const policyRowSchema = z.object({
  bypass: z.boolean(),
  owner: z.boolean(),
  policies: z.array(z.object({ permissive: z.boolean(), qual: z.string().nullable() })),
});

const POLICIES_SQL = `
  select r.rolbypassrls or r.rolsuper as bypass,
    c.relowner = r.oid as owner,
    coalesce((
      select json_agg(
        json_build_object('permissive', p.polpermissive, 'qual', pg_catalog.pg_get_expr(p.polqual, p.polrelid))
        order by p.polname
      )
      from pg_catalog.pg_policy p
      where p.polrelid = c.oid
        and p.polcmd in ('r', '*')
        and exists (
          select 1 from unnest(p.polroles) as pr (oid)
          where case when pr.oid = 0 then true else pg_catalog.pg_has_role(r.oid, pr.oid, 'USAGE') end
        )
    ), '[]') as policies
  from pg_catalog.pg_class c cross join pg_catalog.pg_roles r
  where c.oid = $1::oid and r.rolname = $2`;

const PRIVILEGES_SQL = `
  select pg_catalog.has_table_privilege($1, $2::oid, 'SELECT') as whole_table,
    array(
      select a.attname::text from pg_catalog.pg_attribute a
      where a.attrelid = $2::oid and a.attnum > 0 and not a.attisdropped
        and pg_catalog.has_column_privilege($1, $2::oid, a.attnum, 'SELECT')
      order by a.attnum
    ) as columns`;

/** Builds `select <policies> from jsonb_populate_record(...) as <table>`; quals may name the table. */
export function visibilitySql(facts: TableFacts, policies: Array<{ permissive: boolean; qual: string | null }>): string | undefined {
  const permissive = policies.filter((p) => p.permissive && p.qual !== null).map((p) => `(${p.qual})`);
  if (permissive.length === 0) return undefined;
  const restrictive = policies.filter((p) => !p.permissive && p.qual !== null).map((p) => `(${p.qual})`);
  const predicate = [`(${permissive.join(' or ')})`, ...restrictive].join(' and ');
  return (
    `select coalesce(${predicate}, false) as visible ` +
    `from pg_catalog.jsonb_populate_record(null::${qualifiedName(facts.schema, facts.table)}, $1::jsonb) as ${quoteIdent(facts.table)}`
  );
}

export type VisibilityChecker = {
  check: (facts: TableFacts, row: Record<string, unknown>, subscribers: Subscriber[]) => Promise<Map<string, VisibleColumns>>;
  invalidate: () => void;
};

export function createVisibilityChecker(pool: pg.Pool, log: (line: string) => void): VisibilityChecker {
  let plans = new Map<string, Promise<PolicyPlan>>();

  const loadPlan = async (facts: TableFacts, role: SubscriberRole): Promise<PolicyPlan> => {
    const client = await pool.connect();
    try {
      // With an empty search_path pg_get_expr schema-qualifies every name, so the quals mean
      // the same whatever search_path they are evaluated under.
      await client.query('begin');
      await client.query(`set local search_path = ''`);
      const result = await client.query(POLICIES_SQL, [facts.oid, role]);
      await client.query('commit');
      if (!result.rows[0]) return { kind: 'deny' };
      const row = policyRowSchema.parse(result.rows[0]);
      if (!facts.rlsEnabled || row.bypass || (row.owner && !facts.rlsForced)) return { kind: 'bypass' };
      const sql = visibilitySql(facts, row.policies);
      return sql ? { kind: 'check', sql } : { kind: 'deny' };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const planFor = (facts: TableFacts, role: SubscriberRole): Promise<PolicyPlan> => {
    const key = `${facts.oid}:${role}`;
    let plan = plans.get(key);
    if (!plan) {
      const current = plans;
      plan = loadPlan(facts, role);
      plan.catch(() => current.delete(key));
      current.set(key, plan);
    }
    return plan;
  };

  const check = async (facts: TableFacts, row: Record<string, unknown>, subscribers: Subscriber[]) => {
    const visible = new Map<string, VisibleColumns>();
    const allColumns = facts.columns.map((c) => c.name);
    const pending: Subscriber[] = [];
    for (const subscriber of subscribers) {
      if (visible.has(subscriber.key) || pending.some((p) => p.key === subscriber.key)) continue;
      // service_role is Supabase's "sees everything" key.
      if (subscriber.role === 'service_role') visible.set(subscriber.key, allColumns);
      else pending.push(subscriber);
    }
    if (pending.length === 0) return visible;

    const roles = [...new Set(pending.map((s) => s.role))];
    const rolePlans = new Map<SubscriberRole, PolicyPlan>();
    for (const role of roles) rolePlans.set(role, await planFor(facts, role));

    const client = await pool.connect();
    let broken: Error | undefined;
    const begin = () => client.query(`begin; set local statement_timeout = '5s'`);
    try {
      await begin();
      const roleColumns = new Map<SubscriberRole, string[]>();
      for (const role of roles) {
        const result = await client.query<{ whole_table: boolean; columns: string[] }>(PRIVILEGES_SQL, [role, facts.oid]);
        const privileges = result.rows[0];
        roleColumns.set(role, privileges?.whole_table ? allColumns : (privileges?.columns ?? []));
      }
      for (const subscriber of pending) {
        const columns = roleColumns.get(subscriber.role) ?? [];
        const plan = rolePlans.get(subscriber.role) ?? { kind: 'deny' };
        if (columns.length === 0 || plan.kind === 'deny') {
          visible.set(subscriber.key, null);
          continue;
        }
        if (plan.kind === 'bypass') {
          visible.set(subscriber.key, columns);
          continue;
        }
        try {
          await client.query(`select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)`, [
            subscriber.role,
            JSON.stringify(subscriber.claims),
          ]);
          const result = await client.query<{ visible: boolean }>(plan.sql, [JSON.stringify(row)]);
          visible.set(subscriber.key, result.rows[0]?.visible === true ? columns : null);
        } catch (error) {
          // A policy that fails to evaluate hides the row, as the failed query would.
          log(`[realtime] policy check on ${facts.schema}.${facts.table} failed: ${(error as Error).message}`);
          visible.set(subscriber.key, null);
          await client.query('rollback');
          await begin();
        }
      }
      await client.query('rollback');
    } catch (error) {
      broken = error as Error;
      throw error;
    } finally {
      client.release(broken);
    }
    return visible;
  };

  return {
    check,
    invalidate: () => {
      plans = new Map();
    },
  };
}
