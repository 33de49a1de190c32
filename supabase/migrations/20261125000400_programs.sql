-- Module 3, programs: templates (client_id null) and client copies, their days (weeks/phases,
-- day of week or day N) and ordered exercise prescriptions. All three are synced tables that
-- trainers edit offline on several devices; clients read their own copies.
--
-- Ownership: programs.trainer_id (author) and programs.client_id (assignee, null for a
-- template). program_days and program_exercises carry copies of both, maintained by
-- <table>_inherit_ownership and sync.propagate_ownership, so RLS and pull scoping never join.
-- Assigning a template copies it (template_id records the source); editing the template later
-- does not change existing copies.
--
-- Who may do what:
--   the trainer who authored a program edits it while the client is active on their roster
--   (templates: always); the assigned client and their active trainers read it; a template is
--   visible only to its trainer. Clients do not edit programs.

-- programs -----------------------------------------------------------------------------------
create table public.programs (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid references public.profiles (id) on delete set null,
  client_id uuid references public.profiles (id) on delete cascade,
  template_id uuid references public.programs (id) on delete set null,
  name text not null,
  description text,
  kind text not null default 'static',
  status text not null default 'active',
  weeks smallint not null default 1,
  current_week smallint not null default 1,
  auto_advance boolean not null default false,
  starts_on date,
  ends_on date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint programs_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint programs_description_length check (description is null or length(description) <= 4000),
  constraint programs_kind_known check (kind in ('static', 'progressive')),
  constraint programs_status_known check (status in ('draft', 'active', 'completed', 'archived')),
  constraint programs_weeks_range check (weeks between 1 and 104),
  constraint programs_current_week_range check (current_week between 1 and weeks),
  constraint programs_ends_on_after_starts_on check (ends_on is null or starts_on is null or ends_on >= starts_on),
  constraint programs_template_id_not_self check (template_id is distinct from id)
);
create index programs_trainer_id_idx on public.programs (trainer_id);
create index programs_client_id_idx on public.programs (client_id);
create index programs_template_id_idx on public.programs (template_id);
comment on table public.programs is
  'Training programs: a trainer''s templates (client_id null) and the copies assigned to clients. Synced; trainers edit offline.';
comment on column public.programs.trainer_id is 'Author. Null only if the trainer''s account was deleted.';
comment on column public.programs.client_id is 'Assigned client; null for a template (visible only to its trainer).';
comment on column public.programs.template_id is 'The template this copy was made from (editing the template later does not change the copy).';
comment on column public.programs.kind is 'static (same every week) | progressive (periodised weeks/phases, see program_days.week_index).';
comment on column public.programs.weeks is 'Number of weeks (or phases) the program runs.';
comment on column public.programs.current_week is 'Week the client is on (1-based); advanced by the trainer, or automatically when auto_advance.';
comment on column public.programs.auto_advance is 'Progressive programs: move current_week on when the week''s sessions are done (seed 004).';
select sync.track_table('public.programs');
alter table public.programs enable row level security;

-- program_days -------------------------------------------------------------------------------
create table public.program_days (
  id uuid primary key default extensions.gen_random_uuid(),
  program_id uuid not null references public.programs (id) on delete cascade,
  trainer_id uuid,
  client_id uuid,
  week_index smallint not null default 1,
  phase_name text,
  day_of_week smallint,
  sequence_index smallint,
  name text not null,
  position text collate "C" not null,
  is_rest_day boolean not null default false,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint program_days_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint program_days_week_index_range check (week_index between 1 and 104),
  constraint program_days_phase_name_not_blank check (phase_name is null or length(trim(phase_name)) between 1 and 80),
  constraint program_days_day_of_week_range check (day_of_week between 0 and 6),
  constraint program_days_sequence_index_range check (sequence_index between 1 and 366),
  constraint program_days_day_of_week_or_sequence_index check (day_of_week is not null or sequence_index is not null),
  constraint program_days_position_not_blank check (length(position) between 1 and 64),
  constraint program_days_notes_length check (notes is null or length(notes) <= 4000)
);
create index program_days_program_id_idx on public.program_days (program_id);
create index program_days_trainer_id_idx on public.program_days (trainer_id);
create index program_days_client_id_idx on public.program_days (client_id);
comment on table public.program_days is
  'Training days of a program: week/phase, day of week (0 = Sunday) or day N of a cycle, ordered by position. Synced.';
comment on column public.program_days.trainer_id is 'Copy of programs.trainer_id (trigger-maintained) so RLS never joins.';
comment on column public.program_days.client_id is 'Copy of programs.client_id (trigger-maintained) so RLS and pull scoping never join.';
comment on column public.program_days.week_index is 'Week (or phase block) of the program this day belongs to, 1-based (periodisation).';
comment on column public.program_days.phase_name is 'Optional phase label, e.g. Hypertrophy, Strength, Deload.';
comment on column public.program_days.day_of_week is 'Fixed weekday, 0 = Sunday .. 6 = Saturday; null when the program uses sequence_index.';
comment on column public.program_days.sequence_index is 'Day N of the cycle (1-based) for programs not tied to weekdays.';
comment on column public.program_days.position is 'Fractional-index order key (compare bytewise, collation C) so offline reorders merge.';
select sync.track_table('public.program_days');
create function public.program_days_inherit_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select p.trainer_id, p.client_id into new.trainer_id, new.client_id from public.programs p where p.id = new.program_id;
  if not found then
    raise exception using
      errcode = '23503',
      message = format('program_days.program_id: program %s does not exist', new.program_id);
  end if;
  return new;
end;
$$;
comment on function public.program_days_inherit_ownership() is
  'BEFORE INSERT OR UPDATE on program_days: copies trainer_id, client_id from programs (the device''s values are ignored).';
revoke execute on function public.program_days_inherit_ownership() from public, anon, authenticated;
create trigger program_days_inherit_ownership before insert or update on public.program_days
  for each row execute function public.program_days_inherit_ownership();
alter table public.program_days enable row level security;

-- program_exercises --------------------------------------------------------------------------
create table public.program_exercises (
  id uuid primary key default extensions.gen_random_uuid(),
  program_day_id uuid not null references public.program_days (id) on delete cascade,
  trainer_id uuid,
  client_id uuid,
  exercise_id uuid not null references public.exercises (id) on delete restrict,
  position text collate "C" not null,
  sets smallint,
  reps_min smallint,
  reps_max smallint,
  load_kg numeric(6, 2),
  load_percent_1rm numeric(5, 2),
  rir smallint,
  rpe numeric(3, 1),
  tempo text,
  tut_seconds smallint,
  rest_seconds smallint,
  drop_sets smallint not null default 0,
  superset_group text,
  duration_seconds integer,
  distance_m numeric(8, 1),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint program_exercises_position_not_blank check (length(position) between 1 and 64),
  constraint program_exercises_sets_range check (sets between 1 and 100),
  constraint program_exercises_reps_min_range check (reps_min between 0 and 1000),
  constraint program_exercises_reps_max_range check (reps_max between 0 and 1000),
  constraint program_exercises_reps_max_not_below_reps_min check (reps_max is null or reps_min is null or reps_max >= reps_min),
  constraint program_exercises_load_kg_range check (load_kg between 0 and 2000),
  constraint program_exercises_load_percent_1rm_range check (load_percent_1rm > 0 and load_percent_1rm <= 150),
  constraint program_exercises_load_kg_or_load_percent_1rm check (load_kg is null or load_percent_1rm is null),
  constraint program_exercises_rir_range check (rir between 0 and 10),
  constraint program_exercises_rpe_range check (rpe between 1 and 10),
  constraint program_exercises_tempo_format check (tempo is null or tempo ~ '^[0-9Xx]([-:/ ]?[0-9Xx]){2,3}$'),
  constraint program_exercises_tut_seconds_range check (tut_seconds between 1 and 600),
  constraint program_exercises_rest_seconds_range check (rest_seconds between 0 and 3600),
  constraint program_exercises_drop_sets_range check (drop_sets between 0 and 10),
  constraint program_exercises_superset_group_format check (superset_group is null or length(trim(superset_group)) between 1 and 16),
  constraint program_exercises_duration_seconds_range check (duration_seconds between 1 and 86400),
  constraint program_exercises_distance_m_range check (distance_m > 0 and distance_m <= 1000000),
  constraint program_exercises_notes_length check (notes is null or length(notes) <= 4000)
);
create index program_exercises_program_day_id_idx on public.program_exercises (program_day_id);
create index program_exercises_trainer_id_idx on public.program_exercises (trainer_id);
create index program_exercises_client_id_idx on public.program_exercises (client_id);
create index program_exercises_exercise_id_idx on public.program_exercises (exercise_id);
comment on table public.program_exercises is
  'Ordered exercise prescriptions of a program day: sets, rep range, load or %1RM, RIR/RPE, tempo, rest, drop sets, supersets, cardio duration/distance. Synced.';
comment on column public.program_exercises.trainer_id is 'Copy of the program''s trainer_id (trigger-maintained).';
comment on column public.program_exercises.client_id is 'Copy of the program''s client_id (trigger-maintained).';
comment on column public.program_exercises.position is 'Fractional-index order key within the day (collation C) so offline reorders merge.';
comment on column public.program_exercises.load_kg is 'Prescribed load in kg (0-2000); or use load_percent_1rm, not both.';
comment on column public.program_exercises.load_percent_1rm is 'Prescribed load as % of the client''s one-rep max (0-150].';
comment on column public.program_exercises.rir is 'Target reps in reserve (0-10).';
comment on column public.program_exercises.rpe is 'Target rate of perceived exertion (1-10, halves allowed).';
comment on column public.program_exercises.tempo is 'Lifting tempo, eccentric-pause-concentric-pause, e.g. 3-1-1-0 or 31X0.';
comment on column public.program_exercises.tut_seconds is 'Target time under tension per set, seconds.';
comment on column public.program_exercises.superset_group is 'Exercises of the same day with the same label (e.g. A) are performed as a superset.';
comment on column public.program_exercises.duration_seconds is 'Cardio/timed work: target duration in seconds.';
comment on column public.program_exercises.distance_m is 'Cardio: target distance in metres.';
select sync.track_table('public.program_exercises');
create function public.program_exercises_inherit_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select p.trainer_id, p.client_id into new.trainer_id, new.client_id from public.program_days p where p.id = new.program_day_id;
  if not found then
    raise exception using
      errcode = '23503',
      message = format('program_exercises.program_day_id: program day %s does not exist', new.program_day_id);
  end if;
  return new;
end;
$$;
comment on function public.program_exercises_inherit_ownership() is
  'BEFORE INSERT OR UPDATE on program_exercises: copies trainer_id, client_id from program_days (the device''s values are ignored).';
revoke execute on function public.program_exercises_inherit_ownership() from public, anon, authenticated;
create trigger program_exercises_inherit_ownership before insert or update on public.program_exercises
  for each row execute function public.program_exercises_inherit_ownership();
alter table public.program_exercises enable row level security;

-- Parent -> child propagation (ownership and soft deletes) -----------------------------------
create trigger programs_propagate_ownership after update of trainer_id, client_id on public.programs
  for each row when (old.trainer_id is distinct from new.trainer_id or old.client_id is distinct from new.client_id)
  execute function sync.propagate_ownership('public.program_days', 'program_id');
create trigger program_days_propagate_ownership after update of trainer_id, client_id on public.program_days
  for each row when (old.trainer_id is distinct from new.trainer_id or old.client_id is distinct from new.client_id)
  execute function sync.propagate_ownership('public.program_exercises', 'program_day_id');
create trigger programs_cascade_soft_delete after update of deleted on public.programs
  for each row when (new.deleted and not old.deleted)
  execute function sync.cascade_soft_delete('public.program_days', 'program_id');
create trigger program_days_cascade_soft_delete after update of deleted on public.program_days
  for each row when (new.deleted and not old.deleted)
  execute function sync.cascade_soft_delete('public.program_exercises', 'program_day_id');

-- Policies (the same rule on all three tables, on their own ownership columns) ----------------
-- read:  the assigned client; the client's active trainers; the author of a template.
-- write: the author, while the client is on their active roster (templates: always).
create policy programs_select on public.programs for select to authenticated
  using (
    client_id = (select auth.uid())
    or client_id = any ((select public.my_client_ids())::uuid[])
    or (client_id is null and trainer_id = (select auth.uid()))
  );
comment on policy programs_select on public.programs is
  'The assigned client and their active trainers read a program; a template (client_id null) only its trainer.';
create policy programs_insert on public.programs for insert to authenticated
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy programs_insert on public.programs is 'A trainer creates templates, and programs for their active clients.';
create policy programs_update on public.programs for update to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy programs_update on public.programs is 'The author edits while the client is active on their roster; clients never edit programs.';
create policy programs_delete on public.programs for delete to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy programs_delete on public.programs is 'The author deletes (soft; days and exercises follow).';

create policy program_days_select on public.program_days for select to authenticated
  using (
    client_id = (select auth.uid())
    or client_id = any ((select public.my_client_ids())::uuid[])
    or (client_id is null and trainer_id = (select auth.uid()))
  );
comment on policy program_days_select on public.program_days is 'As programs_select, on the copied ownership columns.';
create policy program_days_insert on public.program_days for insert to authenticated
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_days_insert on public.program_days is 'As programs_insert: only the program''s author (ownership is copied from the program before this check).';
create policy program_days_update on public.program_days for update to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_days_update on public.program_days is 'As programs_update.';
create policy program_days_delete on public.program_days for delete to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_days_delete on public.program_days is 'As programs_delete.';

create policy program_exercises_select on public.program_exercises for select to authenticated
  using (
    client_id = (select auth.uid())
    or client_id = any ((select public.my_client_ids())::uuid[])
    or (client_id is null and trainer_id = (select auth.uid()))
  );
comment on policy program_exercises_select on public.program_exercises is 'As programs_select, on the copied ownership columns.';
create policy program_exercises_insert on public.program_exercises for insert to authenticated
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_exercises_insert on public.program_exercises is 'As programs_insert.';
create policy program_exercises_update on public.program_exercises for update to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_exercises_update on public.program_exercises is 'As programs_update.';
create policy program_exercises_delete on public.program_exercises for delete to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy program_exercises_delete on public.program_exercises is 'As programs_delete.';

alter publication supabase_realtime add table public.programs, public.program_days, public.program_exercises;
