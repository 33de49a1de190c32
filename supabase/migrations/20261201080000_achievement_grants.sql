-- Achievements granted automatically (issue 8). Triggers on the tables that record what a
-- client did grant achievements as the rows arrive, whoever writes them (a device's push, a
-- Postgres function, an admin in the dashboard). Each achievement has a stable key and
-- achievements is unique on (client_id, key), and every grant is `on conflict do nothing`, so
-- an achievement is never granted twice: not when a device retries a push, not when two
-- devices sync the same workout or tick the same day, not when a row is edited again.
--
-- The rules and keys are the device's too (src/features/progress/achievement-rules.ts), so an
-- achievement earned offline shows at once with the key the server will give it:
--   milestone:first_workout, milestone:workouts:N (10, 25, 50, 100)   workout_sessions
--   streak:habit:<habit id>:N (3, 7, 14, 30, 60, 100, 365 days)       habit_logs (daily habits)
--   pr:<exercise id>:<kg>kg   heavier than every earlier workout      set_logs (any arrival order)
--   goal:<goal id>            status completed                        goals
--
-- A grant never blocks the write that earned it: a failure is logged as a warning.

-- The one way achievements are written ---------------------------------------------------------
create function public.grant_achievement(p_client uuid, p_kind text, p_key text, p_title text, p_details jsonb default '{}'::jsonb)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.achievements (client_id, kind, key, title, details)
  values (p_client, p_kind, p_key, left(p_title, 120), coalesce(p_details, '{}'::jsonb))
  on conflict (client_id, key) do nothing;
exception when others then
  raise warning 'grant_achievement(%, %) failed: %', p_client, p_key, sqlerrm;
end;
$$;
comment on function public.grant_achievement(uuid, text, text, text, jsonb) is
  'Grants an achievement once per (client, key); called by the achievement triggers only (security definer: achievements has no write policy).';
revoke execute on function public.grant_achievement(uuid, text, text, text, jsonb) from public, anon, authenticated;

-- Workouts ------------------------------------------------------------------------------------
create function public.achievements_for_workout()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_finished int;
  v_milestone int;
begin
  if new.deleted or new.status not in ('completed', 'partial') then
    return null;
  end if;
  perform public.grant_achievement(new.client_id, 'milestone', 'milestone:first_workout', 'First workout');
  select count(*) into v_finished from public.workout_sessions s
  where s.client_id = new.client_id and s.status in ('completed', 'partial') and not s.deleted;
  foreach v_milestone in array array[10, 25, 50, 100] loop
    if v_finished >= v_milestone then
      perform public.grant_achievement(new.client_id, 'milestone', 'milestone:workouts:' || v_milestone, v_milestone || ' workouts',
        pg_catalog.jsonb_build_object('workouts', v_milestone));
    end if;
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_workout() is 'AFTER INSERT OR UPDATE on workout_sessions: first workout and workout-count milestones.';
revoke execute on function public.achievements_for_workout() from public, anon, authenticated;
create trigger achievements_for_workout after insert or update of status, deleted on public.workout_sessions
  for each row execute function public.achievements_for_workout();

-- Habit streaks -------------------------------------------------------------------------------
create function public.achievements_for_habit_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_habit public.habits;
  v_run int;
  v_days int;
begin
  if new.deleted or not new.done then
    return null;
  end if;
  select * into v_habit from public.habits h where h.id = new.habit_id;
  if not found or v_habit.cadence <> 'daily' then
    return null;
  end if;
  -- The run of consecutive ticked days that contains this day (a tick for yesterday can join
  -- two runs): gaps and islands over the habit's distinct done days.
  with days as (
    select distinct l.log_date as d from public.habit_logs l
    where l.habit_id = new.habit_id and l.done and not l.deleted
  ), islands as (
    select d, d - (row_number() over (order by d))::int as grp from days
  )
  select count(*) into v_run from islands where grp = (select i.grp from islands i where i.d = new.log_date);
  foreach v_days in array array[3, 7, 14, 30, 60, 100, 365] loop
    if v_run >= v_days then
      perform public.grant_achievement(new.client_id, 'streak', 'streak:habit:' || new.habit_id || ':' || v_days,
        v_days || '-day streak: ' || v_habit.name, pg_catalog.jsonb_build_object('habit_id', new.habit_id, 'days', v_days));
    end if;
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_habit_log() is 'AFTER INSERT OR UPDATE on habit_logs: streaks of N consecutive days of a daily habit.';
revoke execute on function public.achievements_for_habit_log() from public, anon, authenticated;
create trigger achievements_for_habit_log after insert or update of done, deleted, log_date on public.habit_logs
  for each row execute function public.achievements_for_habit_log();

-- Personal records ----------------------------------------------------------------------------
-- A set is a record when it is heavier than every counted set of the exercise in the client's
-- earlier workouts; the first workout of an exercise is its baseline (no record without
-- something to beat). Sets may arrive in any order (a device syncing an old workout late), so
-- when a set arrives, heavier sets of later workouts are judged again: the new set may be the
-- baseline they lacked. Grants are never taken back, so whatever the order, the server holds
-- every record the device's rule finds, and exactly those when sets arrive in time order.
create function public.grant_pr_if_record(p_set public.set_logs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_best numeric;
  v_weight numeric := round(p_set.weight_kg, 2);
  v_name text;
begin
  select max(s.weight_kg) into v_best from public.set_logs s
  where s.client_id = p_set.client_id and s.exercise_id = p_set.exercise_id and s.performed_at < p_set.performed_at
    and s.session_id <> p_set.session_id and s.done and not s.deleted and s.set_kind <> 'warmup'
    and s.reps > 0 and s.weight_kg > 0;
  if v_best is null or v_weight <= v_best then
    return;
  end if;
  select e.name into v_name from public.exercises e where e.id = p_set.exercise_id;
  perform public.grant_achievement(p_set.client_id, 'pr', 'pr:' || p_set.exercise_id || ':' || pg_catalog.trim_scale(v_weight) || 'kg',
    'PR: ' || coalesce(v_name, 'Exercise') || ' ' || pg_catalog.trim_scale(v_weight) || ' kg',
    pg_catalog.jsonb_build_object('exercise_id', p_set.exercise_id, 'weight_kg', v_weight, 'reps', p_set.reps, 'set_id', p_set.id));
end;
$$;
comment on function public.grant_pr_if_record(public.set_logs) is 'Grants the PR achievement of a set if it beats every counted set of the exercise in earlier workouts.';
revoke execute on function public.grant_pr_if_record(public.set_logs) from public, anon, authenticated;

create function public.achievements_for_set_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_later public.set_logs;
begin
  if new.deleted or not new.done or new.set_kind = 'warmup' or coalesce(new.reps, 0) <= 0 or coalesce(new.weight_kg, 0) <= 0 then
    return null;
  end if;
  perform public.grant_pr_if_record(new);
  -- Usually none: a set logged now is the latest of its exercise.
  for v_later in
    select l.* from public.set_logs l
    where l.client_id = new.client_id and l.exercise_id = new.exercise_id and l.performed_at > new.performed_at
      and l.session_id <> new.session_id and l.weight_kg > new.weight_kg
      and l.done and not l.deleted and l.set_kind <> 'warmup' and l.reps > 0
  loop
    perform public.grant_pr_if_record(v_later);
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_set_log() is
  'AFTER INSERT OR UPDATE on set_logs: PR achievements for this set, and for heavier sets of later workouts it may be the baseline of.';
revoke execute on function public.achievements_for_set_log() from public, anon, authenticated;
create trigger achievements_for_set_log after insert or update of done, weight_kg, reps, set_kind, deleted on public.set_logs
  for each row execute function public.achievements_for_set_log();

-- Goals ---------------------------------------------------------------------------------------
create function public.achievements_for_goal()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.deleted or new.status <> 'completed' then
    return null;
  end if;
  perform public.grant_achievement(new.client_id, 'goal', 'goal:' || new.id, 'Goal reached: ' || new.title,
    pg_catalog.jsonb_build_object('goal_id', new.id, 'target_value', new.target_value));
  return null;
end;
$$;
comment on function public.achievements_for_goal() is 'AFTER INSERT OR UPDATE on goals: a goal reached (status completed).';
revoke execute on function public.achievements_for_goal() from public, anon, authenticated;
create trigger achievements_for_goal after insert or update of status, deleted on public.goals
  for each row execute function public.achievements_for_goal();

-- Devices hear of new achievements through Realtime like any other change.
alter publication supabase_realtime add table public.achievements;
