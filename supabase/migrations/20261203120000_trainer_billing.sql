-- Issue 24.11: the trainer's side of money. A client's purchase paid in cash or by bank transfer
-- stayed pending forever (only a payment provider's webhook could settle it), and a trainer had
-- no way to set prices and the cancellation policy, see balances, or give credits. These
-- functions are the trainer's screens' only writes; each is idempotent by key (the device's
-- outbox sends them, offline first) and answers refusals the device shows.
--
--   set_trainer_pricing      the trainer's prices and cancellation policy (one live row)
--   confirm_manual_payment   a pending manual payment for the trainer was received: credits once
--   decline_manual_payment   it was not (never paid, or paid elsewhere): failed, no credits
--   adjust_client_credits    the trainer gives (or takes back) credits with them, with a note
--   trainer_client_balances  what each active client can spend with the calling trainer
--
-- The webhook path (mark_payment_succeeded) and the manual path share billing.settle_payment,
-- so credits are granted by one piece of code, exactly once per payment.

-- Settling a payment ------------------------------------------------------------------------------
create function billing.settle_payment(p_payment_id uuid, p_provider_ref text)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_payment public.payments;
  v_client uuid;
  v_granted integer := 0;
begin
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
comment on function billing.settle_payment(uuid, text) is
  'Marks a pending payment succeeded with a reference and grants a credit pack''s credits once (the ledger''s purchase:<payment> key). Callers check who may.';

create or replace function public.mark_payment_succeeded(p_payment_id uuid, p_provider_ref text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
begin
  if (select auth.role()) in ('anon', 'authenticated') then
    perform billing.refuse('forbidden', 'only the payment provider''s webhook marks payments paid');
  end if;
  if p_payment_id is null or p_provider_ref is null or length(trim(p_provider_ref)) = 0 then
    perform billing.refuse('invalid_argument', 'p_payment_id and p_provider_ref are required');
  end if;
  return billing.settle_payment(p_payment_id, p_provider_ref);
end;
$$;

-- The trainer's manual payments -----------------------------------------------------------------
create function billing.require_trainer()
returns uuid
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
begin
  if (select public.current_app_role()) is distinct from 'trainer' then
    perform billing.refuse('forbidden', 'only a trainer can do this');
  end if;
  return v_caller;
end;
$$;
comment on function billing.require_trainer() is 'auth.uid() of a signed-in trainer, or a refusal.';

create function billing.trainers_manual_payment(p_caller uuid, p_payment_id uuid)
returns public.payments
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_payment public.payments;
begin
  if p_payment_id is null then
    perform billing.refuse('invalid_argument', 'p_payment_id is required');
  end if;
  select p.* into v_payment from public.payments p where p.id = p_payment_id and not p.deleted;
  -- Another trainer's payment answers as missing: no oracle for other people's payments.
  if not found or v_payment.trainer_id is distinct from p_caller then
    perform billing.refuse('payment_not_found', 'no such payment of yours');
  end if;
  if v_payment.provider <> 'manual' then
    perform billing.refuse('forbidden', format('a %s payment is settled by its provider, not by hand', v_payment.provider));
  end if;
  return v_payment;
end;
$$;
comment on function billing.trainers_manual_payment(uuid, uuid) is 'The caller''s own manual payment, or a refusal.';

create function public.confirm_manual_payment(p_payment_id uuid, p_idempotency_key uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_trainer();
  v_request jsonb := jsonb_build_object('payment_id', p_payment_id);
  v_replay jsonb;
begin
  v_replay := billing.idempotency_replay(v_caller, 'confirm_manual_payment', p_idempotency_key, v_request);
  if v_replay is not null then
    return v_replay;
  end if;
  perform billing.trainers_manual_payment(v_caller, p_payment_id);
  return billing.idempotency_record(v_caller, 'confirm_manual_payment', p_idempotency_key, v_request,
    billing.settle_payment(p_payment_id, 'received-by-trainer:' || p_payment_id::text));
end;
$$;
comment on function public.confirm_manual_payment(uuid, uuid) is
  'The trainer received a pending manual payment (cash, bank transfer): it succeeds and its credits are granted once. Only the payment''s trainer; idempotent by key; a confirmed payment answers credits_granted 0.';
revoke execute on function public.confirm_manual_payment(uuid, uuid) from public, anon;
grant execute on function public.confirm_manual_payment(uuid, uuid) to authenticated;

create function public.decline_manual_payment(p_payment_id uuid, p_idempotency_key uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_trainer();
  v_request jsonb := jsonb_build_object('payment_id', p_payment_id);
  v_replay jsonb;
  v_payment public.payments;
begin
  v_replay := billing.idempotency_replay(v_caller, 'decline_manual_payment', p_idempotency_key, v_request);
  if v_replay is not null then
    return v_replay;
  end if;
  v_payment := billing.trainers_manual_payment(v_caller, p_payment_id);
  perform billing.lock_client(v_payment.client_id);
  select p.* into v_payment from public.payments p where p.id = p_payment_id for update;
  if v_payment.status = 'pending' then
    update public.payments p set status = 'failed', updated_at = now() where p.id = p_payment_id returning * into v_payment;
  elsif v_payment.status <> 'failed' then
    perform billing.refuse('payment_not_pending', format('the payment is %s', v_payment.status));
  end if;
  return billing.idempotency_record(v_caller, 'decline_manual_payment', p_idempotency_key, v_request,
    jsonb_build_object('payment', billing.payment_json(v_payment)));
end;
$$;
comment on function public.decline_manual_payment(uuid, uuid) is
  'The trainer did not receive a pending manual payment: it fails, no credits. Only the payment''s trainer; a confirmed payment cannot be declined.';
revoke execute on function public.decline_manual_payment(uuid, uuid) from public, anon;
grant execute on function public.decline_manual_payment(uuid, uuid) to authenticated;

-- Credits given by hand -----------------------------------------------------------------------------
create function public.adjust_client_credits(p_client_id uuid, p_credits integer, p_idempotency_key uuid, p_note text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_trainer();
  v_note text := nullif(trim(coalesce(p_note, '')), '');
  v_request jsonb := jsonb_build_object('client_id', p_client_id, 'credits', p_credits, 'note', v_note);
  v_replay jsonb;
  v_balance integer;
  v_entry public.credit_ledger;
begin
  v_replay := billing.idempotency_replay(v_caller, 'adjust_client_credits', p_idempotency_key, v_request);
  if v_replay is not null then
    return v_replay;
  end if;
  if p_client_id is null or p_credits is null or p_credits = 0 or p_credits not between -100 and 100 then
    perform billing.refuse('invalid_argument', 'give between 1 and 100 credits, or take back between 1 and 100');
  end if;
  if v_note is not null and length(v_note) > 200 then
    perform billing.refuse('invalid_argument', 'the note can be at most 200 characters');
  end if;
  if not billing.is_active_client(p_client_id, v_caller) then
    perform billing.refuse('not_your_client', 'you can give credits only to your active clients');
  end if;
  perform billing.lock_client(p_client_id);
  v_balance := (select coalesce(sum(l.delta), 0)::integer from public.credit_ledger l
                where l.client_id = p_client_id and l.trainer_id = v_caller and not l.deleted);
  if v_balance + p_credits < 0 then
    perform billing.refuse('no_credits', format('the client has %s credits with you; you can take back at most that', v_balance));
  end if;
  insert into public.credit_ledger (client_id, trainer_id, delta, reason, idempotency_key, note, updated_at)
  values (p_client_id, v_caller, p_credits, 'adjustment', 'adjust:' || v_caller::text || ':' || p_idempotency_key::text,
          coalesce(v_note, case when p_credits > 0 then 'Given by your trainer' else 'Taken back by your trainer' end), now())
  returning * into v_entry;
  return billing.idempotency_record(v_caller, 'adjust_client_credits', p_idempotency_key, v_request,
    jsonb_build_object('entry_id', v_entry.id, 'credits', p_credits, 'balance', v_balance + p_credits));
end;
$$;
comment on function public.adjust_client_credits(uuid, integer, uuid, text) is
  'A trainer gives an active client credits with them (1..100), or takes back at most what the client has with them; one adjustment entry with a note. Idempotent by key.';
revoke execute on function public.adjust_client_credits(uuid, integer, uuid, text) from public, anon;
grant execute on function public.adjust_client_credits(uuid, integer, uuid, text) to authenticated;

create function public.trainer_client_balances()
returns table (client_id uuid, with_trainer integer, platform integer)
language plpgsql
stable
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_trainer();
begin
  return query
    select tc.client_id,
           coalesce(sum(l.delta) filter (where l.trainer_id = v_caller), 0)::integer,
           coalesce(sum(l.delta) filter (where l.trainer_id is null), 0)::integer
    from public.trainer_clients tc
    left join public.credit_ledger l
      on l.client_id = tc.client_id and (l.trainer_id = v_caller or l.trainer_id is null) and not l.deleted
    where tc.trainer_id = v_caller and tc.status = 'active' and not tc.deleted and tc.client_id is not null
    group by tc.client_id;
end;
$$;
comment on function public.trainer_client_balances() is
  'For the calling trainer: each active client''s credits bought from or given by them, and the client''s plan credits usable with any trainer.';
revoke execute on function public.trainer_client_balances() from public, anon;
grant execute on function public.trainer_client_balances() to authenticated;

-- Prices and cancellation policy -------------------------------------------------------------------
create function public.set_trainer_pricing(
  p_currency text,
  p_single_cents integer,
  p_five_pack_cents integer,
  p_ten_pack_cents integer,
  p_cancellation_policy text,
  p_free_trial_session boolean,
  p_trial_sessions_per_week integer,
  p_idempotency_key uuid
)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_trainer();
  v_request jsonb := jsonb_build_object('currency', p_currency, 'single', p_single_cents, 'pack5', p_five_pack_cents,
    'pack10', p_ten_pack_cents, 'policy', p_cancellation_policy, 'trial', p_free_trial_session, 'trials', p_trial_sessions_per_week);
  v_replay jsonb;
  v_row public.trainer_pricing;
begin
  v_replay := billing.idempotency_replay(v_caller, 'set_trainer_pricing', p_idempotency_key, v_request);
  if v_replay is not null then
    return v_replay;
  end if;
  if p_currency is null or p_currency !~ '^[A-Z]{3}$' then
    perform billing.refuse('invalid_argument', 'currency must be a three-letter code such as GBP');
  end if;
  if p_single_cents not between 0 and 10000000 or p_five_pack_cents not between 0 and 10000000
     or p_ten_pack_cents not between 0 and 10000000 then
    perform billing.refuse('invalid_argument', 'a price must be between 0 and 100,000');
  end if;
  if p_cancellation_policy is null or p_cancellation_policy not in ('always_free', 'up_to_12h', 'up_to_24h') then
    perform billing.refuse('invalid_argument', 'the cancellation policy must be always_free, up_to_12h or up_to_24h');
  end if;
  if p_trial_sessions_per_week is null or p_trial_sessions_per_week not between 0 and 50 then
    perform billing.refuse('invalid_argument', 'free trial sessions per week must be between 0 and 50');
  end if;
  -- One live row per trainer: the advisory lock makes two first saves queue.
  perform pg_advisory_xact_lock(hashtextextended('public.trainer_pricing:' || v_caller::text, 0));
  update public.trainer_pricing tp
  set currency = p_currency,
      offers_single = p_single_cents is not null, single_session_price_cents = p_single_cents,
      offers_five_pack = p_five_pack_cents is not null, five_pack_price_cents = p_five_pack_cents,
      offers_ten_pack = p_ten_pack_cents is not null, ten_pack_price_cents = p_ten_pack_cents,
      cancellation_policy = p_cancellation_policy,
      free_trial_session = coalesce(p_free_trial_session, false),
      trial_sessions_per_week = p_trial_sessions_per_week,
      updated_at = now()
  where tp.trainer_id = v_caller and not tp.deleted
  returning * into v_row;
  if not found then
    insert into public.trainer_pricing (trainer_id, currency, offers_single, single_session_price_cents, offers_five_pack,
      five_pack_price_cents, offers_ten_pack, ten_pack_price_cents, cancellation_policy, free_trial_session,
      trial_sessions_per_week, updated_at)
    values (v_caller, p_currency, p_single_cents is not null, p_single_cents, p_five_pack_cents is not null, p_five_pack_cents,
      p_ten_pack_cents is not null, p_ten_pack_cents, p_cancellation_policy, coalesce(p_free_trial_session, false),
      p_trial_sessions_per_week, now())
    returning * into v_row;
  end if;
  return billing.idempotency_record(v_caller, 'set_trainer_pricing', p_idempotency_key, v_request,
    jsonb_build_object('pricing', jsonb_build_object(
      'currency', v_row.currency, 'single', v_row.single_session_price_cents, 'pack5', v_row.five_pack_price_cents,
      'pack10', v_row.ten_pack_price_cents, 'cancellation_policy', v_row.cancellation_policy,
      'free_trial_session', v_row.free_trial_session, 'trial_sessions_per_week', v_row.trial_sessions_per_week)));
end;
$$;
comment on function public.set_trainer_pricing(text, integer, integer, integer, text, boolean, integer, uuid) is
  'The trainer''s prices (null: not sold) and cancellation policy, as their one live trainer_pricing row. Bookings already made keep the policy they were made under. Idempotent by key.';
revoke execute on function public.set_trainer_pricing(text, integer, integer, integer, text, boolean, integer, uuid) from public, anon;
grant execute on function public.set_trainer_pricing(text, integer, integer, integer, text, boolean, integer, uuid) to authenticated;

revoke all on all functions in schema billing from public;

-- Realtime: a client's device hears its payment confirmed (the trainer's device hears a purchase).
alter publication supabase_realtime add table public.payments;
