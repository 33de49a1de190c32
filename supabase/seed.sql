-- Demo data for local development (`npm start`), applied once after the migrations.
-- Demo accounts (password for all: fitcoach-demo); keep in step with supabase/local/demo-accounts.ts.
-- Users are inserted the way Supabase projects commonly seed auth: a bcrypt hash from pgcrypto.

insert into auth.users (id, instance_id, aud, role, email, encrypted_password, email_confirmed_at,
                        raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
   'coach@fitcoach.test', extensions.crypt('fitcoach-demo', extensions.gen_salt('bf', 10)), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Casey Coach", "role": "trainer"}', now(), now()),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
   'alex@fitcoach.test', extensions.crypt('fitcoach-demo', extensions.gen_salt('bf', 10)), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Alex Client", "role": "client"}', now(), now()),
  ('00000000-0000-4000-8000-000000000003', '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
   'sam@fitcoach.test', extensions.crypt('fitcoach-demo', extensions.gen_salt('bf', 10)), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Sam Client", "role": "client"}', now(), now()),
  ('00000000-0000-4000-8000-000000000004', '00000000-0000-0000-0000-000000000000', 'authenticated', 'authenticated',
   'admin@fitcoach.test', extensions.crypt('fitcoach-demo', extensions.gen_salt('bf', 10)), now(),
   '{"provider": "email", "providers": ["email"]}', '{"full_name": "Ada Admin", "role": "admin"}', now(), now());

insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select u.id::text, u.id, jsonb_build_object('sub', u.id::text, 'email', u.email, 'email_verified', true), 'email', now(), now(), now()
from auth.users u
where u.id in ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
               '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004');
