-- Issue 16.1: one malformed item no longer refuses a whole push batch. An item whose doc was a
-- string (or not an object at all) raised in a statement outside the per-row error handling,
-- so the call failed whole (0 of 20 good rows stored) and the device retried the same batch
-- forever. Now reading an item is inside its handler: it comes back as that item's error (id
-- null when it has none), and the rest land. A body the server cannot parse at all (U+0000 in
-- a string, which jsonb refuses) never reaches this function: the device splits such a batch
-- until the one bad row is alone, and parks it as a row error (src/sync/push.ts).
--
-- Issue 16.7: a new row whose id is another user's (invisible) row answers as RLS does, not
-- with the primary key's name.

create or replace function public.sync_push(p_table text, p_rows jsonb)
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
  v_group jsonb;
  v_inserted jsonb;
  v_done jsonb := '{}'::jsonb;
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

  -- Fast path: the new rows (no assumed_rev), one insert per set of columns. Rows that meet an
  -- existing row (a retry, a duplicate, another unique key) are skipped here and go through
  -- the row-by-row path below, as does the whole group when any of its rows is refused.
  for v_keys, v_group in
    select k.keys, pg_catalog.jsonb_agg(d.doc)
    from (
      select (e.value -> 'doc') - 'server_rev' - 'txid' as doc
      from pg_catalog.jsonb_array_elements(p_rows) e
      where e.value ->> 'assumed_rev' is null and pg_catalog.jsonb_typeof(e.value -> 'doc') = 'object'
        and (e.value -> 'doc') ? 'id'
    ) d,
    lateral (
      select array(select k from pg_catalog.jsonb_object_keys(d.doc) k where k = any (v_insertable) order by k) as keys
    ) k
    group by k.keys
  loop
    begin
      execute pg_catalog.format(
        'with inserted as (insert into %s as t (%s) select %s from pg_catalog.jsonb_populate_recordset(null::%s, $1) r '
        'on conflict do nothing returning t.id) '
        'select coalesce(pg_catalog.jsonb_object_agg(i.id::text, true), ''{}''::jsonb) from inserted i',
        v_rel,
        (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
        (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
        v_rel)
      into v_inserted
      using v_group;
      v_done := v_done || v_inserted;
    exception when others then
      null; -- the row-by-row path reports each refused row with its own reason
    end;
  end loop;
  v_written := (select count(*) from pg_catalog.jsonb_object_keys(v_done));
  v_keys := null;

  for v_item in select e.value from pg_catalog.jsonb_array_elements(p_rows) e loop
    if pg_catalog.jsonb_typeof(v_item) = 'object' and pg_catalog.jsonb_typeof(v_item -> 'doc') = 'object'
       and v_done ? (v_item -> 'doc' ->> 'id') then
      continue;
    end if;
    -- Everything about an item, even reading it, is inside its own error handling: an item
    -- that is not an object, or whose doc is not one, is that item's error, never the batch's.
    v_doc := null;
    v_id := null;
    begin
      if pg_catalog.jsonb_typeof(v_item) <> 'object' or pg_catalog.jsonb_typeof(v_item -> 'doc') is distinct from 'object' then
        raise exception using errcode = '22023', message = 'sync_push: each item needs a doc that is a json object', column = 'doc';
      end if;
      v_doc := (v_item -> 'doc') - 'server_rev' - 'txid';
      if v_doc ->> 'id' is null then
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
            -- The id is someone else's row, which the caller may not see: answer as RLS does,
            -- without naming the key (issue 16.7: no oracle for other users' rows).
            raise exception using errcode = '42501',
              message = 'row-level security: this row may not be written by you';
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
        'id', coalesce(v_id::text, v_doc ->> 'id', case when pg_catalog.jsonb_typeof(v_item -> 'doc') = 'object' then v_item -> 'doc' ->> 'id' end),
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
