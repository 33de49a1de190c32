-- Module 7, nutrition: the food composition table (global reference data, cached read-only on
-- devices for offline search), meal plans (templates and client copies, meals and items kept in
-- one jsonb document) and the client's food log.
--
-- meal_plans.meals is one document on purpose: RxDB's open-source build allows at most 12
-- synced collections, so meals and their items live inside the plan, each element with its own
-- id (so edits merge per element) and a position order key. Shape (checked by
-- public.meal_plan_meals_valid):
--   [{ "id": text, "name": text, "position": text|number, "time"?: "HH:MM", "notes"?: text,
--      "items": [{ "id": text, "food_id": uuid text|null, "name"?: text, "grams": number > 0,
--                  "position": text|number, "notes"?: text }] }]
-- An item needs a food_id or a name.
--
-- Who may do what:
--   foods       every signed-in user reads; the dashboard writes.
--   meal_plans  like programs: the author edits while the client is active (templates always);
--               the client and their active trainers read; templates only their trainer.
--   food_logs   the client writes; active trainers read (adherence).

-- foods --------------------------------------------------------------------------------------
create table public.foods (
  id uuid primary key default extensions.gen_random_uuid(),
  name text not null,
  brand text,
  category text not null default 'other',
  kcal_per_100g numeric(6, 1) not null,
  protein_g_per_100g numeric(5, 2) not null,
  carbs_g_per_100g numeric(5, 2) not null,
  fat_g_per_100g numeric(5, 2) not null,
  fibre_g_per_100g numeric(5, 2),
  sugar_g_per_100g numeric(5, 2),
  sodium_mg_per_100g numeric(7, 1),
  serving_sizes jsonb not null default '[]'::jsonb,
  barcode text,
  source text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint foods_name_not_blank check (length(trim(name)) between 1 and 160),
  constraint foods_category_known check (category in
    ('meat', 'fish', 'dairy', 'eggs', 'grains', 'bread', 'legumes', 'vegetables', 'fruit', 'nuts_seeds',
     'fats_oils', 'snacks', 'sweets', 'beverages', 'supplements', 'prepared', 'condiments', 'other')),
  constraint foods_kcal_per_100g_range check (kcal_per_100g between 0 and 900),
  constraint foods_protein_g_per_100g_range check (protein_g_per_100g between 0 and 100),
  constraint foods_carbs_g_per_100g_range check (carbs_g_per_100g between 0 and 100),
  constraint foods_fat_g_per_100g_range check (fat_g_per_100g between 0 and 100),
  constraint foods_macros_per_100g_total check (protein_g_per_100g + carbs_g_per_100g + fat_g_per_100g <= 100.5),
  constraint foods_fibre_g_per_100g_range check (fibre_g_per_100g between 0 and 100),
  constraint foods_sugar_g_per_100g_range check (sugar_g_per_100g between 0 and 100),
  constraint foods_sodium_mg_per_100g_range check (sodium_mg_per_100g between 0 and 100000),
  constraint foods_serving_sizes_array check (jsonb_typeof(serving_sizes) = 'array'),
  constraint foods_barcode_format check (barcode is null or barcode ~ '^[0-9]{8,14}$')
);
create unique index foods_barcode_key on public.foods (barcode) where not deleted and barcode is not null;
create index foods_name_idx on public.foods (lower(name));
comment on table public.foods is
  'Food composition per 100 g (kcal, protein, carbs, fat, fibre). Global reference data edited in the dashboard; devices cache it for offline search.';
comment on column public.foods.serving_sizes is 'JSON array of {label, grams}, e.g. [{"label": "1 medium", "grams": 118}].';
comment on column public.foods.source is 'Where the values come from (e.g. "fitcoach demo", a national food table id).';
select sync.track_table('public.foods');
alter table public.foods enable row level security;

create policy foods_select on public.foods for select to authenticated
  using (true);
comment on policy foods_select on public.foods is 'Reference data: every signed-in user reads it. No write policies: admins edit it in the dashboard.';

-- meal_plans ---------------------------------------------------------------------------------
create function public.meal_plan_meals_valid(meals jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(meals) = 'array'
    and not exists (
      select 1 from jsonb_array_elements(meals) m
      where jsonb_typeof(m) <> 'object'
        or jsonb_typeof(m -> 'id') is distinct from 'string' or length(m ->> 'id') = 0
        or jsonb_typeof(m -> 'name') is distinct from 'string' or length(trim(m ->> 'name')) = 0
        or coalesce(jsonb_typeof(m -> 'position'), 'null') not in ('string', 'number')
        or jsonb_typeof(m -> 'items') is distinct from 'array'
        or exists (
          select 1 from jsonb_array_elements(case when jsonb_typeof(m -> 'items') = 'array' then m -> 'items' else '[]'::jsonb end) i
          where jsonb_typeof(i) <> 'object'
            or jsonb_typeof(i -> 'id') is distinct from 'string' or length(i ->> 'id') = 0
            or coalesce(jsonb_typeof(i -> 'food_id'), 'null') not in ('string', 'null')
            or (jsonb_typeof(i -> 'food_id') = 'string'
                and (i ->> 'food_id') !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
            or (coalesce(jsonb_typeof(i -> 'food_id'), 'null') = 'null' and length(trim(coalesce(i ->> 'name', ''))) = 0)
            or case when jsonb_typeof(i -> 'grams') = 'number'
                    then (i ->> 'grams')::numeric <= 0 or (i ->> 'grams')::numeric > 5000
                    else true end
            or coalesce(jsonb_typeof(i -> 'position'), 'null') not in ('string', 'number')
        )
    )
$$;
comment on function public.meal_plan_meals_valid(jsonb) is
  'True when meals is an array of {id, name, position, items: [{id, food_id|name, grams, position}]}. Used by a CHECK constraint.';

create table public.meal_plans (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid references public.profiles (id) on delete set null,
  client_id uuid references public.profiles (id) on delete cascade,
  template_id uuid references public.meal_plans (id) on delete set null,
  name text not null,
  description text,
  cadence text not null default 'one_time',
  status text not null default 'active',
  kcal_target integer,
  protein_g_target numeric(6, 1),
  carbs_g_target numeric(6, 1),
  fat_g_target numeric(6, 1),
  starts_on date,
  ends_on date,
  meals jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint meal_plans_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint meal_plans_description_length check (description is null or length(description) <= 4000),
  constraint meal_plans_cadence_known check (cadence in ('one_time', 'monthly', 'biweekly')),
  constraint meal_plans_status_known check (status in ('draft', 'active', 'archived')),
  constraint meal_plans_kcal_target_range check (kcal_target between 0 and 10000),
  constraint meal_plans_protein_g_target_range check (protein_g_target between 0 and 1000),
  constraint meal_plans_carbs_g_target_range check (carbs_g_target between 0 and 2000),
  constraint meal_plans_fat_g_target_range check (fat_g_target between 0 and 1000),
  constraint meal_plans_ends_on_after_starts_on check (ends_on is null or starts_on is null or ends_on >= starts_on),
  constraint meal_plans_template_id_not_self check (template_id is distinct from id),
  constraint meal_plans_meals_array check (jsonb_typeof(meals) = 'array'),
  constraint meal_plans_meals_shape check (public.meal_plan_meals_valid(meals))
);
create index meal_plans_trainer_id_idx on public.meal_plans (trainer_id);
create index meal_plans_client_id_idx on public.meal_plans (client_id);
create index meal_plans_template_id_idx on public.meal_plans (template_id);
comment on table public.meal_plans is
  'Meal plans: a trainer''s templates (client_id null) and client copies, with calorie/macro targets and the meals as one jsonb document. Synced.';
comment on column public.meal_plans.client_id is 'Assigned client; null for a template (visible only to its trainer).';
comment on column public.meal_plans.template_id is 'Template this copy was made from.';
comment on column public.meal_plans.cadence is 'How often the plan is renewed, from the client''s subscription: one_time | monthly | biweekly.';
comment on column public.meal_plans.kcal_target is 'Daily energy target in kcal.';
comment on column public.meal_plans.meals is
  'JSON array of meals {id, name, position, time?, notes?, items: [{id, food_id (foods.id) or name, grams, position, notes?}]}; per-element ids let offline edits merge.';
select sync.track_table('public.meal_plans');
alter table public.meal_plans enable row level security;

create policy meal_plans_select on public.meal_plans for select to authenticated
  using (
    client_id = (select auth.uid())
    or client_id = any ((select public.my_client_ids())::uuid[])
    or (client_id is null and trainer_id = (select auth.uid()))
  );
comment on policy meal_plans_select on public.meal_plans is 'The assigned client and their active trainers read a plan; a template only its trainer.';
create policy meal_plans_insert on public.meal_plans for insert to authenticated
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy meal_plans_insert on public.meal_plans is 'A trainer creates templates and plans for their active clients.';
create policy meal_plans_update on public.meal_plans for update to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    trainer_id = (select auth.uid())
    and (select public.current_app_role()) = 'trainer'
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy meal_plans_update on public.meal_plans is 'The author edits while the client is active; clients do not edit plans.';
create policy meal_plans_delete on public.meal_plans for delete to authenticated
  using (
    trainer_id = (select auth.uid())
    and (client_id is null or client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy meal_plans_delete on public.meal_plans is 'The author deletes (soft) it.';

-- food_logs ----------------------------------------------------------------------------------
create table public.food_logs (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  food_id uuid references public.foods (id) on delete set null,
  meal_plan_id uuid references public.meal_plans (id) on delete set null,
  custom_name text,
  eaten_at timestamptz not null default now(),
  meal_label text not null default 'other',
  grams numeric(7, 1),
  kcal numeric(7, 1),
  protein_g numeric(6, 1),
  carbs_g numeric(6, 1),
  fat_g numeric(6, 1),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint food_logs_food_id_or_custom_name check (food_id is not null or length(trim(coalesce(custom_name, ''))) > 0),
  constraint food_logs_custom_name_length check (custom_name is null or length(custom_name) <= 160),
  constraint food_logs_meal_label_known check (meal_label in
    ('breakfast', 'lunch', 'dinner', 'snack', 'pre_workout', 'post_workout', 'other')),
  constraint food_logs_grams_range check (grams > 0 and grams <= 5000),
  constraint food_logs_kcal_range check (kcal between 0 and 10000),
  constraint food_logs_protein_g_range check (protein_g between 0 and 1000),
  constraint food_logs_carbs_g_range check (carbs_g between 0 and 1000),
  constraint food_logs_fat_g_range check (fat_g between 0 and 1000),
  constraint food_logs_notes_length check (notes is null or length(notes) <= 1000)
);
create index food_logs_client_id_eaten_at_idx on public.food_logs (client_id, eaten_at);
create index food_logs_food_id_idx on public.food_logs (food_id);
create index food_logs_meal_plan_id_idx on public.food_logs (meal_plan_id);
comment on table public.food_logs is
  'What the client ate: a food from the table (or a custom name), grams and the macros computed on the device. Synced; written by the client.';
comment on column public.food_logs.meal_plan_id is 'The plan this entry counts against for adherence, if any.';
comment on column public.food_logs.custom_name is 'Name of a food not in the foods table (then macros are entered by hand).';
comment on column public.food_logs.meal_label is 'breakfast | lunch | dinner | snack | pre_workout | post_workout | other.';
comment on column public.food_logs.kcal is 'Energy of this entry (not per 100 g), computed on the device from grams and the food''s values.';
select sync.track_table('public.food_logs');
alter table public.food_logs enable row level security;

create policy food_logs_select on public.food_logs for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy food_logs_select on public.food_logs is 'The client and their active trainers read the food log.';
create policy food_logs_insert on public.food_logs for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy food_logs_insert on public.food_logs is 'Only the client logs food.';
create policy food_logs_update on public.food_logs for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy food_logs_update on public.food_logs is 'Only the client edits their food log.';
create policy food_logs_delete on public.food_logs for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy food_logs_delete on public.food_logs is 'Only the client deletes (soft) entries.';

alter publication supabase_realtime add table public.meal_plans, public.food_logs;
