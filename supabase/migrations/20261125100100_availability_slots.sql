-- Module 8, bookable slots (issue 9): the slots a trainer offers, derived from their weekly
-- windows (trainer_availability) minus exceptions (availability_exceptions), and, for
-- bookable_slots(), minus what is already booked and what has passed.
--
-- Time zones: a window's times are wall-clock times in the window's own IANA time zone. Slot
-- starts are generated on the local wall clock (start_time, start_time + (session + break), ...)
-- and converted with `at time zone`, so a 09:00 slot stays at 09:00 local across a
-- daylight-saving change. A session lasts session_minutes of real time. Around a change:
--   * a local start that does not exist (the skipped hour in spring) gives no slot;
--   * a local start that exists twice (the repeated hour in autumn) gives one slot, at the
--     instant Postgres picks for `timestamp at time zone` (the later one, standard time);
--   * a slot must end, in real time, by the window's local end.
-- src/features/bookings/slots.ts mirrors these rules for the device.
--
-- Also: windows and exceptions must name a time zone Postgres knows (a trigger refuses others,
-- so a typo cannot break every client's slot list later).

-- Time zone names ------------------------------------------------------------------------------
create function billing.check_timezone()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  begin
    perform now() at time zone new.timezone;
  exception when invalid_parameter_value then
    raise exception using
      errcode = '23514',
      message = format('%s.timezone: %L is not a known time zone', tg_table_name, new.timezone),
      hint = 'Use an IANA time zone name such as Europe/London.';
  end;
  return new;
end;
$$;
comment on function billing.check_timezone() is 'BEFORE INSERT/UPDATE OF timezone: refuses (23514) a time zone name Postgres does not know.';

create trigger trainer_availability_check_timezone before insert or update of timezone on public.trainer_availability
  for each row execute function billing.check_timezone();
create trigger availability_exceptions_check_timezone before insert or update of timezone on public.availability_exceptions
  for each row execute function billing.check_timezone();

-- Exceptions ----------------------------------------------------------------------------------------
-- True when [p_starts_at, p_ends_at) touches one of the trainer's exceptions: a whole local day
-- (no times) or the local part of a day, in the exception's time zone.
create function billing.in_exception(p_trainer_id uuid, p_starts_at timestamptz, p_ends_at timestamptz)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.availability_exceptions e
    where e.trainer_id = p_trainer_id and not e.deleted
      and e.exception_date between (p_starts_at at time zone 'UTC')::date - 2 and (p_ends_at at time zone 'UTC')::date + 2
      and tstzrange(
            (e.exception_date + coalesce(e.start_time, time '00:00')) at time zone e.timezone,
            case when e.end_time is null then (e.exception_date + 1)::timestamp at time zone e.timezone
                 else (e.exception_date + e.end_time) at time zone e.timezone end
          ) && tstzrange(p_starts_at, p_ends_at)
  );
end;
$$;
comment on function billing.in_exception(uuid, timestamptz, timestamptz) is
  'True when the range overlaps a day off or partial day off of the trainer.';

-- Every slot of the trainer's windows on local dates p_from..p_to, minus exceptions (booked and
-- past slots included).
create function billing.availability_slots(p_trainer_id uuid, p_from date, p_to date)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return query
  with grid as (
    select w.timezone, w.session_minutes, d.day, w.end_time,
           (d.day + w.start_time) + k.k * make_interval(mins => w.session_minutes + w.break_minutes) as local_start
    from public.trainer_availability w
    cross join lateral (
      select g::date as day from generate_series(p_from::timestamp, p_to::timestamp, interval '1 day') as g
    ) d
    cross join lateral generate_series(
      0,
      floor((extract(epoch from (w.end_time - w.start_time)) / 60 - w.session_minutes) / (w.session_minutes + w.break_minutes))::integer
    ) as k(k)
    where w.trainer_id = p_trainer_id and not w.deleted
      and w.day_of_week = extract(dow from d.day)::integer
      and (w.effective_from is null or d.day >= w.effective_from)
      and (w.effective_until is null or d.day <= w.effective_until)
  ),
  slots as (
    select distinct
      g.local_start at time zone g.timezone as starts_at,
      (g.local_start at time zone g.timezone) + make_interval(mins => g.session_minutes) as ends_at
    from grid g
    -- The local start exists (not in the hour skipped in spring)...
    where ((g.local_start at time zone g.timezone) at time zone g.timezone) = g.local_start
      -- ...and the session ends, in real time, by the window's local end.
      and (g.local_start at time zone g.timezone) + make_interval(mins => g.session_minutes)
          <= ((g.day + g.end_time) at time zone g.timezone)
  ),
  -- The same test as billing.in_exception(), set-based.
  exception_ranges as (
    select tstzrange(
             (e.exception_date + coalesce(e.start_time, time '00:00')) at time zone e.timezone,
             case when e.end_time is null then (e.exception_date + 1)::timestamp at time zone e.timezone
                  else (e.exception_date + e.end_time) at time zone e.timezone end
           ) as during
    from public.availability_exceptions e
    where e.trainer_id = p_trainer_id and not e.deleted and e.exception_date between p_from - 2 and p_to + 2
  )
  select s.starts_at, s.ends_at
  from slots s
  where not exists (select 1 from exception_ranges x where x.during && tstzrange(s.starts_at, s.ends_at))
  order by s.starts_at;
end;
$$;
comment on function billing.availability_slots(uuid, date, date) is
  'Slots of the trainer''s weekly windows on local dates p_from..p_to (each window in its time zone), minus exceptions. Includes booked and past slots.';

-- The slot of the trainer's windows that starts exactly at p_starts_at, if any: the same rules as
-- availability_slots, checked directly (what book_session and reschedule_booking use).
create function billing.slot_at(p_trainer_id uuid, p_starts_at timestamptz)
returns table (starts_at timestamptz, ends_at timestamptz)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
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
  'The trainer''s slot starting exactly at p_starts_at (windows minus exceptions), or no row.';

-- Whether a range of the trainer's (or client's) time is held by an active booking.
create function billing.trainer_busy(p_trainer_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_except_booking_id uuid)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.bookings b
    where b.trainer_id = p_trainer_id and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted
      and b.during && tstzrange(p_starts_at, p_ends_at)
      and b.id is distinct from p_except_booking_id
  );
end;
$$;
comment on function billing.trainer_busy(uuid, timestamptz, timestamptz, uuid) is 'True when an active booking of the trainer overlaps the range.';

create function billing.client_busy(p_client_id uuid, p_starts_at timestamptz, p_ends_at timestamptz, p_except_booking_id uuid)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.bookings b
    where b.client_id = p_client_id and b.kind = 'one_to_one' and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted
      and b.during && tstzrange(p_starts_at, p_ends_at)
      and b.id is distinct from p_except_booking_id
  );
end;
$$;
comment on function billing.client_busy(uuid, timestamptz, timestamptz, uuid) is 'True when an active one-to-one booking of the client overlaps the range.';

revoke all on all functions in schema billing from public;

-- bookable_slots ----------------------------------------------------------------------------------
create function public.bookable_slots(p_trainer_id uuid, p_from date, p_to date)
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
    where s.starts_at > now()
      and not exists (
        select 1 from public.bookings b
        where b.trainer_id = p_trainer_id and b.status in ('requested', 'scheduled', 'confirmed') and not b.deleted
          and b.during && tstzrange(s.starts_at, s.ends_at)
      )
    order by s.starts_at;
end;
$$;
comment on function public.bookable_slots(uuid, date, date) is
  'Free slots of a trainer on local dates p_from..p_to: weekly windows in the trainer''s time zone, minus exceptions, booked time and the past. For the trainer and their active clients.';
revoke execute on function public.bookable_slots(uuid, date, date) from public, anon;
grant execute on function public.bookable_slots(uuid, date, date) to authenticated, service_role;
