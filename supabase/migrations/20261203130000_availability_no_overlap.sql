-- Issue 24.10: a trainer's weekly windows may not overlap. Two windows covering the same hours
-- of the same day (in the same time zone and for overlapping dates) were stored silently and
-- doubled the slots a client saw. The device says so before saving; this is the guard for every
-- writer. A trigger rather than an exclusion constraint: the effective dates are open-ended and
-- '24:00' ends a day, which a range type of times cannot hold.
create function billing.refuse_overlapping_window()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_other public.trainer_availability;
begin
  if new.deleted then
    return new;
  end if;
  -- Two windows saved at once by one trainer queue here, so both cannot pass unseen.
  perform pg_advisory_xact_lock(hashtextextended('public.trainer_availability:' || new.trainer_id::text, 0));
  select a.* into v_other
  from public.trainer_availability a
  where a.trainer_id = new.trainer_id and a.id <> new.id and not a.deleted
    and a.day_of_week = new.day_of_week and a.timezone = new.timezone
    and a.start_time < new.end_time and new.start_time < a.end_time
    and coalesce(a.effective_from, date '-infinity') <= coalesce(new.effective_until, date 'infinity')
    and coalesce(new.effective_from, date '-infinity') <= coalesce(a.effective_until, date 'infinity')
  limit 1;
  if found then
    raise exception using
      errcode = '23P01',
      message = format('trainer_availability: %s–%s overlaps your hours %s–%s on the same day',
        to_char(new.start_time, 'HH24:MI'), to_char(new.end_time, 'HH24:MI'),
        to_char(v_other.start_time, 'HH24:MI'), to_char(v_other.end_time, 'HH24:MI')),
      hint = 'Change or remove the existing hours first, or pick hours that do not overlap.';
  end if;
  return new;
end;
$$;
comment on function billing.refuse_overlapping_window() is
  'BEFORE INSERT/UPDATE on trainer_availability: refuses (23P01) a live window overlapping another of the same trainer, day and zone for overlapping dates.';

create trigger trainer_availability_no_overlap
  before insert or update of day_of_week, start_time, end_time, timezone, effective_from, effective_until, deleted
  on public.trainer_availability
  for each row execute function billing.refuse_overlapping_window();
