-- Issue 16.7: smaller leaks.
--
-- 1. A set log (or a program's exercise, or a goal) could point at an exercise its writer
--    cannot read, another trainer's private one, and the PR trigger then copied that
--    exercise's name into the writer's achievement. Now the exercise must be one the writer
--    can read (RLS decides, the trigger runs as the writer); rows already stored are not
--    judged again unless their exercise changes.
-- 2. Bookings could be made years ahead (2029, 2126), as free trials, which also sidestepped
--    the weekly trial cap. A slot now exists only up to a year ahead, for booking and listing.
-- 3. Idempotency keys were unique across all users, so one user's key refused another's
--    request (and told them it existed). They are unique per client now.

-- 1 -----------------------------------------------------------------------------------------------
create function sync.require_readable_exercise()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.exercise_id is null or (tg_op = 'UPDATE' and new.exercise_id is not distinct from old.exercise_id) then
    return new;
  end if;
  if (select auth.role()) = 'service_role' or (select auth.uid()) is null then
    return new; -- the dashboard and server-side jobs: not a device
  end if;
  if not exists (select 1 from public.exercises e where e.id = new.exercise_id) then
    raise exception using
      errcode = '23503',
      message = pg_catalog.format('%s.exercise_id: no such exercise in your library', tg_table_name),
      column = 'exercise_id',
      hint = 'Pick an exercise from the catalogue or your trainer''s library.';
  end if;
  return new;
end;
$$;
comment on function sync.require_readable_exercise() is
  'BEFORE INSERT/UPDATE OF exercise_id: a device may point only at an exercise its user can read (23503 otherwise).';
revoke execute on function sync.require_readable_exercise() from public;

create trigger set_logs_readable_exercise before insert or update of exercise_id on public.set_logs
  for each row execute function sync.require_readable_exercise();
create trigger program_exercises_readable_exercise before insert or update of exercise_id on public.program_exercises
  for each row execute function sync.require_readable_exercise();
create trigger goals_readable_exercise before insert or update of exercise_id on public.goals
  for each row execute function sync.require_readable_exercise();

-- 2 -----------------------------------------------------------------------------------------------
create or replace function billing.slot_at(p_trainer_id uuid, p_starts_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  -- At most a year ahead, as bookable_slots() lists: no booking (or free trial) in 2126.
  if p_starts_at > now() + interval '365 days' then
    return;
  end if;
  return query
  select p_starts_at, p_starts_at + make_interval(mins => w.session_minutes)
  from public.trainer_availability w
  cross join lateral (select p_starts_at at time zone w.timezone as local_start) l
  cross join lateral (
    select l.local_start::date as day, l.local_start - (l.local_start::date + w.start_time) as since_start
  ) o
  where w.trainer_id = p_trainer_id and not w.deleted
    and w.day_of_week = extract(dow from o.day)::integer
    and (w.effective_from is null or o.day >= w.effective_from)
    and (w.effective_until is null or o.day <= w.effective_until)
    and o.since_start >= interval '0'
    and extract(epoch from o.since_start) = floor(extract(epoch from o.since_start))
    and mod(extract(epoch from o.since_start)::bigint, (w.session_minutes + w.break_minutes) * 60::bigint) = 0
    and o.since_start + make_interval(mins => w.session_minutes) <= (w.end_time - w.start_time)
    -- The generator's instant for this local time (the later one when it exists twice).
    and (l.local_start at time zone w.timezone) = p_starts_at
    and p_starts_at + make_interval(mins => w.session_minutes) <= ((o.day + w.end_time) at time zone w.timezone)
    and not billing.in_exception(p_trainer_id, p_starts_at, p_starts_at + make_interval(mins => w.session_minutes))
  order by w.session_minutes
  limit 1;
end;
$$;
comment on function billing.slot_at(uuid, timestamptz) is
  'The trainer''s slot starting exactly at p_starts_at (windows minus exceptions, at most a year ahead), or no row.';

-- Listing stops where booking does.
create or replace function public.bookable_slots(p_trainer_id uuid, p_from date, p_to date)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
begin
  if coalesce((select auth.role()), '') <> 'service_role' then
    if v_caller is null then
      perform billing.refuse('not_authenticated', 'sign in first');
    end if;
    if v_caller is distinct from p_trainer_id and not billing.is_active_client(v_caller, p_trainer_id) then
      perform billing.refuse('not_your_trainer', 'you can see the free slots of your own trainers only');
    end if;
  end if;
  if p_trainer_id is null or p_from is null or p_to is null or p_to < p_from or p_to - p_from > 92 then
    perform billing.refuse('invalid_argument', 'p_from..p_to must be a range of at most 93 days');
  end if;
  return query
    select s.starts_at, s.ends_at
    from billing.availability_slots(p_trainer_id, p_from, p_to) s
    where s.starts_at > now() and s.starts_at <= now() + interval '365 days'
      and not exists (
        select 1 from public.bookings b
        where b.trainer_id = p_trainer_id and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted
          and b.during && tstzrange(s.starts_at, s.ends_at)
      )
    order by s.starts_at;
end;
$$;
comment on function public.bookable_slots(uuid, date, date) is
  'Free slots of a trainer on local dates p_from..p_to: weekly windows in the trainer''s time zone, minus exceptions, booked time, the past and anything more than a year ahead. For the trainer and their active clients.';

-- 3 -----------------------------------------------------------------------------------------------
drop index public.payments_idempotency_key_key;
create unique index payments_idempotency_key_key on public.payments (client_id, idempotency_key);
drop index public.bookings_idempotency_key_key;
-- A group session's booking has no client: it is the trainer's.
create unique index bookings_idempotency_key_key on public.bookings (trainer_id, coalesce(client_id, trainer_id), idempotency_key)
  where idempotency_key is not null;
drop index public.group_session_attendees_idempotency_key_key;
create unique index group_session_attendees_idempotency_key_key on public.group_session_attendees (client_id, idempotency_key);
drop index public.credit_ledger_idempotency_key_key;
create unique index credit_ledger_idempotency_key_key on public.credit_ledger (client_id, idempotency_key);
