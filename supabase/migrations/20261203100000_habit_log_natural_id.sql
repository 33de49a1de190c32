-- A habit log's id is its natural key (issue 24: demo habit ticks refused).
--
-- Devices derive a habit log's id from (habit, day): UUIDv5 of 'habit_logs:<habit>:<day>' in
-- the app's namespace (src/db/ids.ts), so two devices ticking the same day write the same row.
-- Any other writer (the seed, an admin in the dashboard, a function) made a random id, and a
-- device's tick of that day then met the (habit_id, log_date) unique index and was refused
-- with nothing the user could do. Now every insert takes the derived id, so a second log of
-- the same day meets the first by its primary key: an equal duplicate is stored as written,
-- a different one is a conflict the device merges field by field.

create function sync.habit_log_id(p_habit_id uuid, p_log_date date)
returns uuid
language sql
immutable
strict
security invoker
set search_path = ''
as $$
  select extensions.uuid_generate_v5(
    '6f1c1d2e-63c5-4f39-9a4e-1f7a4b7d8c21'::uuid,
    'habit_logs:' || pg_catalog.lower(p_habit_id::text) || ':' || pg_catalog.to_char(p_log_date, 'YYYY-MM-DD'));
$$;
comment on function sync.habit_log_id(uuid, date) is
  'The id of the one habit log of a habit on a day, as devices derive it (src/db/ids.ts habitLogId; never change the namespace).';
grant execute on function sync.habit_log_id(uuid, date) to authenticated, service_role;

create function public.habit_logs_natural_id()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.id := sync.habit_log_id(new.habit_id, new.log_date);
  return new;
end;
$$;
comment on function public.habit_logs_natural_id() is
  'BEFORE INSERT on habit_logs: the id is derived from (habit_id, log_date), whoever inserts.';
revoke execute on function public.habit_logs_natural_id() from public, anon, authenticated;
create trigger habit_logs_natural_id before insert on public.habit_logs
  for each row execute function public.habit_logs_natural_id();

-- Logs stored before this under another id: the old row becomes a soft delete (which reaches
-- devices as a tombstone) and a copy under the derived id takes its place.
create temporary table habit_logs_rekeyed as
  select * from public.habit_logs l
  where not l.deleted and l.id <> sync.habit_log_id(l.habit_id, l.log_date);
update public.habit_logs l set deleted = true
  from habit_logs_rekeyed r where l.id = r.id;
insert into public.habit_logs (habit_id, client_id, log_date, done, value, notes, created_at, updated_at)
  select r.habit_id, r.client_id, r.log_date, r.done, r.value, r.notes, r.created_at, r.updated_at
  from habit_logs_rekeyed r
  on conflict (id) do update set deleted = false, done = excluded.done, value = excluded.value,
    notes = excluded.notes, updated_at = excluded.updated_at;
drop table habit_logs_rekeyed;
