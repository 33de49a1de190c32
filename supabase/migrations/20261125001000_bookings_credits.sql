-- Module 8 (part 2), money-like things, decided only on the server: payments, group sessions
-- and their attendees, bookings, and the credit ledger. Devices read them; nobody writes them
-- through the API. Postgres functions (next issues) write them in one transaction that locks
-- what it reads; the service role (dashboard, payment webhooks) bypasses RLS.
--
-- Invariants held by the schema itself, whoever writes:
--   * a trainer's booked time never overlaps (exclusion constraint over active bookings;
--     a group session occupies its trainer's time through one booking of kind group);
--   * a client is never in two active one-to-one bookings at once;
--   * a credit balance never goes below zero (constraint trigger per client and trainer);
--   * a retried request (same idempotency_key) cannot be recorded twice.
--
-- Who may read: the client their own rows, the trainer the rows addressed to them. Nobody
-- inserts, updates or deletes through the API (no such policies).

-- payments -----------------------------------------------------------------------------------
create table public.payments (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete restrict,
  trainer_id uuid references public.profiles (id) on delete restrict,
  purpose text not null,
  amount_cents integer not null,
  currency text not null default 'USD',
  provider text not null,
  provider_ref text,
  status text not null default 'pending',
  credits_purchased smallint,
  subscription_id uuid references public.subscriptions (id) on delete restrict,
  description text,
  paid_at timestamptz,
  idempotency_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint payments_purpose_known check (purpose in ('subscription', 'credit_pack', 'session', 'other')),
  constraint payments_amount_cents_range check (amount_cents between 0 and 100000000),
  constraint payments_currency_format check (currency ~ '^[A-Z]{3}$'),
  constraint payments_provider_not_blank check (length(trim(provider)) between 1 and 40),
  constraint payments_status_known check (status in ('pending', 'succeeded', 'failed', 'refunded')),
  constraint payments_credits_purchased_range check (credits_purchased between 1 and 1000),
  constraint payments_credits_purchased_for_credit_pack check (purpose <> 'credit_pack' or credits_purchased is not null),
  constraint payments_paid_at_when_succeeded check (status not in ('succeeded', 'refunded') or paid_at is not null),
  constraint payments_idempotency_key_length check (idempotency_key is null or length(idempotency_key) between 8 and 200)
);
create unique index payments_provider_ref_key on public.payments (provider, provider_ref) where provider_ref is not null;
create unique index payments_idempotency_key_key on public.payments (idempotency_key);
create index payments_client_id_idx on public.payments (client_id, created_at);
create index payments_trainer_id_idx on public.payments (trainer_id, created_at);
create index payments_subscription_id_idx on public.payments (subscription_id);
comment on table public.payments is
  'Money received: subscriptions, credit packs, single sessions, with the provider''s reference and status. Written by server functions and webhooks only.';
comment on column public.payments.client_id is 'Who paid.';
comment on column public.payments.trainer_id is 'The trainer the payment is for (credit packs, sessions); null for platform subscriptions.';
comment on column public.payments.purpose is 'subscription | credit_pack | session | other.';
comment on column public.payments.amount_cents is 'Amount in minor units of currency.';
comment on column public.payments.provider is 'Payment provider, e.g. stripe, manual.';
comment on column public.payments.provider_ref is 'The provider''s id for the payment (unique per provider), e.g. a Stripe PaymentIntent id.';
comment on column public.payments.idempotency_key is 'Key of the request that created it; a retry with the same key is the same payment.';
select sync.track_table('public.payments');
alter table public.payments enable row level security;

create policy payments_select on public.payments for select to authenticated
  using (client_id = (select auth.uid()) or trainer_id = (select auth.uid()));
comment on policy payments_select on public.payments is
  'The payer and the trainer paid read it (the trainer keeps it after the relationship ends: it is their record). No write policies.';

-- group_sessions -----------------------------------------------------------------------------
create table public.group_sessions (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete restrict,
  title text not null,
  description text,
  location text,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  capacity smallint not null,
  credits_per_seat smallint not null default 1,
  status text not null default 'scheduled',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint group_sessions_title_not_blank check (length(trim(title)) between 1 and 120),
  constraint group_sessions_ends_at_after_starts_at check (ends_at > starts_at),
  constraint group_sessions_capacity_positive check (capacity between 1 and 1000),
  constraint group_sessions_credits_per_seat_range check (credits_per_seat between 0 and 100),
  constraint group_sessions_status_known check (status in ('scheduled', 'cancelled', 'completed'))
);
create index group_sessions_trainer_id_starts_at_idx on public.group_sessions (trainer_id, starts_at);
comment on table public.group_sessions is
  'A group class with a capacity. Its time is blocked in the trainer''s calendar by one bookings row of kind group. Written by server functions.';
comment on column public.group_sessions.capacity is 'Maximum registered attendees (> 0).';
comment on column public.group_sessions.credits_per_seat is 'Credits a client spends to join.';
select sync.track_table('public.group_sessions');
alter table public.group_sessions enable row level security;

create policy group_sessions_select on public.group_sessions for select to authenticated
  using (trainer_id = (select auth.uid()) or trainer_id = any ((select public.my_trainer_ids())::uuid[]));
comment on policy group_sessions_select on public.group_sessions is 'The trainer and their active clients (who may join) read it. No write policies.';

-- bookings -----------------------------------------------------------------------------------
create table public.bookings (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete restrict,
  client_id uuid references public.profiles (id) on delete restrict,
  kind text not null default 'one_to_one',
  group_session_id uuid references public.group_sessions (id) on delete restrict,
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  -- Null when ends_at <= starts_at, so bookings_ends_at_after_starts_at reports the bad row
  -- (tstzrange() itself would fail first with an error that names no field).
  during tstzrange generated always as (case when ends_at > starts_at then tstzrange(starts_at, ends_at) end) stored,
  status text not null default 'requested',
  credits_spent smallint not null default 0,
  cancellation_policy text,
  series_id uuid,
  idempotency_key text,
  notes text,
  cancelled_at timestamptz,
  cancel_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint bookings_ends_at_after_starts_at check (ends_at > starts_at),
  constraint bookings_kind_known check (kind in ('one_to_one', 'group')),
  constraint bookings_kind_client_id_group_session_id check (
    (kind = 'one_to_one' and client_id is not null and group_session_id is null)
    or (kind = 'group' and client_id is null and group_session_id is not null)
  ),
  constraint bookings_status_known check (status in ('requested', 'scheduled', 'confirmed', 'completed', 'cancelled', 'no_show')),
  constraint bookings_credits_spent_range check (credits_spent between 0 and 100),
  constraint bookings_cancellation_policy_known check (cancellation_policy is null or cancellation_policy in ('always_free', 'up_to_12h', 'up_to_24h')),
  constraint bookings_client_id_not_trainer check (client_id is distinct from trainer_id),
  constraint bookings_idempotency_key_length check (idempotency_key is null or length(idempotency_key) between 8 and 200),
  constraint bookings_notes_length check (notes is null or length(notes) <= 2000),
  -- A trainer's booked time never overlaps, whoever writes (btree_gist gives uuid its = in gist).
  constraint bookings_trainer_id_during_no_overlap exclude using gist (trainer_id with =, during with &&)
    where (status in ('requested', 'scheduled', 'confirmed') and not deleted),
  constraint bookings_client_id_during_no_overlap exclude using gist (client_id with =, during with &&)
    where (kind = 'one_to_one' and status in ('requested', 'scheduled', 'confirmed') and not deleted)
);
create unique index bookings_idempotency_key_key on public.bookings (idempotency_key);
create index bookings_trainer_id_starts_at_idx on public.bookings (trainer_id, starts_at);
create index bookings_client_id_starts_at_idx on public.bookings (client_id, starts_at);
create index bookings_group_session_id_idx on public.bookings (group_session_id);
create index bookings_series_id_idx on public.bookings (series_id);
comment on table public.bookings is
  'Booked time with a trainer: a one-to-one session (client_id set) or the block of a group session (group_session_id set). Active bookings of a trainer never overlap. Written by server functions only.';
comment on column public.bookings.client_id is 'The client of a one-to-one booking; null for a group session''s block (attendees are in group_session_attendees).';
comment on column public.bookings.during is 'Generated [starts_at, ends_at) range; the exclusion constraints compare it.';
comment on column public.bookings.status is
  'requested (awaiting the trainer''s approval) | scheduled | confirmed | completed | cancelled | no_show. The first three hold the time slot.';
comment on column public.bookings.credits_spent is 'Credits taken from the client''s balance for this booking (refunds are separate ledger rows).';
comment on column public.bookings.cancellation_policy is 'The trainer''s policy when the booking was made (trainer_pricing.cancellation_policy), which decides refunds.';
comment on column public.bookings.series_id is 'Bookings created together as a recurring series share this id.';
comment on column public.bookings.idempotency_key is 'Key of the device request that created it: a retried request books once.';
select sync.track_table('public.bookings');
alter table public.bookings enable row level security;

create policy bookings_select on public.bookings for select to authenticated
  using (client_id = (select auth.uid()) or trainer_id = (select auth.uid()));
comment on policy bookings_select on public.bookings is
  'The client reads their bookings, the trainer theirs (their calendar). No write policies: book/cancel/reschedule are server functions.';

-- group_session_attendees --------------------------------------------------------------------
create table public.group_session_attendees (
  id uuid primary key default extensions.gen_random_uuid(),
  group_session_id uuid not null references public.group_sessions (id) on delete restrict,
  client_id uuid not null references public.profiles (id) on delete restrict,
  trainer_id uuid,
  status text not null default 'registered',
  credits_spent smallint not null default 0,
  idempotency_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint group_session_attendees_status_known check (status in ('registered', 'attended', 'no_show', 'cancelled')),
  constraint group_session_attendees_credits_spent_range check (credits_spent between 0 and 100),
  constraint group_session_attendees_idempotency_key_length check (idempotency_key is null or length(idempotency_key) between 8 and 200)
);
create unique index group_session_attendees_one_seat_key on public.group_session_attendees (group_session_id, client_id)
  where status <> 'cancelled' and not deleted;
create unique index group_session_attendees_idempotency_key_key on public.group_session_attendees (idempotency_key);
create index group_session_attendees_client_id_idx on public.group_session_attendees (client_id);
create index group_session_attendees_trainer_id_idx on public.group_session_attendees (trainer_id);
create index group_session_attendees_group_session_id_idx on public.group_session_attendees (group_session_id);
comment on table public.group_session_attendees is
  'A client''s seat in a group session and their attendance. Written by server functions (which check capacity).';
comment on column public.group_session_attendees.trainer_id is 'Copy of group_sessions.trainer_id (trigger-maintained) so RLS never joins.';
comment on column public.group_session_attendees.status is 'registered | attended | no_show | cancelled.';
select sync.track_table('public.group_session_attendees');
create function public.group_session_attendees_inherit_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  select p.trainer_id into new.trainer_id from public.group_sessions p where p.id = new.group_session_id;
  if not found then
    raise exception using
      errcode = '23503',
      message = format('group_session_attendees.group_session_id: group session %s does not exist', new.group_session_id);
  end if;
  return new;
end;
$$;
comment on function public.group_session_attendees_inherit_ownership() is
  'BEFORE INSERT OR UPDATE on group_session_attendees: copies trainer_id from group_sessions (the device''s values are ignored).';
revoke execute on function public.group_session_attendees_inherit_ownership() from public, anon, authenticated;
create trigger group_session_attendees_inherit_ownership before insert or update on public.group_session_attendees
  for each row execute function public.group_session_attendees_inherit_ownership();
alter table public.group_session_attendees enable row level security;

create trigger group_sessions_propagate_ownership after update of trainer_id on public.group_sessions
  for each row when (old.trainer_id is distinct from new.trainer_id)
  execute function sync.propagate_ownership('public.group_session_attendees', 'group_session_id');

create policy group_session_attendees_select on public.group_session_attendees for select to authenticated
  using (client_id = (select auth.uid()) or trainer_id = (select auth.uid()));
comment on policy group_session_attendees_select on public.group_session_attendees is
  'The attendee reads their seat; the trainer reads the class list. No write policies.';

-- credit_ledger ------------------------------------------------------------------------------
create table public.credit_ledger (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete restrict,
  trainer_id uuid references public.profiles (id) on delete restrict,
  delta integer not null,
  reason text not null,
  booking_id uuid references public.bookings (id) on delete restrict,
  group_session_attendee_id uuid references public.group_session_attendees (id) on delete restrict,
  payment_id uuid references public.payments (id) on delete restrict,
  period_key text,
  idempotency_key text,
  note text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint credit_ledger_delta_nonzero check (delta <> 0 and delta between -1000 and 1000),
  constraint credit_ledger_reason_known check (reason in ('grant', 'purchase', 'spend', 'refund', 'adjustment')),
  constraint credit_ledger_delta_sign_matches_reason check (
    (reason in ('grant', 'purchase', 'refund') and delta > 0)
    or (reason = 'spend' and delta < 0)
    or reason = 'adjustment'
  ),
  constraint credit_ledger_period_key_for_grant check ((reason = 'grant') = (period_key is not null)),
  constraint credit_ledger_period_key_format check (period_key is null or period_key ~ '^[0-9]{4}-[0-9]{2}$'),
  constraint credit_ledger_payment_id_for_purchase check (reason <> 'purchase' or payment_id is not null),
  constraint credit_ledger_spend_refund_target check (
    reason not in ('spend', 'refund') or booking_id is not null or group_session_attendee_id is not null
  ),
  constraint credit_ledger_idempotency_key_length check (idempotency_key is null or length(idempotency_key) between 8 and 200)
);
create unique index credit_ledger_idempotency_key_key on public.credit_ledger (idempotency_key);
create unique index credit_ledger_one_grant_per_period_key on public.credit_ledger (client_id, trainer_id, period_key)
  nulls not distinct where reason = 'grant' and not deleted;
create index credit_ledger_client_id_trainer_id_idx on public.credit_ledger (client_id, trainer_id);
create index credit_ledger_trainer_id_idx on public.credit_ledger (trainer_id);
create index credit_ledger_booking_id_idx on public.credit_ledger (booking_id);
create index credit_ledger_group_session_attendee_id_idx on public.credit_ledger (group_session_attendee_id);
create index credit_ledger_payment_id_idx on public.credit_ledger (payment_id);
comment on table public.credit_ledger is
  'Session credits as a ledger: balance = sum(delta) of live rows per (client, trainer); never below zero. Append-only; written by server functions only.';
comment on column public.credit_ledger.trainer_id is
  'Whose sessions the credits are for (packs bought from a trainer); null for platform credits (the plan''s monthly free meetings). Balances are kept per (client_id, trainer_id).';
comment on column public.credit_ledger.delta is 'Credits added (> 0: grant, purchase, refund) or taken (< 0: spend); adjustment either way.';
comment on column public.credit_ledger.reason is 'grant (monthly plan credits) | purchase (a pack) | spend (a booking) | refund (a cancellation) | adjustment (admin).';
comment on column public.credit_ledger.period_key is 'Month of a grant, YYYY-MM: one grant per client, trainer and month.';
comment on column public.credit_ledger.idempotency_key is 'Key of the request that wrote it: the same request twice writes one row.';
select sync.track_table('public.credit_ledger');
alter table public.credit_ledger enable row level security;

-- Entries are facts: only the soft-delete flag (and bookkeeping columns) may change.
create function public.credit_ledger_immutable()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if new.client_id is distinct from old.client_id or new.trainer_id is distinct from old.trainer_id
     or new.delta is distinct from old.delta or new.reason is distinct from old.reason then
    raise exception using errcode = '42501',
      message = 'credit_ledger: client_id, trainer_id, delta and reason cannot change; add an adjustment entry instead';
  end if;
  return new;
end;
$$;
comment on function public.credit_ledger_immutable() is 'BEFORE UPDATE on credit_ledger: entries are append-only facts.';
revoke execute on function public.credit_ledger_immutable() from public, anon, authenticated;
create trigger credit_ledger_immutable before update on public.credit_ledger
  for each row execute function public.credit_ledger_immutable();

-- The balance of the touched (client, trainer) bucket must stay >= 0. The advisory lock makes
-- concurrent writers to one client queue here, and each statement of this READ COMMITTED
-- function sees what the previous writer committed, so two spends cannot both pass.
create function public.credit_ledger_check_balance()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  balance bigint;
begin
  perform pg_advisory_xact_lock(hashtextextended('public.credit_ledger:' || new.client_id::text, 0));
  select coalesce(sum(l.delta), 0) into balance
  from public.credit_ledger l
  where l.client_id = new.client_id and l.trainer_id is not distinct from new.trainer_id and not l.deleted;
  if balance < 0 then
    raise exception using
      errcode = '23514',
      constraint = 'credit_ledger_balance_non_negative',
      message = format('credit_ledger: balance of client %s would be %s credits (below zero)', new.client_id, balance);
  end if;
  return null;
end;
$$;
comment on function public.credit_ledger_check_balance() is
  'Constraint trigger on credit_ledger: the (client, trainer) balance of live entries never goes below zero.';
revoke execute on function public.credit_ledger_check_balance() from public, anon, authenticated;
create constraint trigger credit_ledger_balance_non_negative after insert or update on public.credit_ledger
  deferrable initially immediate
  for each row execute function public.credit_ledger_check_balance();

create policy credit_ledger_select on public.credit_ledger for select to authenticated
  using (client_id = (select auth.uid()) or trainer_id = (select auth.uid()));
comment on policy credit_ledger_select on public.credit_ledger is
  'The client reads their entries, a trainer the entries for their sessions. No write policies: grant/purchase/spend/refund are server functions.';

alter publication supabase_realtime add table public.bookings, public.credit_ledger;
