-- Personal records are judged from two short index reads (issue 5: push speed).
--
-- grant_pr_if_record took the heaviest of every earlier counted set of the exercise, so with a
-- long history (thousands of sets of one lift) each pushed set read all of them, and a push of
-- 500 sets spent seconds in this trigger. The rule is unchanged: a set is a record when an
-- earlier counted set exists (something to beat) and none of them weighs as much or more.
-- The first question reads the time index from the newest earlier set down, the second an index
-- by weight from the set's weight up; each stops at the first counted set it finds.
create index set_logs_client_id_exercise_id_weight_kg_idx on public.set_logs (client_id, exercise_id, weight_kg);

create or replace function public.grant_pr_if_record(p_set public.set_logs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_weight numeric := round(p_set.weight_kg, 2);
  v_name text;
begin
  -- The first workout of an exercise is its baseline: no record without something to beat.
  if not exists (
    select 1 from public.set_logs s
    where s.client_id = p_set.client_id and s.exercise_id = p_set.exercise_id and s.performed_at < p_set.performed_at
      and s.session_id <> p_set.session_id and s.done and not s.deleted and s.set_kind <> 'warmup'
      and s.reps > 0 and s.weight_kg > 0
  ) then
    return;
  end if;
  if exists (
    select 1 from public.set_logs s
    where s.client_id = p_set.client_id and s.exercise_id = p_set.exercise_id and s.weight_kg >= v_weight
      and s.performed_at < p_set.performed_at
      and s.session_id <> p_set.session_id and s.done and not s.deleted and s.set_kind <> 'warmup'
      and s.reps > 0
  ) then
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
