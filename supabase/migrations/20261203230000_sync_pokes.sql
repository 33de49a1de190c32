-- Pokes that scale (issue 17): a change to a synced table is announced on the private
-- Realtime channel `user:<id>` of each user who reads it (the row's client, its trainer, and
-- the client's active trainers) as a broadcast `poke` carrying only the table's name, never
-- row data. Devices then pull (sync_pull, RLS applied). One broadcast per user and statement,
-- whatever the statement's size. Postgres Changes checked every change against every
-- subscriber's RLS, which Supabase advises against at scale.

create function sync.poke_readers()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_user uuid;
begin
  for v_user in
    with owners as (
      select distinct (pg_catalog.to_jsonb(r) ->> 'client_id')::uuid as client_id, (pg_catalog.to_jsonb(r) ->> 'trainer_id')::uuid as trainer_id
      from changed_rows r
    )
    select o.client_id from owners o where o.client_id is not null
    union
    select o.trainer_id from owners o where o.trainer_id is not null
    union
    select tc.trainer_id from public.trainer_clients tc join owners o on tc.client_id = o.client_id
    where tc.status = 'active' and not tc.deleted
  loop
    perform realtime.send(pg_catalog.jsonb_build_object('table', tg_table_name), 'poke', 'user:' || v_user, true);
  end loop;
  return null;
end;
$$;
comment on function sync.poke_readers() is
  'AFTER (per statement) on synced tables: a poke {table} on user:<id> for the rows'' client, trainer and the client''s active trainers.';
revoke execute on function sync.poke_readers() from public, anon, authenticated;

do $$
declare
  v_table text;
begin
  foreach v_table in array array['programs', 'program_days', 'program_exercises', 'workout_sessions', 'set_logs', 'habits',
    'habit_logs', 'measurements', 'check_ins', 'goals', 'meal_plans', 'food_logs']
  loop
    execute pg_catalog.format('create trigger sync_poke_inserted after insert on public.%I referencing new table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
    execute pg_catalog.format('create trigger sync_poke_updated after update on public.%I referencing new table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
    execute pg_catalog.format('create trigger sync_poke_deleted after delete on public.%I referencing old table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
  end loop;
end;
$$;
