-- Personal-record judging is linear in the rows a statement writes (issue 16.9).
--
-- One insert of 1,000 / 2,000 / 4,000 / 8,000 set logs of a climbing history took 3 / 18 /
-- 116 / 365 s: each written set's earlier and later sets were looked up again (an index read
-- per set, and from each workout every later heavier set), so an import, a restore or a long
-- offline push grew with the square of its rows, and the 200,000-row benchmark never ended.
--
-- Now the sets of one client's exercise are judged in one pass in time order from the
-- earliest written one, with a running state: the heaviest counted set so far, its workout,
-- and the heaviest of any other workout. The state before that point comes from two index
-- reads (heaviest first). Inserts and updates are judged per statement (transition tables).
--
-- The rule is unchanged: a set is a record when an earlier counted set of its exercise in
-- another of the client's workouts exists (something to beat) and none of them weighs as much
-- or more. Counted: done, not deleted, not a warm-up, reps > 0 and weight > 0. A written set
-- may be the missing baseline of heavier sets after it, so those are judged too: every counted
-- set from the earliest written one on is judged, and grant_achievement keeps one grant per
-- (client, key). Grants are never taken back.
-- tests/integration/achievement-rules-agree.test.ts holds this to the device's rules.

-- Words and grants PRs of sets already judged records, in one insert: one place for the key
-- and the title. A key granted before (or twice here: the same weight again) is kept as it is.
create function public.grant_prs(p_sets public.set_logs[], p_exercise_name text)
returns void
language plpgsql
security definer
set search_path = ''
as $$
begin
  insert into public.achievements (client_id, kind, key, title, details)
  select r.client_id, 'pr', 'pr:' || r.exercise_id || ':' || pg_catalog.trim_scale(r.weight) || 'kg',
         left('PR: ' || coalesce(p_exercise_name, 'Exercise') || ' ' || pg_catalog.trim_scale(r.weight) || ' kg', 120),
         pg_catalog.jsonb_build_object('exercise_id', r.exercise_id, 'weight_kg', r.weight, 'reps', r.reps, 'set_id', r.id)
  from (select s.*, round(s.weight_kg, 2) as weight from unnest(p_sets) s) r
  order by r.performed_at, r.id
  on conflict (client_id, key) do nothing;
exception when others then
  -- A grant must never refuse the sets that earned it.
  raise warning 'grant_prs(% sets) failed: %', cardinality(p_sets), sqlerrm;
end;
$$;
comment on function public.grant_prs(public.set_logs[], text) is
  'Grants the PR achievements of sets already judged records (one per client and key; the earliest set of a key names it).';
revoke execute on function public.grant_prs(public.set_logs[], text) from public, anon, authenticated;

-- Every counted set of one client's exercise from p_from on, in one pass in time order.
create function public.grant_prs_from(p_client uuid, p_exercise uuid, p_from timestamptz)
returns void
language plpgsql
security definer
set search_path = ''
as $$
declare
  -- The counted sets so far: the heaviest, its workout, and the heaviest of any other workout.
  v_top numeric;
  v_top_session uuid;
  v_other numeric;
  -- The same for the sets strictly before the current one's time (what it is judged against).
  v_before_top numeric;
  v_before_top_session uuid;
  v_before_other numeric;
  v_at timestamptz;
  v_beat numeric;
  v_set public.set_logs;
  v_records public.set_logs[] := '{}';
begin
  select s.weight_kg, s.session_id into v_top, v_top_session
  from public.set_logs s
  where s.client_id = p_client and s.exercise_id = p_exercise and s.performed_at < p_from
    and s.done and not s.deleted and s.set_kind <> 'warmup' and s.reps > 0 and s.weight_kg > 0
  order by s.weight_kg desc
  limit 1;
  if v_top_session is not null then
    select max(s.weight_kg) into v_other
    from public.set_logs s
    where s.client_id = p_client and s.exercise_id = p_exercise and s.performed_at < p_from and s.session_id <> v_top_session
      and s.done and not s.deleted and s.set_kind <> 'warmup' and s.reps > 0 and s.weight_kg > 0;
  end if;
  for v_set in
    select s.* from public.set_logs s
    where s.client_id = p_client and s.exercise_id = p_exercise and s.performed_at >= p_from
      and s.done and not s.deleted and s.set_kind <> 'warmup' and s.reps > 0 and s.weight_kg > 0
    order by s.performed_at, s.id
  loop
    if v_at is distinct from v_set.performed_at then
      v_at := v_set.performed_at;
      v_before_top := v_top;
      v_before_top_session := v_top_session;
      v_before_other := v_other;
    end if;
    -- The heaviest earlier set of another workout; none (null) means nothing to beat yet.
    v_beat := case when v_set.session_id = v_before_top_session then v_before_other else v_before_top end;
    if v_beat < round(v_set.weight_kg, 2) then
      v_records := v_records || v_set;
    end if;
    if v_top is null then
      v_top := v_set.weight_kg;
      v_top_session := v_set.session_id;
    elsif v_set.session_id = v_top_session then
      v_top := greatest(v_top, v_set.weight_kg);
    elsif v_set.weight_kg > v_top then
      v_other := v_top;
      v_top := v_set.weight_kg;
      v_top_session := v_set.session_id;
    else
      v_other := greatest(v_other, v_set.weight_kg);
    end if;
  end loop;
  if cardinality(v_records) > 0 then
    perform public.grant_prs(v_records, (select e.name from public.exercises e where e.id = p_exercise));
  end if;
end;
$$;
comment on function public.grant_prs_from(uuid, uuid, timestamptz) is
  'PR achievements of a client''s exercise for every counted set from p_from on, judged in one pass in time order.';
revoke execute on function public.grant_prs_from(uuid, uuid, timestamptz) from public, anon, authenticated;

create or replace function public.achievements_for_inserted_sets()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_part record;
begin
  for v_part in
    select w.client_id, w.exercise_id, min(w.performed_at) as from_at
    from written_sets w
    where w.done and not w.deleted and w.set_kind <> 'warmup' and w.reps > 0 and w.weight_kg > 0
    group by w.client_id, w.exercise_id
  loop
    perform public.grant_prs_from(v_part.client_id, v_part.exercise_id, v_part.from_at);
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_inserted_sets() is
  'AFTER INSERT (per statement) on set_logs: PR achievements for the new sets and the sets after them (grant_prs_from).';

create function public.achievements_for_updated_sets()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_part record;
begin
  for v_part in
    select n.client_id, n.exercise_id, min(n.performed_at) as from_at
    from updated_sets n
    join previous_sets o on o.id = n.id
    where n.done and not n.deleted and n.set_kind <> 'warmup' and n.reps > 0 and n.weight_kg > 0
      and (n.done, n.weight_kg, n.reps, n.set_kind, n.deleted, n.exercise_id, n.performed_at, n.session_id)
        is distinct from (o.done, o.weight_kg, o.reps, o.set_kind, o.deleted, o.exercise_id, o.performed_at, o.session_id)
    group by n.client_id, n.exercise_id
  loop
    perform public.grant_prs_from(v_part.client_id, v_part.exercise_id, v_part.from_at);
  end loop;
  return null;
end;
$$;
comment on function public.achievements_for_updated_sets() is
  'AFTER UPDATE (per statement) on set_logs: PR achievements for sets that became counted or changed, and the sets after them.';
revoke execute on function public.achievements_for_updated_sets() from public, anon, authenticated;

drop trigger achievements_for_set_log on public.set_logs;
drop trigger achievements_for_inserted_sets on public.set_logs;
drop function public.achievements_for_set_log();
drop function public.grant_prs_of_set(public.set_logs);
drop function public.grant_pr_if_record(public.set_logs);
create trigger achievements_for_inserted_sets after insert on public.set_logs
  referencing new table as written_sets
  for each statement execute function public.achievements_for_inserted_sets();
create trigger achievements_for_updated_sets after update on public.set_logs
  referencing old table as previous_sets new table as updated_sets
  for each statement execute function public.achievements_for_updated_sets();
