-- Issue 16.4: an invitation bound to an email cannot be taken over. A fresh account refused on
-- an invitation for another address changed its own email with PUT /auth/v1/user (the local
-- Auth applied it at once), then accepted. The local Auth now confirms an email change before
-- applying it, as hosted Auth's secure email change does; and accept_invitation compares the
-- invitation only with a confirmed address.

create or replace function public.accept_invitation(code text)
returns public.trainer_clients
language plpgsql
volatile
security definer
set search_path = ''
as $$
declare
  caller uuid := (select auth.uid());
  caller_email text;
  invitation public.trainer_clients;
begin
  if caller is null then
    raise exception using errcode = '42501', message = 'accept_invitation: sign in to accept an invitation';
  end if;
  if (select p.role from public.profiles p where p.id = caller and not p.deleted) is distinct from 'client' then
    raise exception using errcode = '42501', message = 'accept_invitation: only a client account can accept an invitation';
  end if;
  select tc.* into invitation
  from public.trainer_clients tc
  where tc.invite_code = upper(trim(code)) and not tc.deleted
  for update;
  if not found or invitation.status <> 'invited' or (invitation.client_id is not null and invitation.client_id <> caller) then
    raise exception using errcode = 'P0002', message = 'accept_invitation: no open invitation with this code';
  end if;
  if invitation.trainer_id = caller then
    raise exception using errcode = '42501', message = 'accept_invitation: a trainer cannot join their own roster';
  end if;
  -- Only a confirmed address counts: an email change waits in email_change until the new
  -- address confirms it, and an unconfirmed account proves no address at all.
  select u.email into caller_email from auth.users u where u.id = caller and u.email_confirmed_at is not null;
  if invitation.invited_email is not null and lower(invitation.invited_email) <> lower(coalesce(caller_email, '')) then
    raise exception using errcode = '42501', message = 'accept_invitation: this invitation was sent to another email address';
  end if;
  if exists (
    select 1 from public.trainer_clients tc
    where tc.trainer_id = invitation.trainer_id and tc.client_id = caller and tc.status = 'active' and not tc.deleted
  ) then
    raise exception using errcode = '23505', message = 'accept_invitation: you are already an active client of this trainer';
  end if;
  update public.trainer_clients tc
  set client_id = caller, status = 'active', accepted_at = now(), updated_at = now()
  where tc.id = invitation.id
  returning tc.* into invitation;
  return invitation;
end;
$$;
comment on function public.accept_invitation(text) is
  'The only way onto a roster: the signed-in client accepts an open invitation by its code (and their confirmed email, if the invitation names one).';
