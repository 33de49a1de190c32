-- A personal record is dated when the set was lifted, not when the server heard of it
-- (issue 24: a new device's first push, or an imported history, made every historic PR
-- "earned today").
--
-- Every PR goes through public.grant_achievement with the set's id in details.set_id; a
-- BEFORE INSERT trigger on achievements takes that set's performed_at (never later than now).
-- Achievements already stored get the same date.

create function public.achievements_dated_by_set()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_performed_at timestamptz;
begin
  if new.kind = 'pr' and new.details ? 'set_id' then
    select s.performed_at into v_performed_at
    from public.set_logs s
    where s.id = (new.details ->> 'set_id')::uuid;
    if v_performed_at is not null then
      new.earned_at := least(v_performed_at, pg_catalog.now());
    end if;
  end if;
  return new;
exception when invalid_text_representation then
  return new; -- a details.set_id that is not a uuid keeps the time of the grant
end;
$$;
comment on function public.achievements_dated_by_set() is
  'BEFORE INSERT on achievements: a PR''s earned_at is its set''s performed_at (security definer: reads the set whoever grants).';
revoke execute on function public.achievements_dated_by_set() from public, anon, authenticated;
create trigger achievements_dated_by_set before insert on public.achievements
  for each row execute function public.achievements_dated_by_set();

update public.achievements a
set earned_at = least(s.performed_at, a.earned_at)
from public.set_logs s
where a.kind = 'pr'
  and a.details ->> 'set_id' ~ '^[0-9a-f-]{36}$'
  and s.id = (a.details ->> 'set_id')::uuid
  and s.performed_at < a.earned_at;
