-- Module 8, credits decided on the server (issue 9): the platform's plans (seed 000), the
-- monthly free-meeting grants, credit balances, and buying credit packs from a trainer (seed
-- 003) with a payment that only the payment provider's webhook (service role) marks paid.
--
-- Also the internals every money-like function shares, in schema `billing`, which PostgREST
-- does not expose and API roles cannot use:
--   billing.request_idempotency  the first result of every retryable request, keyed by
--                                (caller, function, idempotency key);
--   billing.refuse()             raises the machine-readable refusals devices show;
--   billing.lock_client()        the per-client lock (the ledger's balance trigger takes the same);
--   billing.spend_credits(), billing.refund_credits(), billing.grant_monthly_credits_locked().
--
-- Rules:
--   * credit_ledger is the only truth. A balance is the sum of live entries of a bucket
--     (client, trainer): trainer_id null is the platform bucket (monthly free meetings, usable
--     with any of the client's trainers); trainer_id set is a pack bought from that trainer.
--     What a client can spend with trainer T is platform + T. Spending takes the platform
--     credits first (the plan's free meetings), then T's; a refund returns each credit to the
--     bucket it came from. The constraint trigger credit_ledger_balance_non_negative keeps
--     every bucket >= 0 whoever writes.
--   * Monthly grants: the live subscription's plan (status active, or trialing within its
--     period); without one, a client still inside the 7-day sign-up trial (profiles.trial_ends_at)
--     counts as Plan 1. One grant per client per calendar month (UTC), period_key YYYY-MM,
--     guarded by credit_ledger_one_grant_per_period_key. Granted lazily by the first booking in
--     a month, by the client calling grant_monthly_credits(), or by a schedule calling
--     grant_monthly_credits_all() as the service role. Grants do not expire.
--   * Locks, always in this order so that no two functions can deadlock: the idempotency key,
--     then a slot (or a group session row), then the trainer's trial lock, then the client
--     (billing.lock_client), then the booking / payment rows (select ... for update).
--   * Every function a device may retry takes an idempotency key (uuid). The same key again
--     with the same arguments returns the first result (with "replayed": true) and does
--     nothing; with other arguments it is refused with idempotency_conflict. A refused request
--     changed nothing and is not stored: sending it again evaluates it again.
--
-- Refusals are `raise exception` with SQLSTATE P0001 (PostgREST answers HTTP 400), message
-- '<code>: <text for people>', detail '<code>', and sometimes a hint. Codes used here:
--   not_authenticated, invalid_argument, idempotency_conflict, not_your_trainer,
--   pack_not_offered, payment_not_found, payment_not_pending, forbidden.

create schema if not exists billing;
comment on schema billing is
  'Internals of the booking and credit functions (idempotency records, locks, helpers). Not exposed by PostgREST; no grants to API roles.';
revoke all on schema billing from public;

-- Subscription plans (seed 000) ----------------------------------------------------------------
-- Reference data the grant rules need (the trial counts as plan1). Codes plan1..plan3 (not
-- plan_1..) so they never collide with test fixtures that create plan_<n>.
insert into public.subscription_plans
  (code, name, tier_label, free_meetings_per_month, diet_plan_frequency, price_cents, currency, trial_days, position)
values
  ('plan1', 'Plan 1', 'BASIC', 1, 'one_time', 999, 'USD', 7, 1),
  ('plan2', 'Plan 2', 'PRIME', 1, 'monthly', 1999, 'USD', 7, 2),
  ('plan3', 'Plan 3', 'PREMIUM', 2, 'biweekly', 2999, 'USD', 7, 3)
on conflict (code) where not deleted do nothing;

-- A payment grants its credits once, whoever writes the ledger.
create unique index credit_ledger_one_purchase_per_payment_key on public.credit_ledger (payment_id)
  where reason = 'purchase' and not deleted;

-- Idempotency records -------------------------------------------------------------------------
create table billing.request_idempotency (
  caller_id uuid not null,
  function_name text not null,
  idempotency_key uuid not null,
  request jsonb not null,
  response jsonb not null,
  created_at timestamptz not null default now(),
  primary key (caller_id, function_name, idempotency_key)
);
comment on table billing.request_idempotency is
  'First result of each retryable request (book, cancel, reschedule, purchase, ...), keyed by caller, function and the device''s idempotency key. Internal: written and read only by the security definer functions; rows older than a month may be purged (billing.purge_idempotency).';
comment on column billing.request_idempotency.request is 'The arguments of the first call; the same key with other arguments is refused (idempotency_conflict).';
comment on column billing.request_idempotency.response is 'What the first call returned; a retry returns it again.';
create index request_idempotency_created_at_idx on billing.request_idempotency (created_at);
-- Not in an exposed schema and not granted to any API role; RLS on as a second fence.
alter table billing.request_idempotency enable row level security;
revoke all on billing.request_idempotency from public;

-- Refusals --------------------------------------------------------------------------------------
create function billing.refuse(p_code text, p_text text, p_hint text default null)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if p_hint is null then
    raise exception using errcode = 'P0001', message = p_code || ': ' || p_text, detail = p_code;
  end if;
  raise exception using errcode = 'P0001', message = p_code || ': ' || p_text, detail = p_code, hint = p_hint;
end;
$$;
comment on function billing.refuse(text, text, text) is
  'Raises a refusal the device can show: SQLSTATE P0001, message "<code>: <text>", detail "<code>".';

-- The caller -------------------------------------------------------------------------------------
create function billing.require_caller()
returns uuid
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
begin
  if v_caller is null then
    perform billing.refuse('not_authenticated', 'sign in first');
  end if;
  return v_caller;
end;
$$;
comment on function billing.require_caller() is 'auth.uid() of the signed-in caller, or the not_authenticated refusal.';

create function billing.is_active_client(p_client_id uuid, p_trainer_id uuid)
returns boolean
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return exists (
    select 1 from public.trainer_clients tc
    where tc.client_id = p_client_id and tc.trainer_id = p_trainer_id and tc.status = 'active' and not tc.deleted
  );
end;
$$;
comment on function billing.is_active_client(uuid, uuid) is 'True when client and trainer are in an active relationship.';

-- Idempotency -------------------------------------------------------------------------------------
-- Takes the key's lock (a concurrent retry waits for the first call to commit), then returns the
-- stored response of an earlier call, or null when this key is new.
create function billing.idempotency_replay(p_caller uuid, p_function text, p_key uuid, p_request jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_stored billing.request_idempotency;
begin
  if p_key is null then
    perform billing.refuse('invalid_argument', 'an idempotency key is required', 'Send a new random uuid per user action and the same one on every retry.');
  end if;
  perform pg_advisory_xact_lock(hashtextextended('billing.idempotency:' || p_caller::text || ':' || p_function || ':' || p_key::text, 0));
  select r.* into v_stored
  from billing.request_idempotency r
  where r.caller_id = p_caller and r.function_name = p_function and r.idempotency_key = p_key;
  if not found then
    return null;
  end if;
  if v_stored.request is distinct from p_request then
    perform billing.refuse('idempotency_conflict',
      format('this idempotency key was already used for a different %s request', p_function),
      'Use a new idempotency key for a new request.');
  end if;
  return v_stored.response || jsonb_build_object('replayed', true);
end;
$$;
comment on function billing.idempotency_replay(uuid, text, uuid, jsonb) is
  'Locks (caller, function, key); returns the first call''s response for a retry, null for a new key; idempotency_conflict when the arguments differ.';

create function billing.idempotency_record(p_caller uuid, p_function text, p_key uuid, p_request jsonb, p_response jsonb)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
begin
  insert into billing.request_idempotency (caller_id, function_name, idempotency_key, request, response)
  values (p_caller, p_function, p_key, p_request, p_response);
  return p_response || jsonb_build_object('replayed', false);
end;
$$;
comment on function billing.idempotency_record(uuid, text, uuid, jsonb, jsonb) is
  'Stores the response of a new request under its key and returns it (with "replayed": false).';

create function billing.purge_idempotency(p_older_than interval default interval '35 days')
returns bigint
language sql
security invoker
set search_path = ''
as $$
  with gone as (delete from billing.request_idempotency r where r.created_at < now() - p_older_than returning 1)
  select count(*) from gone
$$;
comment on function billing.purge_idempotency(interval) is
  'Deletes idempotency records older than the given age (devices retry within days, not months). For a schedule.';

-- Locks ------------------------------------------------------------------------------------------
-- The same key as public.credit_ledger_check_balance(): a function that holds it has the
-- client's ledger to itself until it commits.
create function billing.lock_client(p_client_id uuid)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('public.credit_ledger:' || p_client_id::text, 0));
end;
$$;
comment on function billing.lock_client(uuid) is 'Transaction lock on one client''s credits (shared with the ledger''s balance trigger).';

-- Balances ----------------------------------------------------------------------------------------
-- What the client can spend with a trainer: platform bucket + that trainer's bucket.
-- plpgsql rather than sql in these helpers: a sql function with `set search_path` is never
-- inlined and is planned again on every call; plpgsql keeps its plans for the connection.
create function billing.balances(p_client_id uuid, p_trainer_id uuid, out platform integer, out trainer integer)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  select coalesce(sum(l.delta) filter (where l.trainer_id is null), 0)::integer,
         coalesce(sum(l.delta) filter (where l.trainer_id = p_trainer_id), 0)::integer
  into platform, trainer
  from public.credit_ledger l
  where l.client_id = p_client_id and (l.trainer_id is null or l.trainer_id = p_trainer_id) and not l.deleted;
end;
$$;
comment on function billing.balances(uuid, uuid) is 'Ledger sums of the client''s platform bucket and their bucket with the trainer.';

-- Monthly grants ------------------------------------------------------------------------------------
create function billing.free_meetings_per_month(p_client_id uuid, out credits integer, out plan_code text)
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  select coalesce(
           (select sp.free_meetings_per_month::integer from public.subscriptions s
            join public.subscription_plans sp on sp.id = s.plan_id
            where s.client_id = p_client_id and not s.deleted
              and (s.status = 'active' or (s.status = 'trialing' and s.current_period_end > now()))
            order by s.created_at desc limit 1),
           (select sp.free_meetings_per_month::integer from public.profiles p
            join public.subscription_plans sp on sp.code = 'plan1' and not sp.deleted
            where p.id = p_client_id and p.role = 'client' and not p.deleted and p.trial_ends_at > now()),
           0),
         coalesce(
           (select sp.code from public.subscriptions s
            join public.subscription_plans sp on sp.id = s.plan_id
            where s.client_id = p_client_id and not s.deleted
              and (s.status = 'active' or (s.status = 'trialing' and s.current_period_end > now()))
            order by s.created_at desc limit 1),
           (select 'plan1' from public.profiles p
            where p.id = p_client_id and p.role = 'client' and not p.deleted and p.trial_ends_at > now()))
  into credits, plan_code;
end;
$$;
comment on function billing.free_meetings_per_month(uuid) is
  'Free meetings a month from the client''s live subscription plan; a client in the sign-up trial without one counts as plan1; otherwise 0.';

-- Caller holds billing.lock_client(p_client_id). Returns the credits granted now (0 if this
-- month's grant exists or the plan has none).
create function billing.grant_monthly_credits_locked(p_client_id uuid)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_period text := to_char(now() at time zone 'UTC', 'YYYY-MM');
  v_plan record;
  v_inserted integer;
begin
  if exists (
    select 1 from public.credit_ledger l
    where l.client_id = p_client_id and l.trainer_id is null and l.reason = 'grant' and l.period_key = v_period and not l.deleted
  ) then
    return 0;
  end if;
  select * into v_plan from billing.free_meetings_per_month(p_client_id);
  if coalesce(v_plan.credits, 0) <= 0 then
    return 0;
  end if;
  insert into public.credit_ledger (client_id, trainer_id, delta, reason, period_key, note, updated_at)
  values (p_client_id, null, v_plan.credits, 'grant', v_period,
          format('Free meetings for %s (%s)', v_period, v_plan.plan_code), now())
  on conflict (client_id, trainer_id, period_key) where reason = 'grant' and not deleted do nothing;
  get diagnostics v_inserted = row_count;
  return case when v_inserted > 0 then v_plan.credits else 0 end;
end;
$$;
comment on function billing.grant_monthly_credits_locked(uuid) is
  'Grants this month''s free meetings once (period_key YYYY-MM, UTC). The caller holds the client''s lock.';

-- Spending and refunds -------------------------------------------------------------------------------
-- Caller holds the client's lock. Takes p_credits, platform bucket first, for a booking or a
-- group seat; refuses with no_credits when the client has too few.
create function billing.spend_credits(
  p_client_id uuid, p_trainer_id uuid, p_credits integer, p_booking_id uuid, p_attendee_id uuid, p_key text)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_balance record;
  v_from_platform integer;
begin
  select * into v_balance from billing.balances(p_client_id, p_trainer_id);
  if p_credits <= 0 then
    return v_balance.platform + v_balance.trainer;
  end if;
  if v_balance.platform + v_balance.trainer < p_credits then
    perform billing.refuse('no_credits',
      format('this needs %s credit(s) and you have %s', p_credits, v_balance.platform + v_balance.trainer),
      'Buy a pack of sessions from your trainer, or wait for next month''s free meetings.');
  end if;
  v_from_platform := least(greatest(v_balance.platform, 0), p_credits);
  if v_from_platform > 0 then
    insert into public.credit_ledger (client_id, trainer_id, delta, reason, booking_id, group_session_attendee_id, idempotency_key, updated_at)
    values (p_client_id, null, -v_from_platform, 'spend', p_booking_id, p_attendee_id, p_key || ':platform', now());
  end if;
  if p_credits - v_from_platform > 0 then
    insert into public.credit_ledger (client_id, trainer_id, delta, reason, booking_id, group_session_attendee_id, idempotency_key, updated_at)
    values (p_client_id, p_trainer_id, -(p_credits - v_from_platform), 'spend', p_booking_id, p_attendee_id, p_key || ':trainer', now());
  end if;
  return v_balance.platform + v_balance.trainer - p_credits;
end;
$$;
comment on function billing.spend_credits(uuid, uuid, integer, uuid, uuid, text) is
  'Writes the spend entries for a booking or seat (platform credits first) and returns what the client can still spend with the trainer; no_credits when the balance is too low. Caller holds the client''s lock.';

-- Caller holds the client's lock. Returns every credit still spent on the booking or seat to
-- the bucket it came from; returns how many.
create function billing.refund_credits(p_client_id uuid, p_booking_id uuid, p_attendee_id uuid, p_key text)
returns integer
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_bucket record;
  v_total integer := 0;
begin
  for v_bucket in
    select l.trainer_id, -sum(l.delta)::integer as due
    from public.credit_ledger l
    where l.client_id = p_client_id and l.reason in ('spend', 'refund') and not l.deleted
      and ((p_booking_id is not null and l.booking_id = p_booking_id)
        or (p_attendee_id is not null and l.group_session_attendee_id = p_attendee_id))
    group by l.trainer_id
    having sum(l.delta) < 0
  loop
    insert into public.credit_ledger (client_id, trainer_id, delta, reason, booking_id, group_session_attendee_id, idempotency_key, updated_at)
    values (p_client_id, v_bucket.trainer_id, v_bucket.due, 'refund', p_booking_id, p_attendee_id,
            p_key || case when v_bucket.trainer_id is null then ':platform' else ':trainer' end, now());
    v_total := v_total + v_bucket.due;
  end loop;
  return v_total;
end;
$$;
comment on function billing.refund_credits(uuid, uuid, uuid, text) is
  'Refunds what is still spent on a booking or seat, bucket by bucket. Caller holds the client''s lock.';

-- The cancellation policy (seed 003). Exactly 12 h (24 h) before the start is still in time.
create function billing.refund_due(p_policy text, p_starts_at timestamptz, p_at timestamptz)
returns boolean
language plpgsql
immutable
security invoker
set search_path = ''
as $$
begin
  return case coalesce(p_policy, 'up_to_24h')
    when 'always_free' then true
    when 'up_to_12h' then p_starts_at - p_at >= interval '12 hours'
    when 'up_to_24h' then p_starts_at - p_at >= interval '24 hours'
    else false
  end;
end;
$$;
comment on function billing.refund_due(text, timestamptz, timestamptz) is
  'Cancellation policy: always_free, or a refund only when cancelled at least 12 h / 24 h before the start (exactly 12 h counts). Mirrored by src/features/bookings/refund-policy.ts.';

revoke all on all functions in schema billing from public;

-- credit_balance ----------------------------------------------------------------------------------
create function public.credit_balance(p_client_id uuid default null, p_trainer_id uuid default null)
returns integer
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := (select auth.uid());
  v_client uuid := coalesce(p_client_id, v_caller);
  v_trainer uuid := p_trainer_id;
  v_balance record;
begin
  if coalesce((select auth.role()), '') <> 'service_role' then
    if v_caller is null then
      perform billing.refuse('not_authenticated', 'sign in first');
    end if;
    if v_client <> v_caller then
      -- A trainer sees what their client can spend with them, nothing else.
      if not billing.is_active_client(v_client, v_caller) then
        perform billing.refuse('forbidden', 'you can only see your own balance or that of your active clients');
      end if;
      v_trainer := v_caller;
    end if;
  end if;
  if v_client is null then
    perform billing.refuse('invalid_argument', 'p_client_id is required');
  end if;
  if v_trainer is null then
    return (select coalesce(sum(l.delta), 0)::integer from public.credit_ledger l where l.client_id = v_client and not l.deleted);
  end if;
  select * into v_balance from billing.balances(v_client, v_trainer);
  return v_balance.platform + v_balance.trainer;
end;
$$;
comment on function public.credit_balance(uuid, uuid) is
  'Credits a client can spend: with p_trainer_id, the platform bucket plus that trainer''s; without, every bucket. The client asks about themselves; a trainer about an active client (always for themselves as trainer).';
revoke execute on function public.credit_balance(uuid, uuid) from public, anon;
grant execute on function public.credit_balance(uuid, uuid) to authenticated, service_role;

-- grant_monthly_credits ------------------------------------------------------------------------------
create function public.grant_monthly_credits(p_client_id uuid default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_is_service boolean := coalesce((select auth.role()), '') = 'service_role';
  v_caller uuid := (select auth.uid());
  v_client uuid := coalesce(p_client_id, v_caller);
  v_granted integer;
begin
  if not v_is_service then
    if v_caller is null then
      perform billing.refuse('not_authenticated', 'sign in first');
    end if;
    if v_client <> v_caller then
      perform billing.refuse('forbidden', 'you can only claim your own free meetings');
    end if;
  end if;
  if v_client is null then
    perform billing.refuse('invalid_argument', 'p_client_id is required');
  end if;
  perform billing.lock_client(v_client);
  v_granted := billing.grant_monthly_credits_locked(v_client);
  return jsonb_build_object(
    'client_id', v_client,
    'period_key', to_char(now() at time zone 'UTC', 'YYYY-MM'),
    'credits_granted', v_granted,
    'balance', (select coalesce(sum(l.delta), 0)::integer from public.credit_ledger l
                where l.client_id = v_client and l.trainer_id is null and not l.deleted));
end;
$$;
comment on function public.grant_monthly_credits(uuid) is
  'Grants this month''s free meetings of the client''s plan once (idempotent by period). A client for themselves; the service role for anyone. Booking also grants lazily.';
revoke execute on function public.grant_monthly_credits(uuid) from public, anon;
grant execute on function public.grant_monthly_credits(uuid) to authenticated, service_role;

create function public.grant_monthly_credits_all()
returns integer
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_client uuid;
  v_count integer := 0;
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    perform billing.refuse('forbidden', 'only the schedule (service role) grants for everyone');
  end if;
  for v_client in select p.id from public.profiles p where p.role = 'client' and not p.deleted order by p.id loop
    perform billing.lock_client(v_client);
    if billing.grant_monthly_credits_locked(v_client) > 0 then
      v_count := v_count + 1;
    end if;
  end loop;
  return v_count;
end;
$$;
comment on function public.grant_monthly_credits_all() is
  'For a monthly schedule (pg_cron or a job with the service role): grants every client''s free meetings for this month; returns how many clients got a grant.';
revoke execute on function public.grant_monthly_credits_all() from public, anon, authenticated;
grant execute on function public.grant_monthly_credits_all() to service_role;

-- Payments ---------------------------------------------------------------------------------------------
create function billing.payment_json(p public.payments)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return jsonb_build_object(
    'id', p.id, 'client_id', p.client_id, 'trainer_id', p.trainer_id, 'purpose', p.purpose,
    'amount_cents', p.amount_cents, 'currency', p.currency, 'provider', p.provider,
    'provider_ref', p.provider_ref, 'status', p.status, 'credits_purchased', p.credits_purchased,
    'paid_at', p.paid_at, 'created_at', p.created_at);
end;
$$;
comment on function billing.payment_json(public.payments) is 'A payment as the functions return it.';

create function public.start_credit_purchase(p_trainer_id uuid, p_pack text, p_idempotency_key uuid, p_provider text default 'manual')
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('trainer_id', p_trainer_id, 'pack', p_pack, 'provider', p_provider);
  v_replay jsonb;
  v_pricing public.trainer_pricing;
  v_credits integer;
  v_amount integer;
  v_payment public.payments;
begin
  v_replay := billing.idempotency_replay(v_caller, 'start_credit_purchase', p_idempotency_key, v_request);
  if v_replay is not null then
    return v_replay;
  end if;
  if p_trainer_id is null or p_pack is null or p_pack not in ('single', 'pack5', 'pack10') then
    perform billing.refuse('invalid_argument', 'p_pack must be single, pack5 or pack10 and p_trainer_id is required');
  end if;
  if p_provider is null or p_provider not in ('manual', 'stripe') then
    perform billing.refuse('invalid_argument', 'p_provider must be manual or stripe');
  end if;
  if not billing.is_active_client(v_caller, p_trainer_id) then
    perform billing.refuse('not_your_trainer', 'you can buy sessions only from a trainer whose client you are');
  end if;
  select tp.* into v_pricing from public.trainer_pricing tp where tp.trainer_id = p_trainer_id and not tp.deleted;
  v_credits := case p_pack when 'single' then 1 when 'pack5' then 5 else 10 end;
  v_amount := case p_pack
    when 'single' then case when v_pricing.offers_single then v_pricing.single_session_price_cents end
    when 'pack5' then case when v_pricing.offers_five_pack then v_pricing.five_pack_price_cents end
    else case when v_pricing.offers_ten_pack then v_pricing.ten_pack_price_cents end
  end;
  if v_amount is null then
    perform billing.refuse('pack_not_offered', format('this trainer does not sell %s', p_pack));
  end if;
  begin
    insert into public.payments (client_id, trainer_id, purpose, amount_cents, currency, provider, status, credits_purchased,
                                 description, idempotency_key, updated_at)
    values (v_caller, p_trainer_id, 'credit_pack', v_amount, v_pricing.currency, p_provider, 'pending', v_credits,
            format('%s session credit(s)', v_credits), p_idempotency_key::text, now())
    returning * into v_payment;
  exception when unique_violation then
    perform billing.refuse('idempotency_conflict', 'this idempotency key was already used for another payment');
  end;
  return billing.idempotency_record(v_caller, 'start_credit_purchase', p_idempotency_key, v_request,
    jsonb_build_object('payment', billing.payment_json(v_payment)));
end;
$$;
comment on function public.start_credit_purchase(uuid, text, uuid, text) is
  'A client starts buying a pack (single, pack5, pack10) from their trainer at the trainer''s price: records a pending payment and returns it. Credits come when the provider confirms (mark_payment_succeeded). Idempotent by key.';
revoke execute on function public.start_credit_purchase(uuid, text, uuid, text) from public, anon;
grant execute on function public.start_credit_purchase(uuid, text, uuid, text) to authenticated;

-- What a payment provider's webhook calls (service role only): grants the pack's credits once.
create function public.mark_payment_succeeded(p_payment_id uuid, p_provider_ref text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payment public.payments;
  v_client uuid;
  v_granted integer := 0;
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    perform billing.refuse('forbidden', 'only the payment provider''s webhook marks payments paid');
  end if;
  if p_payment_id is null or p_provider_ref is null or length(trim(p_provider_ref)) = 0 then
    perform billing.refuse('invalid_argument', 'p_payment_id and p_provider_ref are required');
  end if;
  select p.client_id into v_client from public.payments p where p.id = p_payment_id and not p.deleted;
  if not found then
    perform billing.refuse('payment_not_found', 'no such payment');
  end if;
  perform billing.lock_client(v_client);
  select p.* into v_payment from public.payments p where p.id = p_payment_id for update;
  if v_payment.status = 'succeeded' then
    if v_payment.provider_ref is distinct from p_provider_ref then
      perform billing.refuse('idempotency_conflict', 'this payment was already confirmed with another provider reference');
    end if;
  elsif v_payment.status <> 'pending' then
    perform billing.refuse('payment_not_pending', format('the payment is %s', v_payment.status));
  else
    begin
      update public.payments p
      set status = 'succeeded', provider_ref = p_provider_ref, paid_at = now(), updated_at = now()
      where p.id = p_payment_id
      returning * into v_payment;
    exception when unique_violation then
      perform billing.refuse('invalid_argument', 'this provider reference belongs to another payment');
    end;
    if v_payment.purpose = 'credit_pack' and coalesce(v_payment.credits_purchased, 0) > 0 then
      insert into public.credit_ledger (client_id, trainer_id, delta, reason, payment_id, idempotency_key, note, updated_at)
      values (v_payment.client_id, v_payment.trainer_id, v_payment.credits_purchased, 'purchase', v_payment.id,
              'purchase:' || v_payment.id::text, v_payment.description, now());
      v_granted := v_payment.credits_purchased;
    end if;
  end if;
  return jsonb_build_object(
    'payment', billing.payment_json(v_payment),
    'credits_granted', v_granted,
    'balance', (select coalesce(sum(l.delta), 0)::integer from public.credit_ledger l
                where l.client_id = v_payment.client_id and l.trainer_id is not distinct from v_payment.trainer_id and not l.deleted));
end;
$$;
comment on function public.mark_payment_succeeded(uuid, text) is
  'Payment webhook (service role only): marks a pending payment succeeded with the provider''s reference and grants its credits exactly once. Calling it again with the same reference changes nothing (credits_granted 0).';
revoke execute on function public.mark_payment_succeeded(uuid, text) from public, anon, authenticated;
grant execute on function public.mark_payment_succeeded(uuid, text) to service_role;

create function public.mark_payment_failed(p_payment_id uuid, p_provider_ref text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payment public.payments;
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    perform billing.refuse('forbidden', 'only the payment provider''s webhook marks payments failed');
  end if;
  select p.* into v_payment from public.payments p where p.id = p_payment_id and not p.deleted for update;
  if not found then
    perform billing.refuse('payment_not_found', 'no such payment');
  end if;
  if v_payment.status = 'pending' then
    update public.payments p
    set status = 'failed', provider_ref = coalesce(p_provider_ref, p.provider_ref), updated_at = now()
    where p.id = p_payment_id
    returning * into v_payment;
  elsif v_payment.status <> 'failed' then
    perform billing.refuse('payment_not_pending', format('the payment is %s', v_payment.status));
  end if;
  return jsonb_build_object('payment', billing.payment_json(v_payment));
end;
$$;
comment on function public.mark_payment_failed(uuid, text) is
  'Payment webhook (service role only): a pending payment failed; no credits. Idempotent.';
revoke execute on function public.mark_payment_failed(uuid, text) from public, anon, authenticated;
grant execute on function public.mark_payment_failed(uuid, text) to service_role;

revoke all on all functions in schema billing from public;
