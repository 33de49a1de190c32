-- Module 1, accounts and relationships: profiles (one per auth user, created on sign-up with a
-- 7-day trial), client and trainer profile details, the trainer-client roster with
-- invitations, and the membership helpers every later policy uses.
--
-- Who may do what:
--   profiles          a user reads their own and the profiles of the people they are in an
--                     active relationship with; edits their own, never role or trial dates.
--   client_profiles   the client reads/writes their own; their active trainers read it.
--   trainer_profiles  every signed-in user reads (a business listing); the trainer edits theirs.
--   trainer_clients   trainer and client read their rows; the trainer invites and removes; a
--                     client joins only through accept_invitation(code) and may leave.
-- Admins work in the Supabase dashboard (service role), not through these policies.

-- Generic guard: the listed columns may not be changed by an API user (anon/authenticated).
-- Functions running as their owner (security definer) and the service role are not API users.
create function public.guard_columns()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
declare
  col text;
begin
  if current_user not in ('anon', 'authenticated') then
    return new;
  end if;
  foreach col in array tg_argv loop
    if (to_jsonb(new) -> col) is distinct from (to_jsonb(old) -> col) then
      raise exception using
        errcode = '42501',
        message = format('permission denied: %s.%s cannot be changed from the app', tg_table_name, col),
        hint = 'Admins change it in the Supabase dashboard.';
    end if;
  end loop;
  return new;
end;
$$;
comment on function public.guard_columns() is
  'BEFORE UPDATE: refuses (42501, naming the column) changes by anon/authenticated to the columns listed as trigger arguments.';
revoke execute on function public.guard_columns() from public, anon, authenticated;

-- profiles -----------------------------------------------------------------------------------
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  role text not null default 'client',
  full_name text not null,
  avatar_url text,
  bio text,
  phone text,
  weight_unit text not null default 'kg',
  length_unit text not null default 'cm',
  timezone text not null default 'UTC',
  trial_started_at timestamptz not null default now(),
  trial_ends_at timestamptz not null default (now() + interval '7 days'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint profiles_role_known check (role in ('client', 'trainer', 'admin')),
  constraint profiles_full_name_not_blank check (length(trim(full_name)) between 1 and 200),
  constraint profiles_avatar_url_http check (avatar_url is null or avatar_url ~ '^https?://'),
  constraint profiles_bio_length check (bio is null or length(bio) <= 4000),
  constraint profiles_phone_format check (phone is null or phone ~ '^\+?[0-9 ()./-]{4,32}$'),
  constraint profiles_weight_unit_known check (weight_unit in ('kg', 'lb')),
  constraint profiles_length_unit_known check (length_unit in ('cm', 'in')),
  constraint profiles_timezone_not_blank check (length(trim(timezone)) between 1 and 64),
  constraint profiles_trial_ends_at_after_start check (trial_ends_at >= trial_started_at)
);
comment on table public.profiles is
  'One row per auth user (id = auth.users.id), created by the on_auth_user_created trigger. Role decides what the app shows; admin is set only in the dashboard.';
comment on column public.profiles.role is 'client | trainer | admin. Sign-up may ask for client or trainer; admin is set only by the service role/dashboard. Users cannot change it.';
comment on column public.profiles.weight_unit is 'Display unit for weights (kg | lb); values are always stored in kg.';
comment on column public.profiles.length_unit is 'Display unit for lengths (cm | in); values are always stored in cm.';
comment on column public.profiles.timezone is 'IANA time zone name (e.g. Europe/London) for calendars and daily logs.';
comment on column public.profiles.trial_started_at is 'Start of the 7-day free trial, set at sign-up (seed 000). Not editable from the app.';
comment on column public.profiles.trial_ends_at is 'End of the free trial (sign-up + 7 days). Not editable from the app.';
select sync.track_table('public.profiles');
create trigger profiles_guard_columns before update on public.profiles
  for each row execute function public.guard_columns('id', 'role', 'trial_started_at', 'trial_ends_at', 'deleted');
alter table public.profiles enable row level security;

-- client_profiles ----------------------------------------------------------------------------
create table public.client_profiles (
  id uuid primary key default extensions.gen_random_uuid(),
  client_id uuid not null references public.profiles (id) on delete cascade,
  goal text,
  experience_level text,
  preferred_days_per_week smallint,
  height_cm numeric(5, 1),
  date_of_birth date,
  starting_weight_kg numeric(5, 1),
  current_weight_kg numeric(5, 1),
  body_fat_pct numeric(4, 1),
  medical_clearance boolean,
  health_history text,
  limitations text,
  emergency_contacts jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint client_profiles_goal_known check (goal is null or goal in
    ('weight_loss', 'muscle_gain', 'strength', 'endurance', 'general_fitness', 'rehabilitation', 'sport_performance')),
  constraint client_profiles_experience_level_known check (experience_level is null or experience_level in
    ('beginner', 'intermediate', 'advanced', 'expert')),
  constraint client_profiles_preferred_days_per_week_range check (preferred_days_per_week between 1 and 7),
  constraint client_profiles_height_cm_range check (height_cm > 50 and height_cm <= 272),
  constraint client_profiles_date_of_birth_range check (date_of_birth > date '1900-01-01'),
  constraint client_profiles_starting_weight_kg_range check (starting_weight_kg > 20 and starting_weight_kg <= 700),
  constraint client_profiles_current_weight_kg_range check (current_weight_kg > 20 and current_weight_kg <= 700),
  constraint client_profiles_body_fat_pct_range check (body_fat_pct between 1 and 75),
  constraint client_profiles_emergency_contacts_array check (jsonb_typeof(emergency_contacts) = 'array')
);
create unique index client_profiles_client_id_key on public.client_profiles (client_id) where not deleted;
create index client_profiles_client_id_idx on public.client_profiles (client_id);
comment on table public.client_profiles is
  'Client details (module 1): goal, experience, body stats, health history and emergency contacts. One live row per client; their active trainers read it.';
comment on column public.client_profiles.client_id is 'The client (profiles.id). Ownership column used by RLS.';
comment on column public.client_profiles.medical_clearance is 'True when the client has declared medical clearance to exercise (liability, seed 004).';
comment on column public.client_profiles.limitations is 'Injuries and exercise limitations the trainer must respect.';
comment on column public.client_profiles.emergency_contacts is 'JSON array of {name, relationship, phone, is_primary}.';
select sync.track_table('public.client_profiles');
create trigger client_profiles_guard_columns before update on public.client_profiles
  for each row execute function public.guard_columns('client_id', 'deleted');
alter table public.client_profiles enable row level security;

-- trainer_profiles ---------------------------------------------------------------------------
create table public.trainer_profiles (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  business_name text,
  location text,
  specialisations text[] not null default '{}',
  certificates jsonb not null default '[]'::jsonb,
  years_experience smallint,
  social_links jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint trainer_profiles_business_name_not_blank check (business_name is null or length(trim(business_name)) between 1 and 200),
  constraint trainer_profiles_years_experience_range check (years_experience between 0 and 80),
  constraint trainer_profiles_certificates_array check (jsonb_typeof(certificates) = 'array'),
  constraint trainer_profiles_social_links_object check (jsonb_typeof(social_links) = 'object')
);
create unique index trainer_profiles_trainer_id_key on public.trainer_profiles (trainer_id) where not deleted;
create index trainer_profiles_trainer_id_idx on public.trainer_profiles (trainer_id);
comment on table public.trainer_profiles is
  'Trainer business listing (module 1): studio, specialisations, certificates, experience, social links. Readable by every signed-in user.';
comment on column public.trainer_profiles.certificates is 'JSON array of {name, issuer, year, document_url}.';
comment on column public.trainer_profiles.social_links is 'JSON object, e.g. {"instagram": "https://...", "website": "https://..."}.';
select sync.track_table('public.trainer_profiles');
create trigger trainer_profiles_guard_columns before update on public.trainer_profiles
  for each row execute function public.guard_columns('trainer_id', 'deleted');
alter table public.trainer_profiles enable row level security;

-- trainer_clients ----------------------------------------------------------------------------
create table public.trainer_clients (
  id uuid primary key default extensions.gen_random_uuid(),
  trainer_id uuid not null references public.profiles (id) on delete cascade,
  client_id uuid references public.profiles (id) on delete cascade,
  invited_email text,
  invite_code text not null default upper(encode(extensions.gen_random_bytes(5), 'hex')),
  status text not null default 'invited',
  invited_at timestamptz not null default now(),
  accepted_at timestamptz,
  removed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_device text,
  deleted boolean not null default false,
  server_rev bigint not null default nextval('sync.server_rev_seq'),
  txid xid8 not null default pg_current_xact_id(),
  constraint trainer_clients_status_known check (status in ('invited', 'active', 'removed')),
  constraint trainer_clients_client_id_when_active check (status <> 'active' or client_id is not null),
  constraint trainer_clients_client_id_not_trainer check (client_id is distinct from trainer_id),
  constraint trainer_clients_invited_email_format check (invited_email is null or invited_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  constraint trainer_clients_invite_code_format check (invite_code ~ '^[A-Z0-9]{6,32}$')
);
create unique index trainer_clients_invite_code_key on public.trainer_clients (invite_code);
create unique index trainer_clients_active_pair_key on public.trainer_clients (trainer_id, client_id)
  where status = 'active' and not deleted;
create index trainer_clients_trainer_id_idx on public.trainer_clients (trainer_id, status);
create index trainer_clients_client_id_idx on public.trainer_clients (client_id, status);
comment on table public.trainer_clients is
  'Roster: a trainer''s invitation to, and relationship with, a client. Only an active, non-deleted row gives the trainer access to the client''s data; removing it ends that access.';
comment on column public.trainer_clients.client_id is 'Null until the invitation is accepted; set only by accept_invitation(code).';
comment on column public.trainer_clients.invited_email is 'If set, only the user with this email may accept the invitation.';
comment on column public.trainer_clients.invite_code is 'Code the client enters (or follows in a link) to accept: accept_invitation(code).';
comment on column public.trainer_clients.status is 'invited -> active (accept_invitation) -> removed (by trainer or client). Only active grants access.';
select sync.track_table('public.trainer_clients');
alter table public.trainer_clients enable row level security;

-- Roster transitions an API user may make: trainers invite and remove, clients leave. Joining
-- (client_id, status active) happens only inside accept_invitation(), which runs as its owner.
create function public.trainer_clients_guard()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if current_user in ('anon', 'authenticated') then
    if new.trainer_id is distinct from old.trainer_id then
      raise exception using errcode = '42501', message = 'permission denied: trainer_clients.trainer_id cannot be changed';
    end if;
    if new.client_id is distinct from old.client_id then
      raise exception using errcode = '42501',
        message = 'permission denied: trainer_clients.client_id is set only by accept_invitation(code)';
    end if;
    if new.invite_code is distinct from old.invite_code then
      raise exception using errcode = '42501', message = 'permission denied: trainer_clients.invite_code cannot be changed';
    end if;
    if new.status = 'active' and old.status <> 'active' then
      raise exception using errcode = '42501',
        message = 'permission denied: trainer_clients.status becomes active only through accept_invitation(code)';
    end if;
  end if;
  if new.status = 'removed' and old.status <> 'removed' then
    new.removed_at := coalesce(new.removed_at, now());
  end if;
  return new;
end;
$$;
comment on function public.trainer_clients_guard() is
  'BEFORE UPDATE on trainer_clients: API users cannot change trainer_id/client_id/invite_code or activate a row; stamps removed_at.';
revoke execute on function public.trainer_clients_guard() from public, anon, authenticated;
create trigger trainer_clients_guard before update on public.trainer_clients
  for each row execute function public.trainer_clients_guard();

-- Membership helpers -------------------------------------------------------------------------
-- Security definer so policies can consult trainer_clients/profiles without recursing through
-- their RLS; each answers only about the caller (auth.uid()). Policies call them wrapped in
-- (select ...) so they run once per statement, not once per row.

create function public.current_app_role()
returns text
language sql
stable
security definer
set search_path = ''
as $$
  select p.role from public.profiles p where p.id = (select auth.uid()) and not p.deleted
$$;
comment on function public.current_app_role() is 'The caller''s profiles.role (client | trainer | admin), or null.';

create function public.my_client_ids()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(tc.client_id), '{}'::uuid[])
  from public.trainer_clients tc
  where tc.trainer_id = (select auth.uid()) and tc.status = 'active' and not tc.deleted and tc.client_id is not null
$$;
comment on function public.my_client_ids() is 'Clients in an active relationship with the caller as their trainer.';

create function public.my_trainer_ids()
returns uuid[]
language sql
stable
security definer
set search_path = ''
as $$
  select coalesce(array_agg(tc.trainer_id), '{}'::uuid[])
  from public.trainer_clients tc
  where tc.client_id = (select auth.uid()) and tc.status = 'active' and not tc.deleted
$$;
comment on function public.my_trainer_ids() is 'Trainers in an active relationship with the caller as their client.';

create function public.is_trainer_of(client uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.trainer_clients tc
    where tc.trainer_id = (select auth.uid()) and tc.client_id = client and tc.status = 'active' and not tc.deleted
  )
$$;
comment on function public.is_trainer_of(uuid) is 'True when the caller is an active trainer of the given client.';

create function public.is_client_of(trainer uuid)
returns boolean
language sql
stable
security definer
set search_path = ''
as $$
  select exists (
    select 1 from public.trainer_clients tc
    where tc.client_id = (select auth.uid()) and tc.trainer_id = trainer and tc.status = 'active' and not tc.deleted
  )
$$;
comment on function public.is_client_of(uuid) is 'True when the caller is an active client of the given trainer.';

revoke execute on function public.current_app_role(), public.my_client_ids(), public.my_trainer_ids(),
  public.is_trainer_of(uuid), public.is_client_of(uuid) from public, anon;
grant execute on function public.current_app_role(), public.my_client_ids(), public.my_trainer_ids(),
  public.is_trainer_of(uuid), public.is_client_of(uuid) to authenticated, service_role;

-- accept_invitation ----------------------------------------------------------------------------
create function public.accept_invitation(code text)
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
  select u.email into caller_email from auth.users u where u.id = caller;
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
  'The only way onto a roster: the signed-in client accepts an open invitation by its code (and email, if the invitation names one).';
revoke execute on function public.accept_invitation(text) from public, anon;
grant execute on function public.accept_invitation(text) to authenticated, service_role;

-- Sign-up and account deletion -----------------------------------------------------------------
-- Creates the profile (and the matching client/trainer details row) for every new auth user.
-- Only client or trainer may be requested through sign-up metadata; anything else is client.
create function public.handle_new_auth_user()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  requested_role text := new.raw_user_meta_data ->> 'role';
  app_role text := case when requested_role in ('client', 'trainer') then requested_role else 'client' end;
  name text := nullif(trim(coalesce(new.raw_user_meta_data ->> 'full_name', new.raw_user_meta_data ->> 'name', '')), '');
begin
  insert into public.profiles (id, role, full_name, created_at, updated_at)
  values (new.id, app_role, left(coalesce(name, nullif(split_part(coalesce(new.email, ''), '@', 1), ''), 'New user'), 200), now(), now());
  if app_role = 'trainer' then
    insert into public.trainer_profiles (trainer_id) values (new.id);
  else
    insert into public.client_profiles (client_id) values (new.id);
  end if;
  return new;
end;
$$;
comment on function public.handle_new_auth_user() is
  'AFTER INSERT on auth.users: creates profiles (role client or trainer from sign-up metadata, never admin; 7-day trial) and the details row.';
revoke execute on function public.handle_new_auth_user() from public, anon, authenticated;
create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_auth_user();

-- Deleting an auth user is a purge: the foreign-key cascades must really delete that user's
-- rows (a soft delete would leave rows pointing at a missing user), so this transaction allows
-- hard deletes. Money records (bookings, ledger, payments) restrict instead: an admin decides.
create function public.handle_auth_user_deleted()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  perform set_config('sync.allow_hard_delete', 'on', true);
  return old;
end;
$$;
comment on function public.handle_auth_user_deleted() is
  'BEFORE DELETE on auth.users: lets the cascades purge the user''s rows (sync.allow_hard_delete for this transaction).';
revoke execute on function public.handle_auth_user_deleted() from public, anon, authenticated;
create trigger on_auth_user_deleted before delete on auth.users
  for each row execute function public.handle_auth_user_deleted();

-- Policies -------------------------------------------------------------------------------------
-- profiles: your own, and the people you have an active relationship with (trainer <-> client).
create policy profiles_select on public.profiles for select to authenticated
  using (
    id = (select auth.uid())
    or id = any ((select public.my_client_ids())::uuid[])
    or id = any ((select public.my_trainer_ids())::uuid[])
  );
comment on policy profiles_select on public.profiles is 'A user reads their own profile and those of their active trainers/clients.';
create policy profiles_update on public.profiles for update to authenticated
  using (id = (select auth.uid()))
  with check (id = (select auth.uid()));
comment on policy profiles_update on public.profiles is 'A user edits their own profile; role and trial dates are guarded by profiles_guard_columns.';
-- No insert policy: profiles are created by on_auth_user_created. No delete policy: delete the auth user.

-- client_profiles: the client's own; active trainers read.
create policy client_profiles_select on public.client_profiles for select to authenticated
  using (client_id = (select auth.uid()) or client_id = any ((select public.my_client_ids())::uuid[]));
comment on policy client_profiles_select on public.client_profiles is 'The client and their active trainers read it (trainers need health history and limitations).';
create policy client_profiles_insert on public.client_profiles for insert to authenticated
  with check (client_id = (select auth.uid()));
comment on policy client_profiles_insert on public.client_profiles is 'A client creates their own details row (sign-up normally does).';
create policy client_profiles_update on public.client_profiles for update to authenticated
  using (client_id = (select auth.uid()))
  with check (client_id = (select auth.uid()));
comment on policy client_profiles_update on public.client_profiles is 'Only the client edits their details; trainers read but do not edit.';

-- trainer_profiles: a public listing for signed-in users; the trainer edits their own.
create policy trainer_profiles_select on public.trainer_profiles for select to authenticated
  using (true);
comment on policy trainer_profiles_select on public.trainer_profiles is 'Business listing: every signed-in user may read it (clients choose a trainer). Holds no private data.';
create policy trainer_profiles_insert on public.trainer_profiles for insert to authenticated
  with check (trainer_id = (select auth.uid()) and (select public.current_app_role()) = 'trainer');
comment on policy trainer_profiles_insert on public.trainer_profiles is 'A trainer creates their own listing (sign-up normally does).';
create policy trainer_profiles_update on public.trainer_profiles for update to authenticated
  using (trainer_id = (select auth.uid()))
  with check (trainer_id = (select auth.uid()));
comment on policy trainer_profiles_update on public.trainer_profiles is 'Only the trainer edits their listing.';

-- trainer_clients
create policy trainer_clients_select on public.trainer_clients for select to authenticated
  using (trainer_id = (select auth.uid()) or client_id = (select auth.uid()));
comment on policy trainer_clients_select on public.trainer_clients is 'The trainer sees their roster (all statuses); a client sees their own relationships.';
create policy trainer_clients_insert on public.trainer_clients for insert to authenticated
  with check (
    trainer_id = (select auth.uid())
    and status = 'invited'
    and client_id is null
    and (select public.current_app_role()) = 'trainer'
  );
comment on policy trainer_clients_insert on public.trainer_clients is
  'Only a trainer creates rows, and only open invitations (no client_id, status invited): nobody can put a client on a roster without the client accepting.';
create policy trainer_clients_update on public.trainer_clients for update to authenticated
  using (trainer_id = (select auth.uid()) or client_id = (select auth.uid()))
  with check (
    (trainer_id = (select auth.uid()) and status in ('invited', 'removed'))
    or (client_id = (select auth.uid()) and status = 'removed')
  );
comment on policy trainer_clients_update on public.trainer_clients is
  'The trainer edits invitations and removes clients; the client may leave (status removed). Activation only via accept_invitation (guarded by trainer_clients_guard).';
create policy trainer_clients_delete on public.trainer_clients for delete to authenticated
  using (trainer_id = (select auth.uid()));
comment on policy trainer_clients_delete on public.trainer_clients is 'The trainer withdraws an invitation or removes a client (a soft delete, which also ends access).';

alter publication supabase_realtime add table public.profiles, public.trainer_clients;
