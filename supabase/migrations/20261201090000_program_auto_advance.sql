-- Trainer workspace (issue 7): progressive programs move on by themselves.
--
-- A progressive program with auto_advance on moves its current_week on when every training day
-- (rest days excepted) of the current week has a completed or partial session for that week;
-- after the last week it is completed. A week without days of its own repeats the program's
-- first week with days. The same rule, with its reasons, is src/features/programs/progression.ts
-- (the device shows progress with it; table-driven tests there).
--
-- Why on the server: the client's device may not edit their program (programs_update allows
-- only the trainer), and the trainer's devices may be offline for days; the client's sessions
-- reach Postgres whenever the client syncs, so that is where the week is known to be done.
-- The program's change reaches the client and the trainer like any server write (server_rev
-- re-stamped, Realtime poke).

create function public.programs_auto_advance()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_program public.programs%rowtype;
  v_week smallint;
  v_planned integer;
  v_done integer;
begin
  select p.* into v_program
  from public.program_days d
  join public.programs p on p.id = d.program_id
  where d.id = new.program_day_id
  for update of p;
  if not found
    or v_program.deleted
    or v_program.kind <> 'progressive'
    or not v_program.auto_advance
    or v_program.status <> 'active'
    or v_program.client_id is distinct from new.client_id
    or v_program.current_week is distinct from new.week_index then
    return null;
  end if;

  -- The week whose days are planned now: the current week, or the first week with days.
  if exists (select 1 from public.program_days d where d.program_id = v_program.id and not d.deleted and d.week_index = v_program.current_week) then
    v_week := v_program.current_week;
  else
    select min(d.week_index) into v_week from public.program_days d where d.program_id = v_program.id and not d.deleted;
  end if;

  select count(*),
         count(*) filter (where exists (
           select 1 from public.workout_sessions s
           where s.program_day_id = d.id
             and s.client_id = v_program.client_id
             and s.week_index = v_program.current_week
             and s.status in ('completed', 'partial')
             and not s.deleted))
    into v_planned, v_done
  from public.program_days d
  where d.program_id = v_program.id and not d.deleted and d.week_index = v_week and not d.is_rest_day;

  if v_planned = 0 or v_done < v_planned then
    return null;
  end if;
  if v_program.current_week < v_program.weeks then
    update public.programs set current_week = current_week + 1, updated_at = now(), updated_by_device = null where id = v_program.id;
  else
    update public.programs set status = 'completed', updated_at = now(), updated_by_device = null where id = v_program.id;
  end if;
  return null;
end;
$$;
comment on function public.programs_auto_advance() is
  'AFTER INSERT/UPDATE on workout_sessions: when the session completes the current week of a progressive auto_advance program, moves current_week on (or completes the program after its last week).';
revoke execute on function public.programs_auto_advance() from public, anon, authenticated;

create trigger workout_sessions_programs_auto_advance
  after insert or update of status, week_index, program_day_id, deleted on public.workout_sessions
  for each row
  when (new.status in ('completed', 'partial') and new.program_day_id is not null and new.week_index is not null and not new.deleted)
  execute function public.programs_auto_advance();
