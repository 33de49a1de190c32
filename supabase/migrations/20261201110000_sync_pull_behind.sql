-- sync_pull also says when it is holding rows back (issue 5 follow-up).
--
-- The pull serves rows only from transactions older than the oldest one still running, so a
-- pull that comes right after a write (the Realtime poke, the pull that follows a push) while
-- any other transaction is open -- an autovacuum ANALYZE, another user's push, a dashboard
-- edit -- serves nothing of that write, and the device would see it only at the next change.
-- `behind` tells the device that rows it may read are waiting, so it pulls again shortly.

-- Pull ---------------------------------------------------------------------------------------
-- p_checkpoint: null (from the start) or {epoch, txid (text), id}.
-- p_scope: null, or {"since": iso timestamp, "column": a date/timestamp column of the table}:
--   only rows whose column is at or after `since` (a trainer's recent window of client logs).
-- Returns {documents: [rows without txid], checkpoint: {epoch, txid, id}, reset: boolean,
--   behind: boolean (rows the caller may read are held back until an older transaction ends)}.
create or replace function public.sync_pull(p_table text, p_checkpoint jsonb, p_limit int, p_scope jsonb default null)
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
  v_behind boolean;
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

  -- Rows this caller may read that committed after the oldest running transaction began wait
  -- for it to end; say so, so the device asks again soon instead of at the next change.
  execute pg_catalog.format(
    'select exists (select 1 from %s t where t.txid >= $1 %s)', v_rel, v_scope_sql)
  into v_behind
  using v_xmin, null::xid8, null::uuid, null::int, v_since;

  return pg_catalog.jsonb_build_object(
    'documents', v_documents,
    'checkpoint', pg_catalog.jsonb_build_object(
      'epoch', v_epoch,
      'txid', coalesce(v_last_txid, v_after_txid::text),
      'id', coalesce(v_last_id, v_after_id)
    ),
    'reset', v_reset,
    'behind', v_behind
  );
end;
$$;
comment on function public.sync_pull(text, jsonb, int, jsonb) is
  'Gap-free incremental pull of a synced table from a (txid, id) checkpoint; RLS applies (security invoker).';
