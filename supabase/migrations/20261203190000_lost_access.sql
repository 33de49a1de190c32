-- Issue 16.3: lost access reaches the device. When a trainer removed a client (or a client
-- left, or an admin moved a row), sync_pull simply stopped serving those rows: no tombstone,
-- so the trainer's device kept the client's measurements, check-ins and logs for good.
--
-- Two functions let the device find out (src/sync/lost-access.ts):
--   sync_scope()                  a fingerprint of whose data the caller may read (role and
--                                 active relationships); when it changes, the device checks
--   sync_visible_ids(table, ids)  which of these ids the caller may still read (RLS decides)
-- and the device drops the rest from its own copy, without telling the server anything.

create function public.sync_scope()
returns text
language sql
stable
security invoker
set search_path = ''
as $$
  select pg_catalog.md5(
    coalesce(public.current_app_role(), '') || '|' ||
    coalesce(pg_catalog.array_to_string(array(select c from pg_catalog.unnest(public.my_client_ids()) c order by c), ','), '') || '|' ||
    coalesce(pg_catalog.array_to_string(array(select t from pg_catalog.unnest(public.my_trainer_ids()) t order by t), ','), ''))
$$;
comment on function public.sync_scope() is
  'Fingerprint of whose rows the caller may read (role, active clients, active trainers). A device re-checks what it holds when it changes.';
revoke execute on function public.sync_scope() from public, anon;
grant execute on function public.sync_scope() to authenticated;

create function public.sync_visible_ids(p_table text, p_ids uuid[])
returns uuid[]
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_rel regclass := sync.synced_table(p_table);
  v_visible uuid[];
begin
  if p_ids is null or pg_catalog.cardinality(p_ids) > 1000 then
    raise exception using errcode = '22023', message = 'sync_visible_ids: send between 0 and 1000 ids';
  end if;
  execute pg_catalog.format('select coalesce(pg_catalog.array_agg(t.id), ''{}'') from %s t where t.id = any ($1)', v_rel)
    into v_visible using p_ids;
  return v_visible;
end;
$$;
comment on function public.sync_visible_ids(text, uuid[]) is
  'Of up to 1000 ids of a synced table, those the caller may still read (RLS applies: security invoker).';
revoke execute on function public.sync_visible_ids(text, uuid[]) from public, anon;
grant execute on function public.sync_visible_ids(text, uuid[]) to authenticated;
