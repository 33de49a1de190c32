-- Module 5, progress: body measurements, trainers' check-in questionnaires, weekly check-ins
-- and goals. measurements, check_ins and goals are synced tables; check_in_forms is read by
-- devices (clients copy a form's questions into their check-in).
--
-- Who may do what:
--   measurements    the client writes; active trainers read.
--   check_in_forms  the trainer writes their own; their active clients read.
--   check_ins       the client submits answers (and may delete their check-in); the trainer it
--                   is addressed to writes the response and marks it reviewed. Neither may
--                   touch the other's fields (check_ins_guard).
--   goals           shared plan: the client and their active trainers both write.

-- Shape checks for the questionnaire jsonb ----------------------------------------------------
-- questions: [{id: text, label: text, type: scale|number|text|yes_no, required?: bool,
--              min?: number, max?: number}]
create function public.check_in_questions_valid(questions jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(questions) = 'array'
    and not exists (
      select 1 from jsonb_array_elements(questions) q
      where jsonb_typeof(q) <> 'object'
        or jsonb_typeof(q -> 'id') is distinct from 'string'
        or length(q ->> 'id') = 0
        or jsonb_typeof(q -> 'label') is distinct from 'string'
        or length(trim(q ->> 'label')) = 0
        or (q ->> 'type') is null
        or (q ->> 'type') not in ('scale', 'number', 'text', 'yes_no')
        or (q ? 'required' and jsonb_typeof(q -> 'required') <> 'boolean')
        or (q ? 'min' and jsonb_typeof(q -> 'min') <> 'number')
        or (q ? 'max' and jsonb_typeof(q -> 'max') <> 'number')
    )
$$;
comment on function public.check_in_questions_valid(jsonb) is
  'True when questions is an array of {id, label, type: scale|number|text|yes_no, required?, min?, max?}. Used by CHECK constraints.';

-- measurements -------------------------------------------------------------------------------
create table public.measurements (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  measured_at timestamptz not null default now(),
  weight_kg numeric(5, 1),
  body_fat_pct numeric(4, 1),
  neck_cm numeric(5, 1),
  chest_cm numeric(5, 1),
  arm_cm numeric(5, 1),
  waist_cm numeric(5, 1),
  hips_cm numeric(5, 1),
  thigh_cm numeric(5, 1),
  calf_cm numeric(5, 1),
  skinfolds jsonb,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint measurements_weight_kg_range check (weight_kg > 20 and weight_kg <= 700),
  constraint measurements_body_fat_pct_range check (body_fat_pct between 1 and 75),
  constraint measurements_neck_cm_range check (neck_cm > 0 and neck_cm <= 300),
  constraint measurements_chest_cm_range check (chest_cm > 0 and chest_cm <= 300),
  constraint measurements_arm_cm_range check (arm_cm > 0 and arm_cm <= 300),
  constraint measurements_waist_cm_range check (waist_cm > 0 and waist_cm <= 300),
  constraint measurements_hips_cm_range check (hips_cm > 0 and hips_cm <= 300),
  constraint measurements_thigh_cm_range check (thigh_cm > 0 and thigh_cm <= 300),
  constraint measurements_calf_cm_range check (calf_cm > 0 and calf_cm <= 300),
  constraint measurements_skinfolds_object check (skinfolds is null or jsonb_typeof(skinfolds) = 'object'),
  constraint measurements_notes_length check (notes is null or length(notes) <= 2000)
);
create index measurements_client_id_measured_at_idx on public.measurements (client_id, measured_at);
comment on table public.measurements is
  'Body measurements over time: weight, body fat %, circumferences, skinfolds. Synced; written by the client; active trainers read.';
comment on column public.measurements.weight_kg is 'Body weight in kg (stored in kg whatever the display unit).';
comment on column public.measurements.body_fat_pct is 'Body fat percentage, 1-75.';
comment on column public.measurements.thigh_cm is 'Leg (mid-thigh) circumference in cm.';
comment on column public.measurements.skinfolds is 'Skinfold sites in mm as a JSON object, e.g. {"triceps": 12, "abdominal": 20, "thigh": 15}.';
select sync.track_table('public.measurements');
alter table public.measurements enable row level security;

create policy measurements_select on public.measurements for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy measurements_select on public.measurements is 'The client and their active trainers read measurements.';
create policy measurements_insert on public.measurements for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy measurements_insert on public.measurements is 'Only the client records measurements (a log, not a plan).';
create policy measurements_update on public.measurements for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy measurements_update on public.measurements is 'Only the client edits their measurements.';
create policy measurements_delete on public.measurements for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy measurements_delete on public.measurements is 'Only the client deletes (soft) their measurements.';

-- check_in_forms -----------------------------------------------------------------------------
create table public.check_in_forms (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  name text not null,
  description text,
  questions jsonb not null default '[]'::jsonb,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint check_in_forms_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint check_in_forms_questions_shape check (public.check_in_questions_valid(questions))
);
create index check_in_forms_trainer_id_idx on public.check_in_forms (trainer_id);
comment on table public.check_in_forms is
  'A trainer''s weekly check-in questionnaire. Clients copy its questions into each check-in, so editing a form never rewrites past answers.';
comment on column public.check_in_forms.questions is
  'JSON array of {id, label, type: scale|number|text|yes_no, required?, min?, max?} (checked by check_in_questions_valid).';
comment on column public.check_in_forms.active is 'The form clients are asked to fill in; inactive forms are kept for history.';
select sync.track_table('public.check_in_forms');
alter table public.check_in_forms enable row level security;

create policy check_in_forms_select on public.check_in_forms for select to authenticated
  using (trainer_id = (select auth.uid()) or trainer_id = any ((select public.my_trainer_ids())::uuid[]));
comment on policy check_in_forms_select on public.check_in_forms is 'The trainer and their active clients read the trainer''s forms.';
create policy check_in_forms_insert on public.check_in_forms for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy check_in_forms_insert on public.check_in_forms is 'Trainers create their own forms.';
create policy check_in_forms_update on public.check_in_forms for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy check_in_forms_update on public.check_in_forms is 'Only the trainer edits their forms.';
create policy check_in_forms_delete on public.check_in_forms for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy check_in_forms_delete on public.check_in_forms is 'Only the trainer deletes (soft) their forms.';

-- check_ins ----------------------------------------------------------------------------------
create table public.check_ins (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  trainer_id uuid references public.profiles (id) on delete set null,
  form_id uuid references public.check_in_forms (id) on delete set null,
  week_start date not null,
  questions jsonb not null default '[]'::jsonb,
  answers jsonb not null default '{}'::jsonb,
  status text not null default 'pending',
  submitted_at timestamptz not null default now(),
  trainer_response text,
  reviewed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint check_ins_status_known check (status in ('pending', 'reviewed')),
  constraint check_ins_questions_shape check (public.check_in_questions_valid(questions)),
  constraint check_ins_answers_object check (jsonb_typeof(answers) = 'object'),
  constraint check_ins_trainer_response_length check (trainer_response is null or length(trainer_response) <= 8000)
);
create index check_ins_client_id_week_start_idx on public.check_ins (client_id, week_start);
create index check_ins_trainer_id_status_idx on public.check_ins (trainer_id, status);
create index check_ins_form_id_idx on public.check_ins (form_id);
comment on table public.check_ins is
  'Weekly check-in: the client''s answers to a snapshot of the trainer''s questions, and the trainer''s response. Synced.';
comment on column public.check_ins.trainer_id is 'The trainer the check-in is addressed to (one of the client''s active trainers); only they may respond.';
comment on column public.check_ins.week_start is 'First day (Monday) of the week the check-in covers.';
comment on column public.check_ins.questions is 'Snapshot of the form''s questions when the client answered (same shape as check_in_forms.questions).';
comment on column public.check_ins.answers is 'JSON object keyed by question id: number for scale/number, text for text, boolean for yes_no.';
comment on column public.check_ins.status is 'pending (submitted, awaiting the trainer) | reviewed (the trainer responded).';
comment on column public.check_ins.trainer_response is 'The trainer''s written feedback; only the addressed trainer may set it.';
select sync.track_table('public.check_ins');
alter table public.check_ins enable row level security;

-- Column ownership within a row: the client owns the answers, the trainer owns the review.
create function public.check_ins_guard()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  trainer_fields text[] := array['status', 'trainer_response', 'reviewed_at'];
  sync_fields text[] := array['updated_at', 'updated_by_device', 'server_rev', 'txid'];
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  if caller = old.client_id then
    if new.status is distinct from old.status
       or new.trainer_response is distinct from old.trainer_response
       or new.reviewed_at is distinct from old.reviewed_at then
      raise exception using errcode = '42501',
        message = 'permission denied: check_ins.trainer_response, status and reviewed_at are written by the trainer';
    end if;
    if new.trainer_id is distinct from old.trainer_id
       and new.trainer_id is not null and not (new.trainer_id = any (public.my_trainer_ids())) then
      raise exception using errcode = '42501',
        message = 'permission denied: check_ins.trainer_id must be one of your active trainers';
    end if;
  else
    if (to_jsonb(new) - trainer_fields - sync_fields) is distinct from (to_jsonb(old) - trainer_fields - sync_fields) then
      raise exception using errcode = '42501',
        message = 'permission denied: a trainer may only change check_ins.trainer_response, status and reviewed_at';
    end if;
    if new.status = 'reviewed' and old.status <> 'reviewed' then
      new.reviewed_at := coalesce(new.reviewed_at, now());
    end if;
  end if;
  return new;
end;
$$;
comment on function public.check_ins_guard() is
  'BEFORE UPDATE on check_ins: the client may not write the trainer''s fields, the trainer may write only those.';
revoke execute on function public.check_ins_guard() from public, anon, authenticated;
create trigger check_ins_guard before update on public.check_ins
  for each row execute function public.check_ins_guard();

create policy check_ins_select on public.check_ins for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy check_ins_select on public.check_ins is 'The client and their active trainers read check-ins.';
create policy check_ins_insert on public.check_ins for insert to authenticated
  with check (
    client_id = (select auth.uid())
    and status = 'pending'
    and trainer_response is null
    and (trainer_id is null or trainer_id = any ((select public.my_trainer_ids())::uuid[]))
  );
comment on policy check_ins_insert on public.check_ins is 'The client submits a check-in, addressed to one of their active trainers.';
create policy check_ins_update on public.check_ins for update to authenticated
  using (
    client_id = (select auth.uid())
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    client_id = (select auth.uid())
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy check_ins_update on public.check_ins is
  'The client edits answers; the addressed trainer (while the client is active) writes the response. Field split enforced by check_ins_guard.';
create policy check_ins_delete on public.check_ins for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy check_ins_delete on public.check_ins is 'Only the client deletes (soft) their check-in.';

-- goals --------------------------------------------------------------------------------------
create table public.goals (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  trainer_id uuid references public.profiles (id) on delete set null,
  title text not null,
  metric text not null,
  exercise_id uuid references public.exercises (id) on delete set null,
  unit text,
  start_value numeric(10, 2),
  current_value numeric(10, 2),
  target_value numeric(10, 2) not null,
  target_date date,
  status text not null default 'active',
  achieved_at timestamptz,
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint goals_title_not_blank check (length(trim(title)) between 1 and 120),
  constraint goals_metric_known check (metric in
    ('body_weight', 'body_fat', 'circumference', 'exercise_1rm', 'exercise_reps', 'workouts_per_week', 'habit_streak', 'custom')),
  constraint goals_exercise_id_for_exercise_metric check (metric not in ('exercise_1rm', 'exercise_reps') or exercise_id is not null),
  constraint goals_status_known check (status in ('active', 'completed', 'paused', 'abandoned')),
  constraint goals_unit_length check (unit is null or length(unit) between 1 and 16),
  constraint goals_notes_length check (notes is null or length(notes) <= 2000)
);
create index goals_client_id_idx on public.goals (client_id);
create index goals_trainer_id_idx on public.goals (trainer_id);
create index goals_exercise_id_idx on public.goals (exercise_id);
comment on table public.goals is
  'Client goals with start, current and target values and status (seed 004). Synced; the client and their active trainers both write them.';
comment on column public.goals.trainer_id is 'The trainer who set the goal; null when the client set it.';
comment on column public.goals.metric is 'What is measured: body_weight | body_fat | circumference | exercise_1rm | exercise_reps | workouts_per_week | habit_streak | custom.';
comment on column public.goals.exercise_id is 'The exercise for exercise_1rm / exercise_reps goals.';
comment on column public.goals.current_value is 'Latest progress value (updated from logs and measurements by the device).';
select sync.track_table('public.goals');
alter table public.goals enable row level security;

create policy goals_select on public.goals for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy goals_select on public.goals is 'The client and their active trainers read goals.';
create policy goals_insert on public.goals for insert to authenticated
  with check (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy goals_insert on public.goals is 'Goals are a shared plan: the client or an active trainer sets them.';
create policy goals_update on public.goals for update to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]))
  with check (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy goals_update on public.goals is 'The client or an active trainer updates goals.';
create policy goals_delete on public.goals for delete to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy goals_delete on public.goals is 'The client or an active trainer deletes (soft) goals.';

alter publication supabase_realtime add table public.measurements, public.check_ins, public.goals;
