-- Workout milestones and habit streaks are judged per statement (issue 16.9, the same class
-- as PR judging): the row-level triggers counted every workout of the client, and read every
-- ticked day of the habit, once for each row written. One insert of 1,000 / 4,000 workouts
-- took 0.5 / 4.0 s and of 1,000 / 4,000 habit days 1.0 / 9.6 s: quadratic in an import.
-- Now each client (each habit) a statement touches is judged once. The rules and keys are
-- unchanged (src/features/progress/achievement-rules.ts).

create function public.achievements_for_workouts()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_client uuid;
  v_finished int;
  v_milestone int;
begin
  for v_client in
    select distinct w.client_id from written_sessions w
    where not w.deleted and w.status in ('completed', 'partial')
  loop
    perform public.grant_achievement(v_client, 'milestone', 'milestone:first_workout', 'First workout');
    -- No milestone counts past 100: the count stops there.
    select count(*) into v_finished from (
      select 1 from public.workout_sessions s
      where s.client_id = v_client and s.status in ('completed', 'partial') and not s.deleted
      limit 100
    ) finished;
    foreach v_milestone in array array[10, 25, 50, 100] loop
      if v_finished >= v_milestone then
        perform public.grant_achievement(v_client, 'milestone', 'milestone:workouts:' || v_milestone, v_milestone || ' workouts',
          pg_catalog.jsonb_build_object('workouts', v_milestone));
      end if;
    end loop;
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_workouts() is
  'AFTER INSERT OR UPDATE (per statement) on workout_sessions: first workout and workout-count milestones of each client written.';
revoke execute on function public.achievements_for_workouts() from public, anon, authenticated;

create function public.achievements_for_habit_logs()
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
  for v_habit in
    select h.* from public.habits h
    where h.cadence = 'daily'
      and h.id in (select w.habit_id from written_logs w where w.done and not w.deleted)
  loop
    -- The longest run of consecutive ticked days that holds a day written now (a tick for
    -- yesterday can join two runs): gaps and islands over the habit's distinct done days.
    with days as (
      select distinct l.log_date as d from public.habit_logs l
      where l.habit_id = v_habit.id and l.done and not l.deleted
    ), islands as (
      select d, d - (row_number() over (order by d))::int as grp from days
    )
    select max(runs.n) into v_run
    from (select i.grp, count(*) as n from islands i group by i.grp) runs
    where runs.grp in (
      select i.grp from islands i
      join written_logs w on w.log_date = i.d
      where w.habit_id = v_habit.id and w.done and not w.deleted
    );
    foreach v_days in array array[3, 7, 14, 30, 60, 100, 365] loop
      if v_run >= v_days then
        perform public.grant_achievement(v_habit.client_id, 'streak', 'streak:habit:' || v_habit.id || ':' || v_days,
          v_days || '-day streak: ' || v_habit.name, pg_catalog.jsonb_build_object('habit_id', v_habit.id, 'days', v_days));
      end if;
    end loop;
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_habit_logs() is
  'AFTER INSERT OR UPDATE (per statement) on habit_logs: streaks of N consecutive days of a daily habit, once per habit written.';
revoke execute on function public.achievements_for_habit_logs() from public, anon, authenticated;

drop trigger achievements_for_workout on public.workout_sessions;
drop function public.achievements_for_workout();
create trigger achievements_for_inserted_workouts after insert on public.workout_sessions
  referencing new table as written_sessions
  for each statement execute function public.achievements_for_workouts();
create trigger achievements_for_updated_workouts after update on public.workout_sessions
  referencing new table as written_sessions
  for each statement execute function public.achievements_for_workouts();

drop trigger achievements_for_habit_log on public.habit_logs;
drop function public.achievements_for_habit_log();
create trigger achievements_for_inserted_habit_logs after insert on public.habit_logs
  referencing new table as written_logs
  for each statement execute function public.achievements_for_habit_logs();
create trigger achievements_for_updated_habit_logs after update on public.habit_logs
  referencing new table as written_logs
  for each statement execute function public.achievements_for_habit_logs();
