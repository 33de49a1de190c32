-- Module 8, bookings decided on the server (issue 9): book, request (seed 002 approval flow),
-- approve or decline, cancel with the trainer's refund policy, reschedule, mark completed or
-- no-show, and group sessions with a capacity.
--
-- Every function is security definer (bookings and the ledger have no write policies), checks
-- the caller itself, takes its locks in the order given in 20261125100000_credit_functions.sql
-- (idempotency key, slot or group session, trainer's trial lock, client, booking row), and
-- writes the booking and its ledger entries in one transaction. The exclusion constraints on
-- bookings stay the final guard: a concurrent overlapping insert that slips past the checks
-- fails with 23P01, which is answered as slot_taken (or client_busy).
--
-- Decisions:
--   * Only a client in an active relationship with the trainer may book, request, join or buy
--     (not_your_trainer); the slot must be one of the trainer's slots (outside_availability)
--     and in the future (slot_in_past).
--   * A session costs 1 credit; a request holds its slot and its credit until the trainer
--     answers; a decline refunds. If the trainer offers a free trial session
--     (trainer_pricing.free_trial_session), a client's first booking with that trainer costs
--     nothing (credits_spent 0), at most trial_sessions_per_week such bookings per UTC week
--     (0 = no cap).
--   * Cancelling: the client may cancel any active booking before it starts. The refund
--     follows the policy stored on the booking when it was made (always_free, up_to_12h,
--     up_to_24h; exactly 12 h before counts as in time). When no refund is due the booking is
--     still cancelled, without a refund, and the result says refund_refused:
--     "too_late_to_cancel" — unless the device passed p_require_refund = true (it showed the
--     person a refund), in which case the call is refused with too_late_to_cancel and nothing
--     changes. A trainer cancelling, and a client withdrawing a request, always refund.
--   * Rescheduling moves the booking atomically to another free slot without touching
--     credits. The policy is seed 003's "cancel/reschedule" policy: a client may reschedule a
--     confirmed booking only while a cancellation would still be refunded
--     (too_late_to_reschedule); the trainer always may.
--   * book_session creates a confirmed booking; request_booking a requested one, which
--     respond_to_booking_request turns into confirmed or cancelled.
--
-- Refusal codes (P0001, message '<code>: <text>', detail '<code>'):
--   invalid_argument, not_authenticated, idempotency_conflict, not_your_trainer, slot_in_past,
--   outside_availability, slot_taken, client_busy, no_credits, not_your_booking,
--   booking_not_active, booking_started, booking_not_started, too_late_to_cancel,
--   too_late_to_reschedule, not_a_request, forbidden, group_session_not_found,
--   group_session_closed, already_joined, not_joined, group_full.

-- Shapes of results -------------------------------------------------------------------------------
create function billing.booking_json(b public.bookings)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return jsonb_build_object(
    'id', b.id, 'trainer_id', b.trainer_id, 'client_id', b.client_id, 'kind', b.kind,
    'group_session_id', b.group_session_id, 'starts_at', b.starts_at, 'ends_at', b.ends_at,
    'status', b.status, 'credits_spent', b.credits_spent, 'cancellation_policy', b.cancellation_policy,
    'cancelled_at', b.cancelled_at, 'cancel_reason', b.cancel_reason, 'notes', b.notes,
    'server_rev', b.server_rev);
end;
$$;
comment on function billing.booking_json(public.bookings) is 'A booking as the functions return it (src/features/bookings/model.ts bookingModel).';

create function billing.attendee_json(a public.group_session_attendees)
returns jsonb
language plpgsql
stable
security invoker
set search_path = ''
as $$
begin
  return jsonb_build_object(
    'id', a.id, 'group_session_id', a.group_session_id, 'client_id', a.client_id, 'trainer_id', a.trainer_id,
    'status', a.status, 'credits_spent', a.credits_spent, 'server_rev', a.server_rev);
end;
$$;
comment on function billing.attendee_json(public.group_session_attendees) is 'A group seat as the functions return it.';

create function billing.lock_slot(p_trainer_id uuid, p_starts_at timestamptz)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('billing.slot:' || p_trainer_id::text || ':' || extract(epoch from p_starts_at)::text, 0));
end;
$$;
comment on function billing.lock_slot(uuid, timestamptz) is
  'Transaction lock on one slot of a trainer: requests for the same slot queue, other slots go on in parallel.';

create function billing.client_balance_with(p_client_id uuid, p_trainer_id uuid)
returns integer
language plpgsql
stable
security invoker
set search_path = ''
as $$
declare
  v_balance record;
begin
  select * into v_balance from billing.balances(p_client_id, p_trainer_id);
  return v_balance.platform + v_balance.trainer;
end;
$$;
comment on function billing.client_balance_with(uuid, uuid) is 'What the client can spend with the trainer: platform bucket + that trainer''s.';

-- Booking (shared by book_session and request_booking) ------------------------------------------------
create function billing.create_booking(
  p_caller uuid, p_function text, p_trainer_id uuid, p_starts_at timestamptz, p_status text, p_key uuid, p_notes text)
returns jsonb
language plpgsql
security invoker
set search_path = ''
as $$
declare
  v_slot record;
  v_pricing public.trainer_pricing;
  v_trial boolean := false;
  v_booking public.bookings;
  v_constraint text;
  v_balance integer;
begin
  if p_trainer_id is null or p_starts_at is null then
    perform billing.refuse('invalid_argument', 'p_trainer_id and p_starts_at are required');
  end if;
  if p_notes is not null and length(p_notes) > 2000 then
    perform billing.refuse('invalid_argument', 'the message is longer than 2000 characters');
  end if;
  if not billing.is_active_client(p_caller, p_trainer_id) then
    perform billing.refuse('not_your_trainer', 'you can book only with a trainer whose client you are',
      'Accept your trainer''s invitation first.');
  end if;
  if p_starts_at <= now() then
    perform billing.refuse('slot_in_past', 'that time has already passed');
  end if;
  select s.starts_at, s.ends_at into v_slot from billing.slot_at(p_trainer_id, p_starts_at) s;
  if not found then
    perform billing.refuse('outside_availability', 'the trainer offers no session starting at that time',
      'Pick one of the times bookable_slots() lists.');
  end if;

  perform billing.lock_slot(p_trainer_id, p_starts_at);
  if billing.trainer_busy(p_trainer_id, v_slot.starts_at, v_slot.ends_at, null) then
    perform billing.refuse('slot_taken', 'that time has just been booked by someone else', 'Pick another time.');
  end if;
  select tp.* into v_pricing from public.trainer_pricing tp where tp.trainer_id = p_trainer_id and not tp.deleted;
  if coalesce(v_pricing.free_trial_session, false) then
    perform pg_advisory_xact_lock(hashtextextended('billing.trial:' || p_trainer_id::text, 0));
  end if;
  perform billing.lock_client(p_caller);
  if billing.client_busy(p_caller, v_slot.starts_at, v_slot.ends_at, null) then
    perform billing.refuse('client_busy', 'you already have a session at that time');
  end if;

  if coalesce(v_pricing.free_trial_session, false) then
    v_trial := not exists (
        select 1 from public.bookings b
        where b.client_id = p_caller and b.trainer_id = p_trainer_id and b.status <> 'cancelled' and not b.deleted
      )
      and (v_pricing.trial_sessions_per_week = 0 or (
        select count(*) from public.bookings b
        where b.trainer_id = p_trainer_id and b.kind = 'one_to_one' and b.credits_spent = 0
          and b.status <> 'cancelled' and not b.deleted
          and b.starts_at >= date_trunc('week', p_starts_at at time zone 'UTC') at time zone 'UTC'
          and b.starts_at < (date_trunc('week', p_starts_at at time zone 'UTC') + interval '7 days') at time zone 'UTC'
      ) < v_pricing.trial_sessions_per_week);
  end if;
  if not v_trial then
    perform billing.grant_monthly_credits_locked(p_caller);
  end if;

  begin
    insert into public.bookings (trainer_id, client_id, kind, starts_at, ends_at, status, credits_spent,
                                 cancellation_policy, idempotency_key, notes, updated_at)
    values (p_trainer_id, p_caller, 'one_to_one', v_slot.starts_at, v_slot.ends_at, p_status,
            case when v_trial then 0 else 1 end, coalesce(v_pricing.cancellation_policy, 'up_to_24h'),
            p_key::text, p_notes, now())
    returning * into v_booking;
  exception
    when exclusion_violation then
      get stacked diagnostics v_constraint = constraint_name;
      if v_constraint = 'bookings_client_id_during_no_overlap' then
        perform billing.refuse('client_busy', 'you already have a session at that time');
      end if;
      perform billing.refuse('slot_taken', 'that time has just been booked by someone else', 'Pick another time.');
    when unique_violation then
      perform billing.refuse('idempotency_conflict', 'this idempotency key was already used for another booking');
  end;
  v_balance := billing.spend_credits(p_caller, p_trainer_id, case when v_trial then 0 else 1 end,
                                     v_booking.id, null, p_function || ':' || p_key::text);
  return jsonb_build_object(
    'booking', billing.booking_json(v_booking),
    'free_trial', v_trial,
    'balance', v_balance);
end;
$$;
comment on function billing.create_booking(uuid, text, uuid, timestamptz, text, uuid, text) is
  'Books one of the trainer''s free slots for the caller with status p_status, spending 1 credit (or a free trial).';

revoke all on all functions in schema billing from public;

-- book_session -----------------------------------------------------------------------------------------
create function public.book_session(p_trainer_id uuid, p_starts_at timestamptz, p_idempotency_key uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('trainer_id', p_trainer_id, 'starts_at', p_starts_at);
  v_result jsonb;
begin
  v_result := billing.idempotency_replay(v_caller, 'book_session', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  v_result := billing.create_booking(v_caller, 'book_session', p_trainer_id, p_starts_at, 'confirmed', p_idempotency_key, null);
  return billing.idempotency_record(v_caller, 'book_session', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.book_session(uuid, timestamptz, uuid) is
  'A client books a free slot of their trainer: a confirmed booking and 1 credit spent, in one transaction. Returns {booking, free_trial, balance, replayed}. Refusals: not_your_trainer, slot_in_past, outside_availability, slot_taken, client_busy, no_credits, idempotency_conflict.';
revoke execute on function public.book_session(uuid, timestamptz, uuid) from public, anon;
grant execute on function public.book_session(uuid, timestamptz, uuid) to authenticated;

-- request_booking (seed 002: the trainer approves) -------------------------------------------------------
create function public.request_booking(p_trainer_id uuid, p_starts_at timestamptz, p_idempotency_key uuid, p_message text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('trainer_id', p_trainer_id, 'starts_at', p_starts_at, 'message', p_message);
  v_result jsonb;
begin
  v_result := billing.idempotency_replay(v_caller, 'request_booking', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  v_result := billing.create_booking(v_caller, 'request_booking', p_trainer_id, p_starts_at, 'requested', p_idempotency_key, p_message);
  return billing.idempotency_record(v_caller, 'request_booking', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.request_booking(uuid, timestamptz, uuid, text) is
  'A client asks for a slot: a requested booking that holds the slot and 1 credit until the trainer answers (respond_to_booking_request). Same refusals as book_session.';
revoke execute on function public.request_booking(uuid, timestamptz, uuid, text) from public, anon;
grant execute on function public.request_booking(uuid, timestamptz, uuid, text) to authenticated;

-- respond_to_booking_request --------------------------------------------------------------------------------
create function public.respond_to_booking_request(p_booking_id uuid, p_approve boolean, p_idempotency_key uuid, p_reason text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('booking_id', p_booking_id, 'approve', p_approve, 'reason', p_reason);
  v_result jsonb;
  v_client uuid;
  v_booking public.bookings;
  v_refunded integer := 0;
begin
  v_result := billing.idempotency_replay(v_caller, 'respond_to_booking_request', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if p_booking_id is null or p_approve is null or (p_reason is not null and length(p_reason) > 500) then
    perform billing.refuse('invalid_argument', 'p_booking_id and p_approve are required; p_reason is at most 500 characters');
  end if;
  select b.client_id into v_client from public.bookings b
  where b.id = p_booking_id and b.trainer_id = v_caller and b.kind = 'one_to_one' and not b.deleted;
  if not found then
    perform billing.refuse('not_your_booking', 'no booking request of yours has this id');
  end if;
  perform billing.lock_client(v_client);
  select b.* into v_booking from public.bookings b where b.id = p_booking_id for update;
  if v_booking.status <> 'requested' then
    perform billing.refuse('not_a_request', format('the booking is %s, not awaiting your answer', v_booking.status));
  end if;
  if p_approve then
    if v_booking.starts_at <= now() then
      perform billing.refuse('booking_started', 'the requested time has passed; decline it instead');
    end if;
    update public.bookings b set status = 'confirmed', updated_at = now()
    where b.id = p_booking_id returning * into v_booking;
  else
    update public.bookings b
    set status = 'cancelled', cancelled_at = now(), cancel_reason = coalesce(p_reason, 'declined_by_trainer'), updated_at = now()
    where b.id = p_booking_id returning * into v_booking;
    v_refunded := billing.refund_credits(v_client, p_booking_id, null, 'respond_to_booking_request:' || p_idempotency_key::text);
  end if;
  v_result := jsonb_build_object('booking', billing.booking_json(v_booking), 'refunded', v_refunded);
  return billing.idempotency_record(v_caller, 'respond_to_booking_request', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.respond_to_booking_request(uuid, boolean, uuid, text) is
  'The trainer approves (confirmed) or declines (cancelled, credit refunded) a requested booking. Refusals: not_your_booking, not_a_request, booking_started.';
revoke execute on function public.respond_to_booking_request(uuid, boolean, uuid, text) from public, anon;
grant execute on function public.respond_to_booking_request(uuid, boolean, uuid, text) to authenticated;

-- cancel_booking ------------------------------------------------------------------------------------------------
create function public.cancel_booking(p_booking_id uuid, p_idempotency_key uuid, p_require_refund boolean default false, p_reason text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('booking_id', p_booking_id, 'require_refund', coalesce(p_require_refund, false), 'reason', p_reason);
  v_result jsonb;
  v_ref record;
  v_booking public.bookings;
  v_by_trainer boolean;
  v_refund boolean;
  v_refunded integer := 0;
begin
  v_result := billing.idempotency_replay(v_caller, 'cancel_booking', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if p_booking_id is null or (p_reason is not null and length(p_reason) > 500) then
    perform billing.refuse('invalid_argument', 'p_booking_id is required; p_reason is at most 500 characters');
  end if;
  select b.client_id, b.trainer_id, b.kind into v_ref from public.bookings b where b.id = p_booking_id and not b.deleted;
  if not found or v_caller is distinct from v_ref.client_id and v_caller is distinct from v_ref.trainer_id then
    perform billing.refuse('not_your_booking', 'you have no booking with this id');
  end if;
  if v_ref.kind <> 'one_to_one' then
    perform billing.refuse('invalid_argument', 'this is a group session''s block; cancel the group session instead');
  end if;
  v_by_trainer := v_caller = v_ref.trainer_id;

  perform billing.lock_client(v_ref.client_id);
  select b.* into v_booking from public.bookings b where b.id = p_booking_id for update;
  if v_booking.status not in ('requested', 'scheduled', 'confirmed') then
    perform billing.refuse('booking_not_active', format('the booking is already %s', v_booking.status));
  end if;
  if v_booking.starts_at <= now() then
    perform billing.refuse('booking_started', 'the session has already started');
  end if;
  v_refund := v_by_trainer or v_booking.status = 'requested'
    or billing.refund_due(v_booking.cancellation_policy, v_booking.starts_at, now());
  if not v_refund and coalesce(p_require_refund, false) then
    perform billing.refuse('too_late_to_cancel', 'it is too late to cancel this session with a refund',
      format('The trainer''s policy (%s) refunds only cancellations made before %s.', v_booking.cancellation_policy,
             to_char(v_booking.starts_at - case v_booking.cancellation_policy when 'up_to_12h' then interval '12 hours' else interval '24 hours' end,
                     'YYYY-MM-DD"T"HH24:MI:SSOF')));
  end if;

  update public.bookings b
  set status = 'cancelled', cancelled_at = now(), updated_at = now(),
      cancel_reason = coalesce(p_reason, case when v_by_trainer then 'cancelled_by_trainer' else 'cancelled_by_client' end)
  where b.id = p_booking_id
  returning * into v_booking;
  if v_refund then
    v_refunded := billing.refund_credits(v_booking.client_id, p_booking_id, null, 'cancel_booking:' || p_idempotency_key::text);
  end if;
  v_result := jsonb_build_object(
    'booking', billing.booking_json(v_booking),
    'refunded', v_refunded,
    'refund_refused', case when v_refund then null else 'too_late_to_cancel' end,
    'balance', case when v_by_trainer then null else billing.client_balance_with(v_booking.client_id, v_booking.trainer_id) end);
  return billing.idempotency_record(v_caller, 'cancel_booking', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.cancel_booking(uuid, uuid, boolean, text) is
  'The client (or the trainer) cancels an active booking before it starts. Refund per the booking''s policy (always for the trainer or a pending request); without one the booking is cancelled and refund_refused says too_late_to_cancel, unless p_require_refund, which refuses instead. Refusals: not_your_booking, booking_not_active, booking_started, too_late_to_cancel.';
revoke execute on function public.cancel_booking(uuid, uuid, boolean, text) from public, anon;
grant execute on function public.cancel_booking(uuid, uuid, boolean, text) to authenticated;

-- reschedule_booking ----------------------------------------------------------------------------------------------
create function public.reschedule_booking(p_booking_id uuid, p_new_starts_at timestamptz, p_idempotency_key uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('booking_id', p_booking_id, 'new_starts_at', p_new_starts_at);
  v_result jsonb;
  v_ref record;
  v_slot record;
  v_booking public.bookings;
  v_previous timestamptz;
  v_constraint text;
begin
  v_result := billing.idempotency_replay(v_caller, 'reschedule_booking', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if p_booking_id is null or p_new_starts_at is null then
    perform billing.refuse('invalid_argument', 'p_booking_id and p_new_starts_at are required');
  end if;
  select b.client_id, b.trainer_id, b.kind into v_ref from public.bookings b where b.id = p_booking_id and not b.deleted;
  if not found or v_caller is distinct from v_ref.client_id and v_caller is distinct from v_ref.trainer_id then
    perform billing.refuse('not_your_booking', 'you have no booking with this id');
  end if;
  if v_ref.kind <> 'one_to_one' then
    perform billing.refuse('invalid_argument', 'a group session''s block cannot be rescheduled here');
  end if;
  if p_new_starts_at <= now() then
    perform billing.refuse('slot_in_past', 'that time has already passed');
  end if;
  select s.starts_at, s.ends_at into v_slot from billing.slot_at(v_ref.trainer_id, p_new_starts_at) s;
  if not found then
    perform billing.refuse('outside_availability', 'the trainer offers no session starting at that time',
      'Pick one of the times bookable_slots() lists.');
  end if;

  perform billing.lock_slot(v_ref.trainer_id, p_new_starts_at);
  perform billing.lock_client(v_ref.client_id);
  select b.* into v_booking from public.bookings b where b.id = p_booking_id for update;
  if v_booking.status not in ('requested', 'scheduled', 'confirmed') then
    perform billing.refuse('booking_not_active', format('the booking is already %s', v_booking.status));
  end if;
  if v_booking.starts_at <= now() then
    perform billing.refuse('booking_started', 'the session has already started');
  end if;
  if v_booking.starts_at = p_new_starts_at then
    perform billing.refuse('invalid_argument', 'the booking is already at that time');
  end if;
  if v_caller = v_booking.client_id and v_booking.status <> 'requested'
     and not billing.refund_due(v_booking.cancellation_policy, v_booking.starts_at, now()) then
    perform billing.refuse('too_late_to_reschedule', 'it is too late to move this session under the trainer''s policy',
      'Ask your trainer to move it.');
  end if;
  if billing.trainer_busy(v_booking.trainer_id, v_slot.starts_at, v_slot.ends_at, p_booking_id) then
    perform billing.refuse('slot_taken', 'that time has just been booked by someone else', 'Pick another time.');
  end if;
  if billing.client_busy(v_booking.client_id, v_slot.starts_at, v_slot.ends_at, p_booking_id) then
    perform billing.refuse('client_busy', 'the client already has a session at that time');
  end if;

  v_previous := v_booking.starts_at;
  begin
    update public.bookings b
    set starts_at = v_slot.starts_at, ends_at = v_slot.ends_at, updated_at = now()
    where b.id = p_booking_id
    returning * into v_booking;
  exception when exclusion_violation then
    get stacked diagnostics v_constraint = constraint_name;
    if v_constraint = 'bookings_client_id_during_no_overlap' then
      perform billing.refuse('client_busy', 'the client already has a session at that time');
    end if;
    perform billing.refuse('slot_taken', 'that time has just been booked by someone else', 'Pick another time.');
  end;
  v_result := jsonb_build_object(
    'booking', billing.booking_json(v_booking),
    'previous_starts_at', v_previous,
    'balance', case when v_caller = v_booking.client_id then billing.client_balance_with(v_booking.client_id, v_booking.trainer_id) end);
  return billing.idempotency_record(v_caller, 'reschedule_booking', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.reschedule_booking(uuid, timestamptz, uuid) is
  'Moves an active booking to another free slot of the same trainer, atomically and without any credit change. A client may do so only while a cancellation would be refunded. Refusals: not_your_booking, booking_not_active, booking_started, slot_in_past, outside_availability, slot_taken, client_busy, too_late_to_reschedule.';
revoke execute on function public.reschedule_booking(uuid, timestamptz, uuid) from public, anon;
grant execute on function public.reschedule_booking(uuid, timestamptz, uuid) to authenticated;

-- mark_booking_status ------------------------------------------------------------------------------------------------
create function public.mark_booking_status(p_booking_id uuid, p_status text)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_booking public.bookings;
begin
  if p_booking_id is null or p_status is null or p_status not in ('completed', 'no_show') then
    perform billing.refuse('invalid_argument', 'p_status must be completed or no_show');
  end if;
  select b.* into v_booking from public.bookings b
  where b.id = p_booking_id and b.trainer_id = v_caller and b.kind = 'one_to_one' and not b.deleted
  for update;
  if not found then
    perform billing.refuse('not_your_booking', 'you have no booking with this id');
  end if;
  if v_booking.status not in ('scheduled', 'confirmed', 'completed', 'no_show') then
    perform billing.refuse('booking_not_active', format('the booking is %s', v_booking.status));
  end if;
  if v_booking.starts_at > now() then
    perform billing.refuse('booking_not_started', 'the session has not started yet');
  end if;
  if v_booking.status <> p_status then
    update public.bookings b set status = p_status, updated_at = now()
    where b.id = p_booking_id returning * into v_booking;
  end if;
  return jsonb_build_object('booking', billing.booking_json(v_booking));
end;
$$;
comment on function public.mark_booking_status(uuid, text) is
  'The trainer marks a session that has started as completed or no_show (the credit stays spent either way). Idempotent. Refusals: not_your_booking, booking_not_active, booking_not_started.';
revoke execute on function public.mark_booking_status(uuid, text) from public, anon;
grant execute on function public.mark_booking_status(uuid, text) to authenticated;

-- Group sessions -------------------------------------------------------------------------------------------------------
create function public.create_group_session(
  p_title text, p_starts_at timestamptz, p_ends_at timestamptz, p_capacity integer, p_idempotency_key uuid,
  p_credits_per_seat integer default 1, p_description text default null, p_location text default null)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('title', p_title, 'starts_at', p_starts_at, 'ends_at', p_ends_at, 'capacity', p_capacity,
    'credits_per_seat', p_credits_per_seat, 'description', p_description, 'location', p_location);
  v_result jsonb;
  v_session public.group_sessions;
  v_booking public.bookings;
begin
  v_result := billing.idempotency_replay(v_caller, 'create_group_session', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if (select p.role from public.profiles p where p.id = v_caller and not p.deleted) is distinct from 'trainer' then
    perform billing.refuse('forbidden', 'only a trainer creates group sessions');
  end if;
  if p_title is null or length(trim(p_title)) not between 1 and 120 or p_starts_at is null or p_ends_at is null
     or p_ends_at <= p_starts_at or p_capacity is null or p_capacity not between 1 and 1000
     or p_credits_per_seat is null or p_credits_per_seat not between 0 and 100 then
    perform billing.refuse('invalid_argument', 'a title (1-120 characters), a start before the end, a capacity of 1-1000 and 0-100 credits per seat are required');
  end if;
  if p_starts_at <= now() then
    perform billing.refuse('slot_in_past', 'that time has already passed');
  end if;
  insert into public.group_sessions (trainer_id, title, description, location, starts_at, ends_at, capacity, credits_per_seat, updated_at)
  values (v_caller, trim(p_title), p_description, p_location, p_starts_at, p_ends_at, p_capacity, p_credits_per_seat, now())
  returning * into v_session;
  begin
    insert into public.bookings (trainer_id, client_id, kind, group_session_id, starts_at, ends_at, status, credits_spent, idempotency_key, updated_at)
    values (v_caller, null, 'group', v_session.id, p_starts_at, p_ends_at, 'confirmed', 0, p_idempotency_key::text, now())
    returning * into v_booking;
  exception
    when exclusion_violation then
      perform billing.refuse('slot_taken', 'you already have a booking in that time');
    when unique_violation then
      perform billing.refuse('idempotency_conflict', 'this idempotency key was already used for another booking');
  end;
  v_result := jsonb_build_object(
    'group_session', to_jsonb(v_session) - 'txid',
    'booking', billing.booking_json(v_booking));
  return billing.idempotency_record(v_caller, 'create_group_session', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.create_group_session(text, timestamptz, timestamptz, integer, uuid, integer, text, text) is
  'A trainer creates a group class with a capacity; its time is blocked in the trainer''s calendar by a booking of kind group. Refusals: forbidden, invalid_argument, slot_in_past, slot_taken.';
revoke execute on function public.create_group_session(text, timestamptz, timestamptz, integer, uuid, integer, text, text) from public, anon;
grant execute on function public.create_group_session(text, timestamptz, timestamptz, integer, uuid, integer, text, text) to authenticated;

create function public.join_group_session(p_group_session_id uuid, p_idempotency_key uuid)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('group_session_id', p_group_session_id);
  v_result jsonb;
  v_session public.group_sessions;
  v_seats integer;
  v_attendee public.group_session_attendees;
  v_balance integer;
begin
  v_result := billing.idempotency_replay(v_caller, 'join_group_session', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if p_group_session_id is null then
    perform billing.refuse('invalid_argument', 'p_group_session_id is required');
  end if;
  -- The session row's lock makes seat counting exact: joins of one session queue here.
  select gs.* into v_session from public.group_sessions gs where gs.id = p_group_session_id and not gs.deleted for update;
  if not found then
    perform billing.refuse('group_session_not_found', 'no such group session');
  end if;
  if not billing.is_active_client(v_caller, v_session.trainer_id) then
    perform billing.refuse('not_your_trainer', 'you can join the group sessions of your own trainers only');
  end if;
  if v_session.status <> 'scheduled' or v_session.starts_at <= now() then
    perform billing.refuse('group_session_closed', 'this group session is no longer open');
  end if;
  perform billing.lock_client(v_caller);
  if exists (
    select 1 from public.group_session_attendees a
    where a.group_session_id = p_group_session_id and a.client_id = v_caller and a.status <> 'cancelled' and not a.deleted
  ) then
    perform billing.refuse('already_joined', 'you already have a seat in this group session');
  end if;
  select count(*) into v_seats from public.group_session_attendees a
  where a.group_session_id = p_group_session_id and a.status in ('registered', 'attended') and not a.deleted;
  if v_seats >= v_session.capacity then
    perform billing.refuse('group_full', format('all %s seats are taken', v_session.capacity));
  end if;
  if v_session.credits_per_seat > 0 then
    perform billing.grant_monthly_credits_locked(v_caller);
  end if;
  begin
    insert into public.group_session_attendees (group_session_id, client_id, status, credits_spent, idempotency_key, updated_at)
    values (p_group_session_id, v_caller, 'registered', v_session.credits_per_seat, p_idempotency_key::text, now())
    returning * into v_attendee;
  exception when unique_violation then
    perform billing.refuse('idempotency_conflict', 'this idempotency key was already used for another seat');
  end;
  v_balance := billing.spend_credits(v_caller, v_session.trainer_id, v_session.credits_per_seat, null, v_attendee.id,
                                     'join_group_session:' || p_idempotency_key::text);
  v_result := jsonb_build_object(
    'attendee', billing.attendee_json(v_attendee),
    'seats_taken', v_seats + 1,
    'capacity', v_session.capacity,
    'balance', v_balance);
  return billing.idempotency_record(v_caller, 'join_group_session', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.join_group_session(uuid, uuid) is
  'A client of the trainer takes a seat in a group session, spending its credits_per_seat. Refusals: group_session_not_found, not_your_trainer, group_session_closed, already_joined, group_full, no_credits.';
revoke execute on function public.join_group_session(uuid, uuid) from public, anon;
grant execute on function public.join_group_session(uuid, uuid) to authenticated;

create function public.leave_group_session(p_group_session_id uuid, p_idempotency_key uuid, p_require_refund boolean default false)
returns jsonb
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_caller uuid := billing.require_caller();
  v_request jsonb := jsonb_build_object('group_session_id', p_group_session_id, 'require_refund', coalesce(p_require_refund, false));
  v_result jsonb;
  v_session public.group_sessions;
  v_attendee public.group_session_attendees;
  v_policy text;
  v_refund boolean;
  v_refunded integer := 0;
begin
  v_result := billing.idempotency_replay(v_caller, 'leave_group_session', p_idempotency_key, v_request);
  if v_result is not null then
    return v_result;
  end if;
  if p_group_session_id is null then
    perform billing.refuse('invalid_argument', 'p_group_session_id is required');
  end if;
  select gs.* into v_session from public.group_sessions gs where gs.id = p_group_session_id and not gs.deleted for update;
  if not found then
    perform billing.refuse('group_session_not_found', 'no such group session');
  end if;
  perform billing.lock_client(v_caller);
  select a.* into v_attendee from public.group_session_attendees a
  where a.group_session_id = p_group_session_id and a.client_id = v_caller and a.status = 'registered' and not a.deleted
  for update;
  if not found then
    perform billing.refuse('not_joined', 'you have no seat in this group session');
  end if;
  if v_session.starts_at <= now() then
    perform billing.refuse('booking_started', 'the session has already started');
  end if;
  select tp.cancellation_policy into v_policy from public.trainer_pricing tp where tp.trainer_id = v_session.trainer_id and not tp.deleted;
  v_refund := v_session.status = 'cancelled' or billing.refund_due(v_policy, v_session.starts_at, now());
  if not v_refund and coalesce(p_require_refund, false) then
    perform billing.refuse('too_late_to_cancel', 'it is too late to leave this session with a refund');
  end if;
  update public.group_session_attendees a set status = 'cancelled', updated_at = now()
  where a.id = v_attendee.id returning * into v_attendee;
  if v_refund then
    v_refunded := billing.refund_credits(v_caller, null, v_attendee.id, 'leave_group_session:' || p_idempotency_key::text);
  end if;
  v_result := jsonb_build_object(
    'attendee', billing.attendee_json(v_attendee),
    'refunded', v_refunded,
    'refund_refused', case when v_refund then null else 'too_late_to_cancel' end,
    'balance', billing.client_balance_with(v_caller, v_session.trainer_id));
  return billing.idempotency_record(v_caller, 'leave_group_session', p_idempotency_key, v_request, v_result);
end;
$$;
comment on function public.leave_group_session(uuid, uuid, boolean) is
  'A client gives up their seat before the session starts; refund per the trainer''s current cancellation policy (as cancel_booking, including p_require_refund). Refusals: group_session_not_found, not_joined, booking_started, too_late_to_cancel.';
revoke execute on function public.leave_group_session(uuid, uuid, boolean) from public, anon;
grant execute on function public.leave_group_session(uuid, uuid, boolean) to authenticated;

revoke all on all functions in schema billing from public;
