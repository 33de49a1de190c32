-- Local stand-in for the database side of Supabase Realtime's `postgres_changes`.
-- Hosted Supabase reads the write-ahead log through a replication slot; the local stack instead
-- installs a row trigger on every table in the publication `supabase_realtime` that sends each
-- change with NOTIFY on the channel `realtime_changes`. The local Realtime server
-- (supabase/local/realtime) LISTENs, checks each subscriber's RLS, and forwards the change.
-- NOTIFY is delivered at commit, so a rolled-back write sends nothing, as with the WAL.
-- Runs once per fresh cluster as the superuser (supabase_admin) right after 00_bootstrap.sql,
-- in the same transaction. Never run on a hosted project.

create schema realtime authorization supabase_admin;
comment on schema realtime is 'Local stack only: the triggers that feed the local Realtime server.';

-- NOTIFY payloads must be shorter than 8000 bytes.
create function realtime.notify_limit() returns int language sql immutable as $$ select 7999 $$;

-- The primary key values of a row (as jsonb), or null when the table has no primary key.
create function realtime.primary_key_values(relation oid, row_values jsonb)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select pg_catalog.jsonb_object_agg(a.attname, row_values -> a.attname::text)
  from pg_catalog.pg_index i
  join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = any (i.indkey)
  where i.indrelid = relation and i.indisprimary
$$;

-- Row trigger: one NOTIFY per changed row with
-- {schema, table, type, commit_timestamp, record, old_record}.
-- The record is to_jsonb of the row, so numbers, booleans and json arrive typed. The column
-- names and types come from the server's catalog cache instead of the payload: a catalog
-- lookup per row made every write to a published table about eight times slower. When the
-- payload would be too long, the largest non-key values are left out and listed in `truncated`;
-- the server then reads the committed row by its primary key.
create function realtime.emit_change()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  change jsonb;
  payload text;
  new_values jsonb := case when tg_op = 'DELETE' then null else pg_catalog.to_jsonb(new) end;
  old_values jsonb := case when tg_op = 'INSERT' then null else pg_catalog.to_jsonb(old) end;
  key_values jsonb;
  dropped text[] := '{}';
  column_name text;
begin
  change := pg_catalog.jsonb_build_object(
    'schema', tg_table_schema,
    'table', tg_table_name,
    'type', tg_op,
    'commit_timestamp',
      pg_catalog.to_char(pg_catalog.now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  );
  payload := (change || pg_catalog.jsonb_build_object('record', new_values, 'old_record', old_values))::text;

  if pg_catalog.octet_length(payload) > realtime.notify_limit() then
    key_values := coalesce(realtime.primary_key_values(tg_relid, coalesce(new_values, old_values)), '{}');
    for column_name in
      select k.key
      from pg_catalog.jsonb_object_keys(coalesce(new_values, '{}') || coalesce(old_values, '{}')) as k (key)
      where not key_values ? k.key
      order by
        pg_catalog.octet_length(coalesce(new_values -> k.key, 'null')::text)
        + pg_catalog.octet_length(coalesce(old_values -> k.key, 'null')::text) desc
    loop
      new_values := new_values - column_name;
      old_values := old_values - column_name;
      dropped := dropped || column_name;
      payload := (change || pg_catalog.jsonb_build_object(
        'record', new_values, 'old_record', old_values, 'truncated', dropped
      ))::text;
      exit when pg_catalog.octet_length(payload) <= realtime.notify_limit();
    end loop;
  end if;

  -- A key alone longer than the limit cannot be sent; the write itself must never fail here.
  if pg_catalog.octet_length(payload) <= realtime.notify_limit() then
    perform pg_catalog.pg_notify('realtime_changes', payload);
  end if;
  return null;
end;
$$;

-- Installs the row trigger on every table in the publication supabase_realtime and removes it
-- from tables no longer there. Security definer because migrations run as the non-superuser
-- `postgres`, which may not own every published table.
create function realtime.sync_publication_triggers()
returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  relation regclass;
begin
  for relation in
    select c.oid::regclass
    from pg_catalog.pg_publication_tables pt
    join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
    join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
    where pt.pubname = 'supabase_realtime'
      and not exists (
        select 1 from pg_catalog.pg_trigger t
        where t.tgrelid = c.oid and t.tgname = 'realtime_emit_changes'
      )
  loop
    execute pg_catalog.format(
      'create trigger realtime_emit_changes after insert or update or delete on %s '
      'for each row execute function realtime.emit_change()',
      relation
    );
  end loop;

  for relation in
    select t.tgrelid::regclass
    from pg_catalog.pg_trigger t
    where t.tgname = 'realtime_emit_changes'
      and not t.tgisinternal
      and t.tgparentid = 0
      and not exists (
        select 1
        from pg_catalog.pg_publication_tables pt
        join pg_catalog.pg_namespace n on n.nspname = pt.schemaname
        join pg_catalog.pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
        where pt.pubname = 'supabase_realtime' and c.oid = t.tgrelid
      )
  loop
    execute pg_catalog.format('drop trigger realtime_emit_changes on %s', relation);
  end loop;
end;
$$;

-- Tells the Realtime server to forget what it cached about tables, policies and grants.
create function realtime.notify_schema_change()
returns event_trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform pg_catalog.pg_notify('realtime_schema', tg_tag);
end;
$$;

revoke all on function realtime.emit_change() from public;
revoke all on function realtime.sync_publication_triggers() from public;
revoke all on function realtime.notify_schema_change() from public;
revoke all on function realtime.primary_key_values(oid, jsonb) from public;

create event trigger realtime_sync_publication_triggers on ddl_command_end
  when tag in ('ALTER PUBLICATION', 'CREATE PUBLICATION', 'DROP PUBLICATION', 'CREATE TABLE', 'ALTER TABLE')
  execute function realtime.sync_publication_triggers();

create event trigger realtime_schema_changed on ddl_command_end
  execute function realtime.notify_schema_change();
