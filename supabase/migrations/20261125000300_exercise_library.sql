-- Module 2, exercise library: a hierarchical category tree and the exercise catalogue (global
-- rows with trainer_id null, plus each trainer's own exercises). Devices read both (Dexie
-- cache); only trainers write their own exercises, and only the dashboard writes global rows.

-- exercise_categories ------------------------------------------------------------------------
create table public.exercise_categories (
  id uuid primary key default extensions.gen_random_uuid(),
  parent_id uuid references public.exercise_categories (id) on delete restrict,
  name text not null,
  slug text not null,
  position integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint exercise_categories_name_not_blank check (length(trim(name)) between 1 and 100),
  constraint exercise_categories_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  constraint exercise_categories_parent_id_not_self check (parent_id is distinct from id)
);
create unique index exercise_categories_slug_key on public.exercise_categories (slug) where not deleted;
create index exercise_categories_parent_id_idx on public.exercise_categories (parent_id);
comment on table public.exercise_categories is
  'Exercise category tree (e.g. Strength > Upper body > Chest). Global reference data, edited in the dashboard.';
comment on column public.exercise_categories.parent_id is 'Parent category; null for a top-level category.';
comment on column public.exercise_categories.slug is 'Stable lowercase key (kebab-case), unique among live rows.';
comment on column public.exercise_categories.position is 'Display order among siblings.';
select sync.track_table('public.exercise_categories');
alter table public.exercise_categories enable row level security;

create policy exercise_categories_select on public.exercise_categories for select to authenticated
  using (true);
comment on policy exercise_categories_select on public.exercise_categories is
  'Reference data: every signed-in user reads it. No write policies: admins edit it in the dashboard.';

-- exercises ----------------------------------------------------------------------------------
create table public.exercises (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid references public.profiles (id) on delete cascade,
  category_id uuid references public.exercise_categories (id) on delete set null,
  name text not null,
  body_part text not null,
  primary_muscles text[] not null default '{}',
  secondary_muscles text[] not null default '{}',
  equipment text not null default 'bodyweight',
  difficulty text not null default 'beginner',
  mechanics text,
  instructions text,
  video_url text,
  image_url text,
  alternatives uuid[] not null default '{}',
  is_unilateral boolean not null default false,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint exercises_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint exercises_body_part_known check (body_part in
    ('chest', 'back', 'shoulders', 'arms', 'core', 'legs', 'glutes', 'full_body', 'cardio', 'mobility')),
  constraint exercises_equipment_known check (equipment in
    ('barbell', 'dumbbell', 'kettlebell', 'machine', 'cable', 'bodyweight', 'band', 'ez_bar', 'trap_bar',
     'smith_machine', 'pull_up_bar', 'medicine_ball', 'cardio_machine', 'suspension', 'sled', 'other')),
  constraint exercises_difficulty_known check (difficulty in ('beginner', 'intermediate', 'advanced')),
  constraint exercises_mechanics_known check (mechanics is null or mechanics in ('compound', 'isolation')),
  constraint exercises_instructions_length check (instructions is null or length(instructions) <= 4000),
  constraint exercises_video_url_http check (video_url is null or video_url ~ '^https?://'),
  constraint exercises_image_url_http check (image_url is null or image_url ~ '^https?://')
);
create unique index exercises_name_per_owner_key on public.exercises (trainer_id, lower(name)) nulls not distinct
  where not deleted;
create index exercises_trainer_id_idx on public.exercises (trainer_id);
create index exercises_category_id_idx on public.exercises (category_id);
comment on table public.exercises is
  'Exercise catalogue: global exercises (trainer_id null, edited in the dashboard) and trainers'' own. Devices cache it read-only; trainers edit their own.';
comment on column public.exercises.trainer_id is 'Owner of a custom exercise; null for the global catalogue. Visible to the trainer and their active clients.';
comment on column public.exercises.body_part is 'Main body region: chest | back | shoulders | arms | core | legs | glutes | full_body | cardio | mobility.';
comment on column public.exercises.alternatives is 'Ids of exercises that can substitute for this one (same movement pattern); not enforced as foreign keys.';
comment on column public.exercises.is_unilateral is 'True when performed one side at a time (loads and reps are per side).';
comment on column public.exercises.archived is 'Hidden from pickers but kept for history (programs and logs still reference it).';
select sync.track_table('public.exercises');
alter table public.exercises enable row level security;

create policy exercises_select on public.exercises for select to authenticated
  using (
    trainer_id is null
    or trainer_id = (select auth.uid())
    or trainer_id = any ((select public.my_trainer_ids())::uuid[])
  );
comment on policy exercises_select on public.exercises is
  'Global exercises for every signed-in user; a trainer''s own exercises for the trainer and their active clients (their programs use them).';
create policy exercises_insert on public.exercises for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy exercises_insert on public.exercises is 'Trainers add their own exercises; global ones come from the dashboard.';
create policy exercises_update on public.exercises for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy exercises_update on public.exercises is 'A trainer edits only their own exercises.';
create policy exercises_delete on public.exercises for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy exercises_delete on public.exercises is 'A trainer deletes (soft) only their own exercises.';
