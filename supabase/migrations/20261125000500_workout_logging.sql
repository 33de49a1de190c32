-- Module 4, workout logging (the gym-floor path): workout sessions (from a program day or
-- ad hoc) and the sets logged in them. Both are synced and written offline by the client's
-- device; the client's active trainers read them. Nobody else writes a client's logs.
--
-- Ownership: workout_sessions.client_id; set_logs.client_id is copied from its session by
-- set_logs_inherit_ownership so RLS and pull scoping (e.g. a trainer's last-90-days window per
-- client, index set_logs_client_id_performed_at_idx) never join.

-- workout_sessions ---------------------------------------------------------------------------
create table public.workout_sessions (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  program_day_id uuid references public.program_days (id) on delete set null,
  name text,
  status text not null default 'in_progress',
  started_at timestamptz not null default now(),
  ended_at timestamptz,
  duration_seconds integer,
  rating smallint,
  week_index smallint,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint workout_sessions_name_not_blank check (name is null or length(trim(name)) between 1 and 120),
  constraint workout_sessions_status_known check (status in ('in_progress', 'completed', 'partial', 'skipped')),
  constraint workout_sessions_ended_at_after_started_at check (ended_at is null or ended_at >= started_at),
  constraint workout_sessions_duration_seconds_range check (duration_seconds between 1 and 86400),
  constraint workout_sessions_rating_range check (rating between 1 and 5),
  constraint workout_sessions_week_index_range check (week_index between 1 and 104),
  constraint workout_sessions_notes_length check (notes is null or length(notes) <= 4000)
);
create index workout_sessions_client_id_started_at_idx on public.workout_sessions (client_id, started_at);
create index workout_sessions_program_day_id_idx on public.workout_sessions (program_day_id);
comment on table public.workout_sessions is
  'A workout the client did (or skipped): from a program day, or ad hoc (program_day_id null). Synced; written by the client only.';
comment on column public.workout_sessions.program_day_id is 'The program day this session performs; null for an ad-hoc workout. Must be one of the client''s own program days.';
comment on column public.workout_sessions.name is 'Title for ad-hoc workouts (program sessions show the day''s name).';
comment on column public.workout_sessions.status is 'in_progress | completed | partial | skipped.';
comment on column public.workout_sessions.duration_seconds is 'Active duration in seconds (pauses excluded), set by the device.';
comment on column public.workout_sessions.rating is 'Client''s rating of the session, 1 (hard/bad) to 5 (great).';
comment on column public.workout_sessions.week_index is 'Program week the session counted for (progressive programs).';
select sync.track_table('public.workout_sessions');
alter table public.workout_sessions enable row level security;

-- A session may only point at a program day of the same client (FK checks bypass RLS, so
-- without this a client could attach a session to someone else's program).
create function public.workout_sessions_check_program_day()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if new.program_day_id is not null and not exists (
    select 1 from public.program_days d where d.id = new.program_day_id and d.client_id = new.client_id
  ) then
    raise exception using
      errcode = '23503',
      message = format('workout_sessions.program_day_id: program day %s is not one of this client''s program days', new.program_day_id);
  end if;
  return new;
end;
$$;
comment on function public.workout_sessions_check_program_day() is 'BEFORE INSERT/UPDATE OF program_day_id: the day must belong to the session''s client.';
revoke execute on function public.workout_sessions_check_program_day() from public, anon, authenticated;
create trigger workout_sessions_check_program_day before insert or update of program_day_id, client_id on public.workout_sessions
  for each row execute function public.workout_sessions_check_program_day();

-- set_logs -----------------------------------------------------------------------------------
create table public.set_logs (
  id uuid primary key default extensions.gen_random_uuid(),
  session_id uuid not null references public.workout_sessions (id) on delete cascade,
  client_id uuid,
  exercise_id uuid not null references public.exercises (id) on delete restrict,
  program_exercise_id uuid references public.program_exercises (id) on delete set null,
  set_index smallint not null,
  set_kind text not null default 'working',
  weight_kg numeric(6, 2),
  reps smallint,
  rir smallint,
  rpe numeric(3, 1),
  duration_seconds integer,
  distance_m numeric(8, 1),
  done boolean not null default false,
  performed_at timestamptz not null default now(),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint set_logs_set_index_range check (set_index between 1 and 1000),
  constraint set_logs_set_kind_known check (set_kind in ('warmup', 'working', 'drop', 'failure')),
  constraint set_logs_weight_kg_range check (weight_kg between 0 and 2000),
  constraint set_logs_reps_range check (reps between 0 and 1000),
  constraint set_logs_rir_range check (rir between 0 and 10),
  constraint set_logs_rpe_range check (rpe between 1 and 10),
  constraint set_logs_duration_seconds_range check (duration_seconds between 1 and 86400),
  constraint set_logs_distance_m_range check (distance_m > 0 and distance_m <= 1000000),
  constraint set_logs_notes_length check (notes is null or length(notes) <= 2000)
);
create index set_logs_client_id_performed_at_idx on public.set_logs (client_id, performed_at);
create index set_logs_client_id_exercise_id_performed_at_idx on public.set_logs (client_id, exercise_id, performed_at);
create index set_logs_session_id_idx on public.set_logs (session_id);
create index set_logs_exercise_id_idx on public.set_logs (exercise_id);
create index set_logs_program_exercise_id_idx on public.set_logs (program_exercise_id);
comment on table public.set_logs is
  'One logged set: weight, reps, RIR/RPE, done flag (append-mostly). Synced; written by the client only; the source of PRs, history and charts.';
comment on column public.set_logs.client_id is 'Copy of workout_sessions.client_id (trigger-maintained) so RLS and pull windows never join.';
comment on column public.set_logs.program_exercise_id is 'The prescription this set fulfils; null for ad-hoc exercises.';
comment on column public.set_logs.set_index is 'Order of the set within the exercise in this session, 1-based.';
comment on column public.set_logs.set_kind is 'warmup | working | drop | failure (warm-ups are left out of PRs and volume).';
comment on column public.set_logs.weight_kg is 'Load in kg (0-2000), external load only; bodyweight sets use 0 or null.';
comment on column public.set_logs.rir is 'Reps in reserve reported by the client (0-10).';
comment on column public.set_logs.rpe is 'Rate of perceived exertion (1-10, halves allowed).';
comment on column public.set_logs.done is 'Ticked as done on the device (prefilled sets start false).';
comment on column public.set_logs.performed_at is 'When the set was done (device clock).';
select sync.track_table('public.set_logs');
create function public.set_logs_inherit_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select p.client_id into new.client_id from public.workout_sessions p where p.id = new.session_id;
  if not found then
    raise exception using
      errcode = '23503',
      message = format('set_logs.session_id: workout session %s does not exist', new.session_id);
  end if;
  return new;
end;
$$;
comment on function public.set_logs_inherit_ownership() is
  'BEFORE INSERT OR UPDATE on set_logs: copies client_id from workout_sessions (the device''s values are ignored).';
revoke execute on function public.set_logs_inherit_ownership() from public, anon, authenticated;
create trigger set_logs_inherit_ownership before insert or update on public.set_logs
  for each row execute function public.set_logs_inherit_ownership();
alter table public.set_logs enable row level security;

create trigger workout_sessions_propagate_ownership after update of client_id on public.workout_sessions
  for each row when (old.client_id is distinct from new.client_id)
  execute function sync.propagate_ownership('public.set_logs', 'session_id');
create trigger workout_sessions_cascade_soft_delete after update of deleted on public.workout_sessions
  for each row when (new.deleted and not old.deleted)
  execute function sync.cascade_soft_delete('public.set_logs', 'session_id');

-- Policies: the client reads and writes their logs; active trainers only read them. ----------
create policy workout_sessions_select on public.workout_sessions for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy workout_sessions_select on public.workout_sessions is 'The client and their active trainers read sessions.';
create policy workout_sessions_insert on public.workout_sessions for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy workout_sessions_insert on public.workout_sessions is 'Only the client logs their workouts (trainers read, never write, logs).';
create policy workout_sessions_update on public.workout_sessions for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy workout_sessions_update on public.workout_sessions is 'Only the client edits their sessions.';
create policy workout_sessions_delete on public.workout_sessions for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy workout_sessions_delete on public.workout_sessions is 'Only the client deletes (soft) their sessions; the sets follow.';

create policy set_logs_select on public.set_logs for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy set_logs_select on public.set_logs is
  'The client and their active trainers read sets. my_client_ids() runs once per statement (initplan), so a trainer''s window query stays an index scan.';
create policy set_logs_insert on public.set_logs for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy set_logs_insert on public.set_logs is 'Only the client logs sets, into their own sessions (client_id is copied from the session before this check).';
create policy set_logs_update on public.set_logs for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy set_logs_update on public.set_logs is 'Only the client edits their sets.';
create policy set_logs_delete on public.set_logs for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy set_logs_delete on public.set_logs is 'Only the client deletes (soft) their sets.';

alter publication supabase_realtime add table public.workout_sessions, public.set_logs;
