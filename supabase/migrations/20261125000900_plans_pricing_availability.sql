-- Module 8 (part 1), what is on offer: the platform's subscription plans (seed 000), client
-- subscriptions, each trainer's session pricing and cancellation policy (seed 003), and
-- trainers' weekly availability windows with exceptions (seeds 003, 004), from which bookable
-- slots are derived.
--
-- Who may do what:
--   subscription_plans      everyone reads, anon included (pricing page); dashboard writes.
--   subscriptions           the client and their active trainers read; written by server
--                           functions and the payment provider's webhook (service role) only.
--   trainer_pricing         every signed-in user reads (a listing); the trainer writes theirs.
--   trainer_availability,
--   availability_exceptions the trainer and their active clients read; the trainer writes.

-- subscription_plans -------------------------------------------------------------------------
create table public.subscription_plans (
  id uuid primary key default extensions.gen_random_uuid(),
  code text not null,
  name text not null,
  tier_label text,
  description text,
  gym_exercises boolean not null default true,
  free_meetings_per_month smallint not null default 0,
  diet_plan_frequency text not null default 'one_time',
  price_cents integer not null,
  currency text not null default 'USD',
  billing_interval text not null default 'month',
  trial_days smallint not null default 7,
  active boolean not null default true,
  position smallint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint subscription_plans_code_format check (code ~ '^[a-z0-9_]{1,40}$'),
  constraint subscription_plans_name_not_blank check (length(trim(name)) between 1 and 80),
  constraint subscription_plans_free_meetings_per_month_range check (free_meetings_per_month between 0 and 100),
  constraint subscription_plans_diet_plan_frequency_known check (diet_plan_frequency in ('none', 'one_time', 'monthly', 'biweekly')),
  constraint subscription_plans_price_cents_range check (price_cents between 0 and 10000000),
  constraint subscription_plans_currency_format check (currency ~ '^[A-Z]{3}$'),
  constraint subscription_plans_billing_interval_known check (billing_interval in ('month', 'year')),
  constraint subscription_plans_trial_days_range check (trial_days between 0 and 90)
);
create unique index subscription_plans_code_key on public.subscription_plans (code) where not deleted;
comment on table public.subscription_plans is
  'The platform''s plans (seed 000: Plan 1/2/3). Public: shown on the pricing page before sign-up. Edited in the dashboard.';
comment on column public.subscription_plans.code is 'Stable key used by code and the payment provider, e.g. plan_1.';
comment on column public.subscription_plans.tier_label is 'Marketing tier name from seed 000 (BASIC, PRIME, PREMIUM).';
comment on column public.subscription_plans.gym_exercises is 'Plan includes the gym program/exercise features.';
comment on column public.subscription_plans.free_meetings_per_month is 'Free 1:1 meetings granted as credits each month (credit_ledger reason grant).';
comment on column public.subscription_plans.diet_plan_frequency is 'How often the client gets a new meal plan: none | one_time | monthly | biweekly.';
comment on column public.subscription_plans.price_cents is 'Price per billing interval in minor units (999 = 9.99).';
comment on column public.subscription_plans.trial_days is 'Free trial length on sign-up (seed 000: 7 days).';
select sync.track_table('public.subscription_plans');
alter table public.subscription_plans enable row level security;

create policy subscription_plans_select_anon on public.subscription_plans for select to anon
  using (true);
comment on policy subscription_plans_select_anon on public.subscription_plans is 'Public price list: visitors see the plans before signing up.';
create policy subscription_plans_select on public.subscription_plans for select to authenticated
  using (true);
comment on policy subscription_plans_select on public.subscription_plans is 'Every signed-in user reads the plans. No write policies: the dashboard edits them.';

-- subscriptions ------------------------------------------------------------------------------
create table public.subscriptions (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete restrict,
  plan_id uuid not null references public.subscription_plans (id) on delete restrict,
  status text not null default 'trialing',
  current_period_start timestamptz not null default now(),
  current_period_end timestamptz not null,
  cancel_at_period_end boolean not null default false,
  cancelled_at timestamptz,
  provider text,
  provider_ref text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint subscriptions_status_known check (status in ('trialing', 'active', 'past_due', 'cancelled')),
  constraint subscriptions_current_period_end_after_start check (current_period_end > current_period_start),
  constraint subscriptions_provider_ref_with_provider check (provider_ref is null or provider is not null)
);
create unique index subscriptions_one_live_per_client_key on public.subscriptions (client_id)
  where status in ('trialing', 'active', 'past_due') and not deleted;
create unique index subscriptions_provider_ref_key on public.subscriptions (provider, provider_ref) where provider_ref is not null;
create index subscriptions_client_id_idx on public.subscriptions (client_id);
create index subscriptions_plan_id_idx on public.subscriptions (plan_id);
comment on table public.subscriptions is
  'A client''s subscription to a plan. At most one live (trialing/active/past_due) per client. Written by server functions/webhooks only.';
comment on column public.subscriptions.status is 'trialing | active | past_due | cancelled.';
comment on column public.subscriptions.cancel_at_period_end is 'Cancelled by the client but running until current_period_end.';
comment on column public.subscriptions.provider_ref is 'The payment provider''s subscription id (unique per provider).';
select sync.track_table('public.subscriptions');
alter table public.subscriptions enable row level security;

create policy subscriptions_select on public.subscriptions for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy subscriptions_select on public.subscriptions is
  'The client and their active trainers (who honour the plan''s meetings and diet cadence) read it. No write policies: functions only.';

-- trainer_pricing ----------------------------------------------------------------------------
create table public.trainer_pricing (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  currency text not null default 'USD',
  offers_single boolean not null default true,
  single_session_price_cents integer,
  offers_five_pack boolean not null default false,
  five_pack_price_cents integer,
  offers_ten_pack boolean not null default false,
  ten_pack_price_cents integer,
  cancellation_policy text not null default 'up_to_24h',
  free_trial_session boolean not null default false,
  trial_sessions_per_week smallint not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint trainer_pricing_currency_format check (currency ~ '^[A-Z]{3}$'),
  constraint trainer_pricing_single_session_price_cents_range check (single_session_price_cents between 0 and 10000000),
  constraint trainer_pricing_five_pack_price_cents_range check (five_pack_price_cents between 0 and 10000000),
  constraint trainer_pricing_ten_pack_price_cents_range check (ten_pack_price_cents between 0 and 10000000),
  constraint trainer_pricing_single_session_price_cents_when_offered check (not offers_single or single_session_price_cents is not null),
  constraint trainer_pricing_five_pack_price_cents_when_offered check (not offers_five_pack or five_pack_price_cents is not null),
  constraint trainer_pricing_ten_pack_price_cents_when_offered check (not offers_ten_pack or ten_pack_price_cents is not null),
  constraint trainer_pricing_cancellation_policy_known check (cancellation_policy in ('always_free', 'up_to_12h', 'up_to_24h')),
  constraint trainer_pricing_trial_sessions_per_week_range check (trial_sessions_per_week between 0 and 50)
);
create unique index trainer_pricing_trainer_id_key on public.trainer_pricing (trainer_id) where not deleted;
create index trainer_pricing_trainer_id_idx on public.trainer_pricing (trainer_id);
comment on table public.trainer_pricing is
  'A trainer''s session prices (single, 5-pack, 10-pack) and cancellation policy (seed 003). One live row per trainer; a public listing.';
comment on column public.trainer_pricing.five_pack_price_cents is 'Price of 5 session credits in minor units.';
comment on column public.trainer_pricing.ten_pack_price_cents is 'Price of 10 session credits in minor units.';
comment on column public.trainer_pricing.cancellation_policy is
  'always_free (refund whenever cancelled) | up_to_12h | up_to_24h (refund only when cancelled at least that long before the start).';
comment on column public.trainer_pricing.free_trial_session is 'The trainer offers a free first session.';
comment on column public.trainer_pricing.trial_sessions_per_week is 'Cap on free trial sessions per week (seed 003 weeklyTrialLimit).';
select sync.track_table('public.trainer_pricing');
alter table public.trainer_pricing enable row level security;

create policy trainer_pricing_select on public.trainer_pricing for select to authenticated
  using (true);
comment on policy trainer_pricing_select on public.trainer_pricing is 'A public price listing: every signed-in user reads it.';
create policy trainer_pricing_insert on public.trainer_pricing for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy trainer_pricing_insert on public.trainer_pricing is 'A trainer sets their own prices.';
create policy trainer_pricing_update on public.trainer_pricing for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy trainer_pricing_update on public.trainer_pricing is 'Only the trainer edits their prices (bookings snapshot the policy they were made under).';
create policy trainer_pricing_delete on public.trainer_pricing for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy trainer_pricing_delete on public.trainer_pricing is 'Only the trainer deletes (soft) their prices.';

-- trainer_availability -----------------------------------------------------------------------
create table public.trainer_availability (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  day_of_week smallint not null,
  start_time time not null,
  end_time time not null,
  timezone text not null default 'UTC',
  session_minutes smallint not null default 60,
  break_minutes smallint not null default 0,
  effective_from date,
  effective_until date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint trainer_availability_day_of_week_range check (day_of_week between 0 and 6),
  constraint trainer_availability_end_time_after_start_time check (end_time > start_time),
  constraint trainer_availability_timezone_not_blank check (length(trim(timezone)) between 1 and 64),
  constraint trainer_availability_session_minutes_range check (session_minutes between 5 and 480),
  constraint trainer_availability_break_minutes_range check (break_minutes between 0 and 240),
  constraint trainer_availability_effective_until_after_from check (effective_until is null or effective_from is null or effective_until >= effective_from)
);
create index trainer_availability_trainer_id_day_of_week_idx on public.trainer_availability (trainer_id, day_of_week);
comment on table public.trainer_availability is
  'Weekly availability windows (e.g. Monday 06:00-12:00, 60-minute sessions, 15-minute breaks). Bookable slots are derived from these minus exceptions and bookings.';
comment on column public.trainer_availability.day_of_week is '0 = Sunday .. 6 = Saturday, in the window''s timezone.';
comment on column public.trainer_availability.start_time is 'Local start time of the window (in timezone).';
comment on column public.trainer_availability.end_time is 'Local end time of the window; after start_time (windows do not cross midnight).';
comment on column public.trainer_availability.timezone is 'IANA time zone the window''s times are in.';
comment on column public.trainer_availability.session_minutes is 'Length of one bookable session in the window.';
comment on column public.trainer_availability.break_minutes is 'Gap kept between consecutive sessions.';
comment on column public.trainer_availability.effective_from is 'First date the window applies (null: always); with effective_until for seasons and holidays (seed 004).';
select sync.track_table('public.trainer_availability');
alter table public.trainer_availability enable row level security;

create policy trainer_availability_select on public.trainer_availability for select to authenticated
  using (trainer_id = (select auth.uid()) or trainer_id = any ((select public.my_trainer_ids())::uuid[]));
comment on policy trainer_availability_select on public.trainer_availability is 'The trainer and their active clients (who book) read it.';
create policy trainer_availability_insert on public.trainer_availability for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy trainer_availability_insert on public.trainer_availability is 'A trainer sets their own availability.';
create policy trainer_availability_update on public.trainer_availability for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy trainer_availability_update on public.trainer_availability is 'Only the trainer edits it.';
create policy trainer_availability_delete on public.trainer_availability for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy trainer_availability_delete on public.trainer_availability is 'Only the trainer deletes (soft) it.';

-- availability_exceptions --------------------------------------------------------------------
create table public.availability_exceptions (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  exception_date date not null,
  start_time time,
  end_time time,
  timezone text not null default 'UTC',
  reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint availability_exceptions_start_time_and_end_time_together check ((start_time is null) = (end_time is null)),
  constraint availability_exceptions_end_time_after_start_time check (end_time is null or end_time > start_time),
  constraint availability_exceptions_timezone_not_blank check (length(trim(timezone)) between 1 and 64),
  constraint availability_exceptions_reason_length check (reason is null or length(reason) <= 500)
);
create index availability_exceptions_trainer_id_date_idx on public.availability_exceptions (trainer_id, exception_date);
comment on table public.availability_exceptions is
  'Days off and partial unavailability that override the weekly windows: start_time/end_time null = the whole day.';
comment on column public.availability_exceptions.exception_date is 'Local date (in timezone) the trainer is unavailable.';
comment on column public.availability_exceptions.start_time is 'Start of the unavailable part of the day; null with end_time for the whole day.';
comment on column public.availability_exceptions.reason is 'Private note, visible to the trainer and their active clients.';
select sync.track_table('public.availability_exceptions');
alter table public.availability_exceptions enable row level security;

create policy availability_exceptions_select on public.availability_exceptions for select to authenticated
  using (trainer_id = (select auth.uid()) or trainer_id = any ((select public.my_trainer_ids())::uuid[]));
comment on policy availability_exceptions_select on public.availability_exceptions is 'The trainer and their active clients read exceptions.';
create policy availability_exceptions_insert on public.availability_exceptions for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy availability_exceptions_insert on public.availability_exceptions is 'A trainer adds their own exceptions.';
create policy availability_exceptions_update on public.availability_exceptions for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy availability_exceptions_update on public.availability_exceptions is 'Only the trainer edits them.';
create policy availability_exceptions_delete on public.availability_exceptions for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy availability_exceptions_delete on public.availability_exceptions is 'Only the trainer deletes (soft) them.';
