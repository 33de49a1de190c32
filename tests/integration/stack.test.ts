/**
 * The local stack behaves like Supabase where the app and the tests depend on it: the gateway
 * checks API keys, RLS is the only guard (Supabase's default privileges), migrations run as a
 * non-superuser and only once, and data survives a restart.
 */
import { chmod, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SupabaseClient } from '@supabase/supabase-js';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack';
import { createTestClient } from '../helpers/supabase';

let stack: TestStack;

async function sql<T extends pg.QueryResultRow>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

function client(key: string): SupabaseClient {
  return createTestClient(stack.apiUrl, key);
}

async function signedUpClient(email: string): Promise<{ supabase: SupabaseClient; userId: string }> {
  const supabase = client(stack.anonKey);
  const { data, error } = await supabase.auth.signUp({ email, password: 'correct-horse-1' });
  if (error || !data.user) throw new Error(`sign-up failed: ${error?.message}`);
  return { supabase, userId: data.user.id };
}

/** The stack's own behaviour, independent of the project's schema. */
const NO_MIGRATIONS = join(import.meta.dirname, '../fixtures/no-migrations');

beforeAll(async () => {
  stack = await startTestStack({ migrationsDir: NO_MIGRATIONS });
  // Created as `postgres`, like a project migration: Supabase's default privileges apply.
  await sql(
    stack.postgresUrl,
    `create table public.private_notes (
       id bigint generated always as identity primary key,
       owner uuid not null default auth.uid(),
       body text not null
     );
     alter table public.private_notes enable row level security;
     create policy "owners read their notes" on public.private_notes for select to authenticated
       using (owner = (select auth.uid()));
     create policy "owners add their notes" on public.private_notes for insert to authenticated
       with check (owner = (select auth.uid()));
     create table public.open_notes (id int primary key, body text);
     insert into public.open_notes values (1, 'visible to anyone with the anon key');
     notify pgrst, 'reload schema';`,
  );
  await new Promise((r) => setTimeout(r, 300));
});

afterAll(async () => {
  await stack?.stop();
});

describe('gateway', () => {
  it('refuses requests without an API key or with a forged one', async () => {
    const missing = await fetch(`${stack.apiUrl}/rest/v1/open_notes`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ message: 'No API key found in request' });
    const forged = stack.anonKey.slice(0, -4) + 'AAAA';
    const bad = await fetch(`${stack.apiUrl}/rest/v1/open_notes`, { headers: { apikey: forged } });
    expect(bad.status).toBe(401);
  });

  it('answers CORS preflights for the app running on another origin', async () => {
    const res = await fetch(`${stack.apiUrl}/rest/v1/open_notes`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:4173', 'access-control-request-headers': 'apikey,authorization' },
    });
    expect(res.status).toBe(204);
    // As hosted: any origin, never with the browser's credentials (issue 16.8).
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey');
  });

  it('answers at most 1,000 rows a request, as hosted PostgREST does', async () => {
    await sql(stack.postgresUrl, `insert into public.open_notes select g, 'note ' || g from generate_series(2, 1500) g`);
    const anon = createTestClient(stack.apiUrl, stack.anonKey);
    const { data, error } = await anon.from('open_notes').select('id').order('id');
    expect(error).toBeNull();
    expect(data).toHaveLength(1000);
    const second = await anon.from('open_notes').select('id').order('id').range(1000, 1999);
    expect(second.data).toHaveLength(500);
    await sql(stack.postgresUrl, `delete from public.open_notes where id > 1`);
  });

  it('gives no API role a read of auth.users', async () => {
    for (const role of ['anon', 'authenticated']) {
      await expect(sql(stack.superuserUrl, `set role ${role}; select count(*) from auth.users`)).rejects.toThrow(/permission denied/);
    }
  });
});

describe('row-level security is the only guard', () => {
  it("hides user A's row from user B and from anon, and shows it to the service role", async () => {
    const a = await signedUpClient('rls-a@example.com');
    const b = await signedUpClient('rls-b@example.com');
    const inserted = await a.supabase.from('private_notes').insert({ body: 'A only' }).select().single();
    expect(inserted.error).toBeNull();
    expect(inserted.data).toMatchObject({ owner: a.userId, body: 'A only' });
    await b.supabase.from('private_notes').insert({ body: 'B only' });

    const seenByA = await a.supabase.from('private_notes').select('body');
    expect(seenByA.data).toEqual([{ body: 'A only' }]);
    const seenByB = await b.supabase.from('private_notes').select('body');
    expect(seenByB.data).toEqual([{ body: 'B only' }]);
    const seenByAnon = await client(stack.anonKey).from('private_notes').select('body');
    expect(seenByAnon.data).toEqual([]);
    const seenByService = await client(stack.serviceRoleKey).from('private_notes').select('body').order('id');
    expect(seenByService.data).toEqual([{ body: 'A only' }, { body: 'B only' }]);
  });

  it("refuses an insert that claims another user's ownership", async () => {
    const a = await signedUpClient('rls-c@example.com');
    const b = await signedUpClient('rls-d@example.com');
    const forged = await a.supabase.from('private_notes').insert({ body: 'pretending', owner: b.userId });
    expect(forged.error?.code).toBe('42501');
    const stored = await sql(stack.superuserUrl, `select 1 from public.private_notes where body = 'pretending'`);
    expect(stored).toHaveLength(0);
  });

  it('shows a table without RLS to anon, because the default privileges are Supabase’s', async () => {
    const { data, error } = await client(stack.anonKey).from('open_notes').select('*');
    expect(error).toBeNull();
    expect(data).toEqual([{ id: 1, body: 'visible to anyone with the anon key' }]);
  });
});

describe('Supabase roles', () => {
  it('applies migrations as a postgres role that is not a superuser', async () => {
    const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean; rolcreaterole: boolean }>(
      stack.superuserUrl,
      `select rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = 'postgres'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: true, rolcreaterole: true });
    await expect(sql(stack.postgresUrl, `create function public.on_ddl() returns event_trigger language plpgsql as $$ begin end $$; create event trigger on_ddl on ddl_command_end execute function public.on_ddl();`)).rejects.toThrow(/permission denied to create event trigger/);
  });

  it('gives the API roles Supabase’s statement timeouts', async () => {
    const rows = await sql<{ rolname: string; rolconfig: string[] }>(
      stack.superuserUrl,
      `select rolname, rolconfig from pg_roles where rolname in ('anon', 'authenticated') order by rolname`,
    );
    expect(rows).toEqual([
      { rolname: 'anon', rolconfig: ['statement_timeout=3s'] },
      { rolname: 'authenticated', rolconfig: ['statement_timeout=8s'] },
    ]);
  });
});

describe('restart', () => {
  it('keeps data and applies only the migrations that are new', async () => {
    const work = await mkdtemp(join(tmpdir(), 'fitcoach-restart-'));
    const migrations = join(work, 'migrations');
    const dataDir = join(work, 'pgdata');
    await chmod(work, 0o755); // the unprivileged Postgres user must reach its data folder
    try {
      await cp(join(import.meta.dirname, '../fixtures/restart-migrations'), migrations, { recursive: true });
      const first = await startTestStack({ dataDir, migrationsDir: migrations });
      expect(first.appliedMigrations).toEqual(['20260101000000_create_counters']);
      await sql(first.postgresUrl, `insert into public.counters (name, value) values ('kept', 41)`);
      await first.stop();

      await writeFile(
        join(migrations, '20260102000000_add_note.sql'),
        `alter table public.counters add column note text not null default 'added later';`,
      );
      const second = await startTestStack({ dataDir, migrationsDir: migrations });
      try {
        expect(second.appliedMigrations).toEqual(['20260102000000_add_note']);
        const rows = await sql(second.postgresUrl, `select name, value, note from public.counters`);
        expect(rows).toEqual([{ name: 'kept', value: 41, note: 'added later' }]);
        const recorded = await sql(second.superuserUrl, 'select version from supabase_migrations.schema_migrations order by 1');
        expect(recorded).toEqual([{ version: '20260101000000' }, { version: '20260102000000' }]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it('refuses to start when a migration needs a superuser, naming the migration', async () => {
    const work = await mkdtemp(join(tmpdir(), 'fitcoach-badmig-'));
    try {
      await writeFile(join(work, '20260101000000_needs_superuser.sql'), `create table public.t (id int); create function public.on_ddl() returns event_trigger language plpgsql as $$ begin end $$; create event trigger on_ddl on ddl_command_end execute function public.on_ddl();`);
      await expect(startTestStack({ migrationsDir: work })).rejects.toThrow(/20260101000000_needs_superuser.*permission denied/);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
