-- Sync functions the devices call through PostgREST (`supabase.rpc`): a gap-free incremental
-- pull and a batched, conditional push (ARCHITECTURE.md "Sync", issue 5).
--
-- Both are `security invoker`: they run as the calling user, so row-level security decides
-- what a device may read and write, exactly as for a plain REST request.
--
-- sync_pull serves rows ordered by (txid, id) and only from transactions older than the oldest
-- one still running (pg_snapshot_xmin): a transaction that started earlier but commits later
-- than another can never slip behind a device's checkpoint. A checkpoint carries the database
-- epoch: after a restore, `select sync.new_epoch()` (or a checkpoint txid the database has not
-- reached yet) makes every device pull everything again.
--
-- sync_push writes many rows in one round trip. Each row is conditional on the server_rev the
-- device last saw: a mismatch returns the server's row as a conflict for the device to merge.
-- Each row runs in its own subtransaction, so a row refused by RLS or a constraint comes back
-- as a per-row error and never fails the batch.

-- The database epoch ------------------------------------------------------------------------
create table sync.database_epoch (
  singleton boolean primary key default true check (singleton),
  epoch text not null default extensions.gen_random_uuid()::text,
  changed_at timestamptz not null default now()
);
comment on table sync.database_epoch is
  'One row: the epoch every pull checkpoint carries. A new epoch (after a restore) makes every device resync from scratch.';
insert into sync.database_epoch default values;
grant select on sync.database_epoch to anon, authenticated, service_role;

create function sync.new_epoch()
returns text
language sql
volatile
security invoker
set search_path = ''
as $$
  update sync.database_epoch set epoch = extensions.gen_random_uuid()::text, changed_at = now()
  returning epoch
$$;
comment on function sync.new_epoch() is 'Run after restoring a backup: devices then discard their checkpoints and pull everything.';
revoke execute on function sync.new_epoch() from public, anon, authenticated;

-- Which tables the sync functions serve ------------------------------------------------------
-- A table in `public` with the sync markers (id uuid, updated_at, deleted, server_rev, txid).
-- Anything else is refused by name, so p_table can never reach another schema or a view.
create function sync.synced_table(p_table text)
returns regclass
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_rel regclass;
begin
  select c.oid::regclass into v_rel
  from pg_catalog.pg_class c
  join pg_catalog.pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relname = p_table and c.relkind in ('r', 'p')
    and (
      select count(*) from pg_catalog.pg_attribute a
      where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        and (a.attname, a.atttypid) in (
          ('id', 'uuid'::regtype), ('server_rev', 'bigint'::regtype), ('txid', 'xid8'::regtype),
          ('deleted', 'boolean'::regtype), ('updated_at', 'timestamptz'::regtype)
        )
    ) = 5;
  if v_rel is null then
    raise exception using
      errcode = '22023',
      message = pg_catalog.format('sync: %L is not a synced table', p_table),
      hint = 'Sync serves tables in schema public with the columns id uuid, updated_at timestamptz, deleted boolean, server_rev bigint and txid xid8.';
  end if;
  return v_rel;
end;
$$;
comment on function sync.synced_table(text) is 'Resolves a table name for sync_pull/sync_push, refusing anything that is not a synced table in public.';

-- Writable columns of a synced table (never the server's markers, never generated columns).
create function sync.writable_columns(p_rel regclass)
returns text[]
language sql
stable
security invoker
set search_path = ''
as $$
  select coalesce(pg_catalog.array_agg(a.attname::text order by a.attnum), '{}')
  from pg_catalog.pg_attribute a
  where a.attrelid = p_rel and a.attnum > 0 and not a.attisdropped
    and a.attgenerated = '' and a.attidentity = ''
    and a.attname not in ('server_rev', 'txid')
$$;

-- Pull ---------------------------------------------------------------------------------------
-- p_checkpoint: null (from the start) or {epoch, txid (text), id}.
-- p_scope: null, or {"since": iso timestamp, "column": a date/timestamp column of the table}:
--   only rows whose column is at or after `since` (a trainer's recent window of client logs).
-- Returns {documents: [rows without txid], checkpoint: {epoch, txid, id}, reset: boolean}.
create function public.sync_pull(p_table text, p_checkpoint jsonb, p_limit int, p_scope jsonb default null)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_rel regclass := sync.synced_table(p_table);
  v_epoch text := (select e.epoch from sync.database_epoch e);
  v_snapshot pg_snapshot := pg_catalog.pg_current_snapshot();
  v_xmin xid8 := pg_catalog.pg_snapshot_xmin(v_snapshot);
  v_after_txid xid8 := '0'::xid8;
  v_after_id uuid := '00000000-0000-0000-0000-000000000000';
  v_reset boolean := false;
  v_scope_sql text := '';
  v_since timestamptz;
  v_column text;
  v_documents jsonb;
  v_last_txid text;
  v_last_id uuid;
begin
  if p_limit is null or p_limit < 1 or p_limit > 10000 then
    raise exception using errcode = '22023', message = 'sync_pull: p_limit must be between 1 and 10000';
  end if;

  if p_checkpoint is not null and pg_catalog.jsonb_typeof(p_checkpoint) = 'object' then
    if p_checkpoint ->> 'epoch' is distinct from v_epoch then
      -- Another database (a restore, a new project): the device's checkpoint means nothing here.
      v_reset := true;
    else
      v_after_txid := coalesce(p_checkpoint ->> 'txid', '0')::xid8;
      v_after_id := coalesce(p_checkpoint ->> 'id', '00000000-0000-0000-0000-000000000000')::uuid;
      -- A checkpoint at or beyond the oldest running transaction was never served by this
      -- database (xmin only grows): the database went back in time, so start again.
      if v_after_txid >= v_xmin then
        v_reset := true;
        v_after_txid := '0'::xid8;
        v_after_id := '00000000-0000-0000-0000-000000000000';
      end if;
    end if;
  end if;

  if p_scope is not null and p_scope ? 'since' then
    v_since := (p_scope ->> 'since')::timestamptz;
    v_column := p_scope ->> 'column';
    if not exists (
      select 1 from pg_catalog.pg_attribute a
      where a.attrelid = v_rel and a.attname = v_column and a.attnum > 0 and not a.attisdropped
        and a.atttypid in ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)
    ) then
      raise exception using
        errcode = '22023',
        message = pg_catalog.format('sync_pull: scope column %L is not a date or timestamp column of %s', v_column, v_rel);
    end if;
    v_scope_sql := pg_catalog.format(' and t.%I >= $5', v_column);
  end if;

  execute pg_catalog.format(
    $sql$
      with page as (
        select t.* from %s t
        where t.txid < $1 and (t.txid, t.id) > ($2, $3) %s
        order by t.txid, t.id
        limit $4
      )
      select coalesce(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(p) - 'txid' order by p.txid, p.id), '[]'::jsonb),
             (pg_catalog.array_agg(p.txid::text order by p.txid desc, p.id desc))[1],
             (pg_catalog.array_agg(p.id order by p.txid desc, p.id desc))[1]
      from page p
    $sql$, v_rel, v_scope_sql)
  into v_documents, v_last_txid, v_last_id
  using v_xmin, v_after_txid, v_after_id, p_limit, v_since;

  return pg_catalog.jsonb_build_object(
    'documents', v_documents,
    'checkpoint', pg_catalog.jsonb_build_object(
      'epoch', v_epoch,
      'txid', coalesce(v_last_txid, v_after_txid::text),
      'id', coalesce(v_last_id, v_after_id)
    ),
    'reset', v_reset
  );
end;
$$;
comment on function public.sync_pull(text, jsonb, int, jsonb) is
  'Gap-free incremental pull of a synced table from a (txid, id) checkpoint; RLS applies (security invoker).';

-- Push ---------------------------------------------------------------------------------------
-- p_rows: [{doc: {...row}, assumed_rev: server_rev the device last saw, or null for a new row}].
-- Per row: a conflict (the server's current row) when the row changed since assumed_rev; a
-- write of the columns present in doc otherwise (on update never created_at, server_rev,
-- txid); a per-row error {id, code, message, constraint, column, detail} for anything the
-- database refuses. A row whose stored values already equal doc is counted as written without
-- writing again: a retried batch whose first attempt committed is a no-op, not a conflict.
-- Returns {conflicts: [rows], errors: [...], written: n}.
create function public.sync_push(p_table text, p_rows jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_rel regclass := sync.synced_table(p_table);
  v_insertable text[] := sync.writable_columns(v_rel);
  v_updatable text[];
  v_pkey text;
  v_lock_sql text;
  v_peek_sql text;
  v_update_sql text;
  v_insert_sql text;
  v_keys text[];
  v_last_keys text[];
  v_item jsonb;
  v_doc jsonb;
  v_id uuid;
  v_assumed bigint;
  v_current_rev bigint;
  v_current jsonb;
  v_unchanged boolean;
  v_count bigint;
  v_conflicts jsonb := '[]'::jsonb;
  v_errors jsonb := '[]'::jsonb;
  v_written int := 0;
  v_state text;
  v_message text;
  v_constraint text;
  v_column text;
  v_detail text;
begin
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception using errcode = '22023', message = 'sync_push: p_rows must be a json array';
  end if;

  -- The dynamic SQL is built once per call; only an insert's column list depends on the row.
  v_updatable := array(select c from pg_catalog.unnest(v_insertable) c where c not in ('id', 'created_at'));
  select c.conname into v_pkey from pg_catalog.pg_constraint c where c.conrelid = v_rel and c.contype = 'p';
  v_lock_sql := pg_catalog.format(
    'select t.server_rev, pg_catalog.to_jsonb(t) - ''txid'', '
    '(select row(%s) is not distinct from row(%s) from pg_catalog.jsonb_populate_record(t, $2) r) '
    'from %s t where t.id = $1 for update',
    (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    (select pg_catalog.string_agg('t.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    v_rel);
  v_peek_sql := pg_catalog.format('select t.server_rev, pg_catalog.to_jsonb(t) - ''txid'' from %s t where t.id = $1', v_rel);
  v_update_sql := pg_catalog.format(
    'update %s t set (%s) = (select %s from pg_catalog.jsonb_populate_record(t, $2) r) where t.id = $1',
    v_rel,
    (select pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c) ||
      case when pg_catalog.cardinality(v_updatable) = 1 then ', null' else '' end);
  if pg_catalog.cardinality(v_updatable) = 1 then
    -- `set (a) = (select a, ...)` needs two columns; a one-column table is not a synced table
    -- anyway (it lacks updated_at and deleted), so this branch only keeps the SQL well-formed.
    v_update_sql := pg_catalog.format(
      'update %s t set %I = (select r.%I from pg_catalog.jsonb_populate_record(t, $2) r) where t.id = $1',
      v_rel, v_updatable[1], v_updatable[1]);
  end if;

  for v_item in select e.value from pg_catalog.jsonb_array_elements(p_rows) e loop
    v_doc := coalesce(v_item -> 'doc', '{}'::jsonb) - 'server_rev' - 'txid';
    v_id := null;
    begin
      if pg_catalog.jsonb_typeof(v_doc) <> 'object' or v_doc ->> 'id' is null then
        raise exception using errcode = '22023', message = 'sync_push: each row needs doc.id', column = 'id';
      end if;
      v_id := (v_doc ->> 'id')::uuid;
      v_assumed := (v_item ->> 'assumed_rev')::bigint;

      v_current_rev := null;
      execute v_lock_sql into v_current_rev, v_current, v_unchanged using v_id, v_doc;

      if v_current_rev is not null then
        if v_unchanged then
          -- Already stored as sent (a retry after a lost response, or an equal duplicate).
          v_written := v_written + 1;
        elsif v_assumed is distinct from v_current_rev then
          -- Changed since the device last saw it (or created elsewhere with the same id).
          v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(v_current);
        else
          execute v_update_sql using v_id, v_doc;
          get diagnostics v_count = row_count;
          if v_count = 0 then
            raise exception using errcode = '42501',
              message = 'row-level security refused the update of this row';
          end if;
          v_written := v_written + 1;
        end if;
      else
        -- Not lockable: either new, or visible but not ours to change (RLS for update).
        execute v_peek_sql into v_current_rev, v_current using v_id;
        if v_current_rev is not null then
          raise exception using errcode = '42501',
            message = 'row-level security: this row may be read but not changed by you';
        end if;
        v_keys := array(
          select k from pg_catalog.jsonb_object_keys(v_doc) k
          where k = any (v_insertable) order by k
        );
        if v_keys is distinct from v_last_keys then
          v_insert_sql := pg_catalog.format(
            'insert into %s (%s) select %s from pg_catalog.jsonb_populate_record(null::%s, $1) r',
            v_rel,
            (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
            (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
            v_rel);
          v_last_keys := v_keys;
        end if;
        begin
          execute v_insert_sql using v_doc;
          v_written := v_written + 1;
        exception when unique_violation then
          get stacked diagnostics v_constraint = constraint_name;
          if v_constraint is distinct from v_pkey then
            raise;
          end if;
          -- Another writer inserted the same id meanwhile: that is a conflict, not an error.
          execute v_peek_sql into v_current_rev, v_current using v_id;
          if v_current is null then
            raise;
          end if;
          v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(v_current);
        end;
      end if;
    exception when others then
      get stacked diagnostics
        v_state = returned_sqlstate,
        v_message = message_text,
        v_constraint = constraint_name,
        v_column = column_name,
        v_detail = pg_exception_detail;
      v_errors := v_errors || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'id', coalesce(v_id::text, v_doc ->> 'id'),
        'code', v_state,
        'message', v_message,
        'constraint', nullif(v_constraint, ''),
        'column', nullif(v_column, ''),
        'detail', nullif(v_detail, '')
      ));
    end;
  end loop;

  return pg_catalog.jsonb_build_object('conflicts', v_conflicts, 'errors', v_errors, 'written', v_written);
end;
$$;
comment on function public.sync_push(text, jsonb) is
  'Batched conditional push: per row a write, a conflict (server row) or an error; RLS applies (security invoker).';

revoke execute on function public.sync_pull(text, jsonb, int, jsonb) from public, anon;
revoke execute on function public.sync_push(text, jsonb) from public, anon;
grant execute on function public.sync_pull(text, jsonb, int, jsonb) to authenticated, service_role;
grant execute on function public.sync_push(text, jsonb) to authenticated, service_role;
revoke execute on function sync.synced_table(text) from public;
revoke execute on function sync.writable_columns(regclass) from public;
grant execute on function sync.synced_table(text) to authenticated, service_role;
grant execute on function sync.writable_columns(regclass) to authenticated, service_role;
