-- Personal records of a big insert are judged in one query (issue 5: push speed).
--
-- A device coming back online pushes its sets in batches of hundreds with one insert
-- (sync_push). The row-level trigger ran two PL/pgSQL functions and three queries for every
-- set: most of a push's server time. Inserts now have a statement-level trigger: a statement
-- of more than 20 sets is judged in one query, together with the heavier sets of later
-- workouts they may be the baseline of; a smaller one set by set as before (planning the one
-- query costs more than judging a few sets one by one). Updates keep the row-level trigger.
--
-- The rule is unchanged: a set is a record when an earlier counted set of its exercise in
-- another of the client's workouts exists (something to beat) and none of them weighs as much
-- or more (grant_pr_if_record). Counted: done, not deleted, not a warm-up, reps > 0 and
-- weight > 0. Sets may arrive in any order, so a new set may be the missing baseline of
-- heavier sets in later workouts: those are judged again. Grants are never taken back.
-- tests/integration/achievement-rules-agree.test.ts holds both paths to the device's rules.

-- One set: itself, then the heavier sets of later workouts it may be the baseline of.
create function public.grant_prs_of_set(p_set public.set_logs)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_later public.set_logs;
begin
  if p_set.deleted or not p_set.done or p_set.set_kind = 'warmup' or coalesce(p_set.reps, 0) <= 0 or coalesce(p_set.weight_kg, 0) <= 0 then
    return;
  end if;
  perform public.grant_pr_if_record(p_set);
  -- Usually none: a set logged now is the latest of its exercise.
  for v_later in
    select l.* from public.set_logs l
    where l.client_id = p_set.client_id and l.exercise_id = p_set.exercise_id and l.performed_at > p_set.performed_at
      and l.session_id <> p_set.session_id and l.weight_kg > p_set.weight_kg
      and l.done and not l.deleted and l.set_kind <> 'warmup' and l.reps > 0
  loop
    perform public.grant_pr_if_record(v_later);
  end loop;
end;
$$;
comment on function public.grant_prs_of_set(public.set_logs) is 'PR achievements for a set, and for heavier sets of later workouts it may be the baseline of.';
revoke execute on function public.grant_prs_of_set(public.set_logs) from public, anon, authenticated;

create or replace function public.achievements_for_set_log()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform public.grant_prs_of_set(new);
  return null;
end;
$$;
comment on function public.achievements_for_set_log() is 'AFTER UPDATE on set_logs: PR achievements for the set (grant_prs_of_set).';

create function public.achievements_for_inserted_sets()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_set public.set_logs;
begin
  if (select count(*) from written_sets) <= 20 then
    for v_set in select w.* from written_sets w loop
      perform public.grant_prs_of_set(v_set);
    end loop;
    return null;
  end if;
  for v_set in
    with written as materialized (
      select w.* from written_sets w
      where w.done and not w.deleted and w.set_kind <> 'warmup' and w.reps > 0 and w.weight_kg > 0
    ),
    -- Heavier sets of later workouts a written set may be the baseline of (usually none: a set
    -- logged now is the latest of its exercise). Each workout's earliest and lightest written
    -- set bound one index read; the exact test against the written sets follows.
    later as materialized (
      select l.*
      from (
          select w.client_id, w.exercise_id, w.session_id, min(w.performed_at) as performed_at, min(w.weight_kg) as weight_kg
          from written w group by w.client_id, w.exercise_id, w.session_id
        ) g
        cross join lateral (
          select l.* from public.set_logs l
          where l.client_id = g.client_id and l.exercise_id = g.exercise_id and l.performed_at > g.performed_at
            and l.session_id <> g.session_id and l.weight_kg > g.weight_kg
            and l.done and not l.deleted and l.set_kind <> 'warmup' and l.reps > 0
          offset 0 -- keeps it an index read per workout
        ) l
      where exists (
        select 1 from written w
        where w.client_id = l.client_id and w.exercise_id = l.exercise_id and w.performed_at < l.performed_at
          and w.session_id <> l.session_id and w.weight_kg < l.weight_kg
      )
    ),
    judged as (
      select w.* from written w
      union all
      select l.* from later l
    )
    select j.* from judged j
    where exists (
        select 1 from public.set_logs s
        where s.client_id = j.client_id and s.exercise_id = j.exercise_id and s.performed_at < j.performed_at
          and s.session_id <> j.session_id and s.done and not s.deleted and s.set_kind <> 'warmup'
          and s.reps > 0 and s.weight_kg > 0
      )
      and not exists (
        select 1 from public.set_logs s
        where s.client_id = j.client_id and s.exercise_id = j.exercise_id and s.weight_kg >= round(j.weight_kg, 2)
          and s.performed_at < j.performed_at
          and s.session_id <> j.session_id and s.done and not s.deleted and s.set_kind <> 'warmup'
          and s.reps > 0
      )
  loop
    -- Only records get here (a few): grant_pr_if_record judges each once more and words the
    -- grant, so the grant's key and title are built in one place.
    perform public.grant_pr_if_record(v_set);
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_inserted_sets() is
  'AFTER INSERT (per statement) on set_logs: PR achievements for the new sets, and for heavier sets of later workouts they may be the baseline of.';
revoke execute on function public.achievements_for_inserted_sets() from public, anon, authenticated;

drop trigger achievements_for_set_log on public.set_logs;
create trigger achievements_for_set_log after update of done, weight_kg, reps, set_kind, deleted on public.set_logs
  for each row execute function public.achievements_for_set_log();
create trigger achievements_for_inserted_sets after insert on public.set_logs
  referencing new table as written_sets
  for each statement execute function public.achievements_for_inserted_sets();
