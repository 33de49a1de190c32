-- Pokes for the rest of the server-decided tables the device keeps replicas of (the roster,
-- client profiles, achievements, the exercise catalogue, check-in questionnaires, people, the
-- trainer's hours). The same statement-level poke as the synced tables: {table} on user:<id>,
-- never row data; devices then pull what RLS lets them read.
--
-- Who is poked:
--   rows with client_id (trainer_clients, client_profiles, achievements): sync.poke_readers();
--   rows a trainer publishes to their clients (their exercises, questionnaires, hours): the
--     trainer and their active clients. Global catalogue rows (no trainer) poke nobody: every
--     device reads them at its next resync;
--   profiles: the person, their active trainers and their active clients.

-- One poke {table} on the private channel of each of `p_users`.
create function sync.send_pokes(p_table text, p_users uuid[])
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user uuid;
begin
  for v_user in select distinct u from pg_catalog.unnest(p_users) u where u is not null
  loop
    perform realtime.send(pg_catalog.jsonb_build_object('table', p_table), 'poke', 'user:' || v_user, true);
  end loop;
end;
$$;
comment on function sync.send_pokes(text, uuid[]) is 'A poke {table} on user:<id> for each of the users (never row data).';
revoke execute on function sync.send_pokes(text, uuid[]) from public, anon, authenticated;

create function sync.poke_trainer_circle()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform sync.send_pokes(tg_table_name, array(
    with trainers as (
      select distinct (pg_catalog.to_jsonb(r) ->> 'trainer_id')::uuid as trainer_id from changed_rows r
    )
    select t.trainer_id from trainers t
    union
    select tc.client_id from public.trainer_clients tc join trainers t on tc.trainer_id = t.trainer_id
    where tc.status = 'active' and not tc.deleted
  ));
  return null;
end;
$$;
comment on function sync.poke_trainer_circle() is
  'AFTER (per statement) on tables a trainer publishes to their clients: a poke {table} on user:<id> for the rows'' trainer and their active clients.';
revoke execute on function sync.poke_trainer_circle() from public, anon, authenticated;

create function sync.poke_profile_readers()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform sync.send_pokes(tg_table_name, array(
    with people as (select distinct r.id from changed_rows r)
    select p.id from people p
    union
    select tc.trainer_id from public.trainer_clients tc join people p on tc.client_id = p.id
    where tc.status = 'active' and not tc.deleted
    union
    select tc.client_id from public.trainer_clients tc join people p on tc.trainer_id = p.id
    where tc.status = 'active' and not tc.deleted
  ));
  return null;
end;
$$;
comment on function sync.poke_profile_readers() is
  'AFTER (per statement) on profiles: a poke {table} on user:<id> for the person, their active trainers and their active clients.';
revoke execute on function sync.poke_profile_readers() from public, anon, authenticated;

do $$
declare
  v_table text;
  v_function text;
begin
  for v_table, v_function in
    select * from (values
      ('trainer_clients', 'sync.poke_readers'),
      ('client_profiles', 'sync.poke_readers'),
      ('achievements', 'sync.poke_readers'),
      ('exercises', 'sync.poke_trainer_circle'),
      ('check_in_forms', 'sync.poke_trainer_circle'),
      ('trainer_availability', 'sync.poke_trainer_circle'),
      ('availability_exceptions', 'sync.poke_trainer_circle'),
      ('profiles', 'sync.poke_profile_readers')
    ) v(t, f)
  loop
    execute pg_catalog.format('create trigger sync_poke_inserted after insert on public.%I referencing new table as changed_rows '
      'for each statement execute function %s()', v_table, v_function);
    execute pg_catalog.format('create trigger sync_poke_updated after update on public.%I referencing new table as changed_rows '
      'for each statement execute function %s()', v_table, v_function);
    execute pg_catalog.format('create trigger sync_poke_deleted after delete on public.%I referencing old table as changed_rows '
      'for each statement execute function %s()', v_table, v_function);
  end loop;
end;
$$;
