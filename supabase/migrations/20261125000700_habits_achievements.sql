-- Module 6, habits and achievements: habits assigned by a trainer or created by the client,
-- their daily logs (streaks are computed from them), and achievements granted automatically.
--
-- Who may do what:
--   habits       a trainer assigns (trainer_id set) to an active client and edits what they
--                assigned; a client creates their own (trainer_id null) and edits only those.
--                The client and their active trainers read all of the client's habits.
--   habit_logs   the client writes (client_id copied from the habit); active trainers read.
--   achievements the client and active trainers read; granted by server functions only (no
--                write policy), and never twice: unique (client_id, key).

-- habits -------------------------------------------------------------------------------------
create table public.habits (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  trainer_id uuid references public.profiles (id) on delete set null,
  name text not null,
  description text,
  cadence text not null default 'daily',
  target_per_period smallint not null default 1,
  target_value numeric(10, 2),
  unit text,
  starts_on date not null default current_date,
  ends_on date,
  archived boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint habits_name_not_blank check (length(trim(name)) between 1 and 120),
  constraint habits_cadence_known check (cadence in ('daily', 'weekly')),
  constraint habits_target_per_period_range check (target_per_period between 1 and 7),
  constraint habits_target_value_range check (target_value > 0 and target_value <= 1000000),
  constraint habits_unit_length check (unit is null or length(unit) between 1 and 16),
  constraint habits_ends_on_after_starts_on check (ends_on is null or ends_on >= starts_on)
);
create index habits_client_id_idx on public.habits (client_id);
create index habits_trainer_id_idx on public.habits (trainer_id);
comment on table public.habits is
  'Habits to build (drink water, 10k steps, sleep 8 h): assigned by a trainer (trainer_id) or created by the client (trainer_id null). Synced.';
comment on column public.habits.trainer_id is 'Trainer who assigned it; null when the client created it (then only the client edits it).';
comment on column public.habits.cadence is 'daily | weekly: the period target_per_period counts in.';
comment on column public.habits.target_per_period is 'How many done days per period make the period a success (daily: 1).';
comment on column public.habits.target_value is 'Optional quantity per log (e.g. 2.5 with unit l, 10000 with unit steps).';
select sync.track_table('public.habits');
alter table public.habits enable row level security;

create policy habits_select on public.habits for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy habits_select on public.habits is 'The client and their active trainers read all of the client''s habits.';
create policy habits_insert on public.habits for insert to authenticated
  with check (
    (client_id = (select auth.uid()) and trainer_id is null)
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy habits_insert on public.habits is 'A client creates their own habits; a trainer assigns habits to active clients.';
create policy habits_update on public.habits for update to authenticated
  using (
    (client_id = (select auth.uid()) and trainer_id is null)
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  )
  with check (
    (client_id = (select auth.uid()) and trainer_id is null)
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy habits_update on public.habits is 'Whoever created the habit edits it: the client their own, the trainer what they assigned.';
create policy habits_delete on public.habits for delete to authenticated
  using (
    (client_id = (select auth.uid()) and trainer_id is null)
    or (trainer_id = (select auth.uid()) and client_id = any ((select public.my_client_ids())::uuid[]))
  );
comment on policy habits_delete on public.habits is 'Whoever created the habit deletes (soft) it; its logs follow.';

-- habit_logs ---------------------------------------------------------------------------------
create table public.habit_logs (
  id uuid primary key default extensions.gen_random_uuid(),
  habit_id uuid not null references public.habits (id) on delete cascade,
  client_id uuid,
  log_date date not null,
  done boolean not null default true,
  value numeric(10, 2),
  notes text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint habit_logs_value_range check (value >= 0 and value <= 1000000),
  constraint habit_logs_notes_length check (notes is null or length(notes) <= 1000)
);
create unique index habit_logs_habit_id_log_date_key on public.habit_logs (habit_id, log_date) where not deleted;
create index habit_logs_client_id_log_date_idx on public.habit_logs (client_id, log_date);
comment on table public.habit_logs is
  'One day of a habit: done and optional value. At most one live row per habit and day. Synced; written by the client.';
comment on column public.habit_logs.client_id is 'Copy of habits.client_id (trigger-maintained) so RLS and pull scoping never join.';
comment on column public.habit_logs.log_date is 'The client''s local calendar day the log is for.';
comment on column public.habit_logs.value is 'Quantity achieved that day (unit as in habits.unit).';
select sync.track_table('public.habit_logs');
create function public.habit_logs_inherit_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select p.client_id into new.client_id from public.habits p where p.id = new.habit_id;
  if not found then
    raise exception using
      errcode = '23503',
      message = format('habit_logs.habit_id: habit %s does not exist', new.habit_id);
  end if;
  return new;
end;
$$;
comment on function public.habit_logs_inherit_ownership() is
  'BEFORE INSERT OR UPDATE on habit_logs: copies client_id from habits (the device''s values are ignored).';
revoke execute on function public.habit_logs_inherit_ownership() from public, anon, authenticated;
create trigger habit_logs_inherit_ownership before insert or update on public.habit_logs
  for each row execute function public.habit_logs_inherit_ownership();
alter table public.habit_logs enable row level security;

create trigger habits_propagate_ownership after update of client_id on public.habits
  for each row when (old.client_id is distinct from new.client_id)
  execute function sync.propagate_ownership('public.habit_logs', 'habit_id');
create trigger habits_cascade_soft_delete after update of deleted on public.habits
  for each row when (new.deleted and not old.deleted)
  execute function sync.cascade_soft_delete('public.habit_logs', 'habit_id');

create policy habit_logs_select on public.habit_logs for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy habit_logs_select on public.habit_logs is 'The client and their active trainers read habit logs.';
create policy habit_logs_insert on public.habit_logs for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy habit_logs_insert on public.habit_logs is 'Only the client logs habits, for their own habits (client_id copied from the habit before this check).';
create policy habit_logs_update on public.habit_logs for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy habit_logs_update on public.habit_logs is 'Only the client edits their habit logs.';
create policy habit_logs_delete on public.habit_logs for delete to authenticated
  using (client_id = (select auth.uid()));
comment on policy habit_logs_delete on public.habit_logs is 'Only the client deletes (soft) their habit logs.';

-- achievements -------------------------------------------------------------------------------
create table public.achievements (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null,
  key text not null,
  title text not null,
  description text,
  earned_at timestamptz not null default now(),
  details jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint achievements_kind_known check (kind in ('milestone', 'streak', 'pr', 'goal', 'fun')),
  constraint achievements_key_format check (key ~ '^[a-z0-9_:.-]{1,120}$'),
  constraint achievements_title_not_blank check (length(trim(title)) between 1 and 120),
  constraint achievements_details_object check (jsonb_typeof(details) = 'object')
);
-- Deliberately not partial on deleted: an achievement is never granted twice.
create unique index achievements_client_id_key_key on public.achievements (client_id, key);
comment on table public.achievements is
  'Achievements earned by a client (milestones, streaks, PRs, goals). Granted by server functions; devices read them. Unique per (client, key).';
comment on column public.achievements.kind is 'milestone | streak | pr | goal | fun.';
comment on column public.achievements.key is 'Stable identity of the achievement for this client, e.g. streak:habit:<id>:30 or pr:<exercise id>:100kg; unique per client so it is granted once.';
comment on column public.achievements.details is 'Context shown with it, e.g. {"exercise_id": "...", "weight_kg": 100}.';
select sync.track_table('public.achievements');
alter table public.achievements enable row level security;

create policy achievements_select on public.achievements for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy achievements_select on public.achievements is
  'The client and their active trainers read achievements. No write policy: server functions grant them.';

alter publication supabase_realtime add table public.habits, public.habit_logs;
