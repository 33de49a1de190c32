-- Issue 16.2: ownership never moves. A trainer could change a client's habit's client_id (and a
-- goal's), and the habit's propagate trigger then moved the client-written habit logs, private
-- notes included, to another client, who could read, edit and delete them. Reassigning is a
-- copy (programs are copied when assigned); so once set, a row's client_id and trainer_id stay.
--
-- The guard goes on every synced table a device may update (one with an UPDATE policy for
-- `authenticated`) that has either column. Child tables copy their parent's ownership in their
-- inherit triggers (which fire first, by name), so a child's check sees its parent's unchanged
-- value; the propagate triggers stay for the moves left: a template (client_id null) becoming
-- a client's program, and an owner column set null when its account is deleted. Admins who must move data (a merged account) set
-- `sync.allow_owner_change = on` for their transaction, as for hard deletes.
create function sync.keep_owner()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_column text;
  v_old text;
  v_new text;
begin
  if coalesce(current_setting('sync.allow_owner_change', true), '') = 'on' then
    return new;
  end if;
  foreach v_column in array tg_argv loop
    v_old := pg_catalog.to_jsonb(old) ->> v_column;
    v_new := pg_catalog.to_jsonb(new) ->> v_column;
    -- Becoming null moves nothing to anyone (an account deleted: `on delete set null`).
    if v_old is not null and v_new is not null and v_old <> v_new then
      raise exception using
        errcode = '42501',
        message = pg_catalog.format('%s.%s cannot change once set: the row belongs to who wrote it', tg_table_name, v_column),
        column = v_column,
        hint = 'To give it to someone else, copy it (as assigning a program does).';
    end if;
  end loop;
  return new;
end;
$$;
comment on function sync.keep_owner() is
  'BEFORE UPDATE: refuses (42501) a change of the ownership columns named in tg_argv once they are set, unless sync.allow_owner_change is on.';
revoke execute on function sync.keep_owner() from public;

do $$
declare
  v_table record;
begin
  for v_table in
    select c.oid::regclass as rel,
           array(select a.attname::text from pg_catalog.pg_attribute a
                 where a.attrelid = c.oid and a.attname in ('client_id', 'trainer_id') and not a.attisdropped order by a.attname) as owners
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind = 'r'
      and exists (select 1 from pg_catalog.pg_trigger t where t.tgrelid = c.oid and t.tgname = 'sync_stamp_row')
      and exists (select 1 from pg_catalog.pg_policies p
                  where p.schemaname = 'public' and p.tablename = c.relname and p.cmd in ('UPDATE', 'ALL')
                    and 'authenticated' = any (p.roles))
      and c.relname <> 'trainer_clients' -- its own guard (trainer_clients_guard) decides who may claim an invitation
  loop
    if pg_catalog.cardinality(v_table.owners) > 0 then
      execute pg_catalog.format(
        'create trigger sync_keep_owner before update on %s for each row execute function sync.keep_owner(%s)',
        v_table.rel, (select pg_catalog.string_agg(pg_catalog.quote_literal(o), ', ') from pg_catalog.unnest(v_table.owners) o));
    end if;
  end loop;
end;
$$;
