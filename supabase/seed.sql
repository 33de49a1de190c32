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

-- ============================================================================================
-- Everything below was added with the schema (issue 4). It runs as `postgres` after the
-- migrations, in one transaction. The auth.users rows above fire on_auth_user_created, so the
-- four demo accounts already have profiles (Casey trainer; Alex, Sam and Ada clients).
-- Dates are relative to now(), so the demo looks lived-in whenever it is loaded.
-- ============================================================================================

-- Accounts ----------------------------------------------------------------------------------
-- Ada is the demo admin: only the dashboard/service role can make an admin (sign-up cannot).
update public.profiles set role = 'admin' where id = '00000000-0000-4000-8000-000000000004';
select set_config('sync.allow_hard_delete', 'on', true);
delete from public.client_profiles where client_id = '00000000-0000-4000-8000-000000000004';
select set_config('sync.allow_hard_delete', 'off', true);

update public.profiles
set bio = 'Strength coach and ex-rower. I write simple, progressive programs and check in every week.',
    phone = '+44 20 7946 0001', timezone = 'Europe/London'
where id = '00000000-0000-4000-8000-000000000001';
update public.profiles set timezone = 'Europe/London' where id in ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003');
update public.profiles set weight_unit = 'lb', length_unit = 'in', timezone = 'America/New_York' where id = '00000000-0000-4000-8000-000000000003';

update public.trainer_profiles
set business_name = 'Casey Coach Strength', location = 'London, UK',
    specialisations = '{strength,hypertrophy,fat_loss,mobility}',
    certificates = '[{"name": "Level 3 Personal Trainer", "issuer": "REPs", "year": 2016},
                     {"name": "Strength and Conditioning Coach", "issuer": "UKSCA", "year": 2019}]',
    years_experience = 9,
    social_links = '{"instagram": "https://instagram.com/caseycoach.demo", "website": "https://caseycoach.example"}'
where trainer_id = '00000000-0000-4000-8000-000000000001';

update public.client_profiles
set goal = 'strength', experience_level = 'intermediate', preferred_days_per_week = 3, height_cm = 178,
    date_of_birth = date '1992-04-17', starting_weight_kg = 84.0, current_weight_kg = 82.0, body_fat_pct = 20.5,
    medical_clearance = true, health_history = 'No conditions. Occasional lower-back tightness after long drives.',
    limitations = 'Avoid heavy good mornings until the lower back settles.',
    emergency_contacts = '[{"name": "Jamie Client", "relationship": "partner", "phone": "+44 7700 900123", "is_primary": true}]'
where client_id = '00000000-0000-4000-8000-000000000002';
update public.client_profiles
set goal = 'weight_loss', experience_level = 'beginner', preferred_days_per_week = 2, height_cm = 165,
    date_of_birth = date '1988-09-02', starting_weight_kg = 78.0, current_weight_kg = 76.5, body_fat_pct = 31,
    medical_clearance = true,
    emergency_contacts = '[{"name": "Robin Client", "relationship": "sibling", "phone": "+1 212 555 0147", "is_primary": true}]'
where client_id = '00000000-0000-4000-8000-000000000003';

insert into public.trainer_clients (trainer_id, client_id, status, invited_at, accepted_at, invited_email, invite_code)
values
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'active', now() - interval '60 days', now() - interval '59 days', 'alex@fitcoach.test', 'DEMOALEX01'),
  ('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', 'active', now() - interval '30 days', now() - interval '29 days', 'sam@fitcoach.test', 'DEMOSAM001');
insert into public.trainer_clients (trainer_id, invited_email, invite_code)
values ('00000000-0000-4000-8000-000000000001', 'jordan@fitcoach.test', 'DEMOJORDAN');

-- Subscription plans (seed 000) --------------------------------------------------------------
-- Every deployment needs them, so migration 20261125100000_credit_functions inserts them; this
-- is a no-op there and keeps the demo whole if that ever changes. Referred to by code below.
insert into public.subscription_plans
  (code, name, tier_label, description, gym_exercises, free_meetings_per_month, diet_plan_frequency, price_cents, currency, position)
values
  ('plan1', 'Plan 1', 'BASIC', 'Gym programs, one free 1:1 meeting a month and a one-time diet plan.', true, 1, 'one_time', 999, 'USD', 1),
  ('plan2', 'Plan 2', 'PRIME', 'Gym programs, one free 1:1 meeting a month and a new diet plan every month.', true, 1, 'monthly', 1999, 'USD', 2),
  ('plan3', 'Plan 3', 'PREMIUM', 'Gym programs, two free 1:1 meetings a month and a new diet plan every two weeks.', true, 2, 'biweekly', 2999, 'USD', 3)
on conflict (code) where not deleted do nothing;
update public.subscription_plans p
set description = v.description
from (values
  ('plan1', 'Gym programs, one free 1:1 meeting a month and a one-time diet plan.'),
  ('plan2', 'Gym programs, one free 1:1 meeting a month and a new diet plan every month.'),
  ('plan3', 'Gym programs, two free 1:1 meetings a month and a new diet plan every two weeks.')
) v(code, description)
where p.code = v.code and p.description is null and not p.deleted;

-- Exercise categories --------------------------------------------------------------------------
insert into public.exercise_categories (name, slug, position)
values ('Strength', 'strength', 1), ('Power', 'power', 2), ('Cardio', 'cardio', 3), ('Mobility', 'mobility', 4);
insert into public.exercise_categories (parent_id, name, slug, position)
select p.id, v.name, v.slug, v.position
from (values
  ('strength', 'Upper body', 'upper-body', 1),
  ('strength', 'Lower body', 'lower-body', 2),
  ('strength', 'Core', 'core', 3),
  ('power', 'Olympic lifts', 'olympic-lifts', 1),
  ('power', 'Plyometrics', 'plyometrics', 2),
  ('cardio', 'Cardio machines', 'cardio-machines', 1),
  ('cardio', 'Conditioning', 'conditioning', 2),
  ('mobility', 'Stretching', 'stretching', 1)
) v(parent, name, slug, position)
join public.exercise_categories p on p.slug = v.parent;
insert into public.exercise_categories (parent_id, name, slug, position)
select p.id, v.name, v.slug, v.position
from (values
  ('upper-body', 'Chest', 'chest', 1),
  ('upper-body', 'Back', 'back', 2),
  ('upper-body', 'Shoulders', 'shoulders', 3),
  ('upper-body', 'Arms', 'arms', 4),
  ('lower-body', 'Quads', 'quads', 1),
  ('lower-body', 'Hamstrings and glutes', 'posterior-chain', 2),
  ('lower-body', 'Calves', 'calves', 3)
) v(parent, name, slug, position)
join public.exercise_categories p on p.slug = v.parent;

-- Exercise catalogue (global: trainer_id null). Written for this project. -----------------------
insert into public.exercises (name, body_part, category_id, equipment, difficulty, mechanics, is_unilateral, primary_muscles, instructions)
select v.name, v.body_part, c.id, v.equipment, v.difficulty, v.mechanics, v.unilateral, v.muscles::text[], v.instructions
from (values
  -- Chest
  ('Barbell bench press', 'chest', 'chest', 'barbell', 'intermediate', 'compound', false, '{chest,triceps,front delts}',
   'Lie with your eyes under the bar and feet flat. Lower the bar to mid-chest with elbows about 45 degrees from your body, then press back to straight arms.'),
  ('Incline barbell bench press', 'chest', 'chest', 'barbell', 'intermediate', 'compound', false, '{upper chest,front delts,triceps}',
   'Set the bench to 30-45 degrees. Lower the bar to the upper chest under control and press it back up over your shoulders.'),
  ('Decline barbell bench press', 'chest', 'chest', 'barbell', 'intermediate', 'compound', false, '{lower chest,triceps}',
   'Hook your legs on a decline bench. Lower the bar to the lower chest and press up, keeping your shoulder blades pinched together.'),
  ('Dumbbell bench press', 'chest', 'chest', 'dumbbell', 'beginner', 'compound', false, '{chest,triceps,front delts}',
   'Lie on a flat bench with a dumbbell in each hand over your chest. Lower them to the sides of your chest and press them back together.'),
  ('Incline dumbbell press', 'chest', 'chest', 'dumbbell', 'beginner', 'compound', false, '{upper chest,front delts}',
   'On a 30-degree incline, lower the dumbbells to the upper chest with forearms vertical, then press up without clanking them together.'),
  ('Dumbbell fly', 'chest', 'chest', 'dumbbell', 'beginner', 'isolation', false, '{chest}',
   'With a slight, fixed bend in the elbows, open your arms in a wide arc until you feel a stretch across the chest, then hug them back up.'),
  ('Incline dumbbell fly', 'chest', 'chest', 'dumbbell', 'intermediate', 'isolation', false, '{upper chest}',
   'As the flat fly on a 30-degree incline. Stop the stretch before your shoulders roll forward.'),
  ('Cable crossover', 'chest', 'chest', 'cable', 'intermediate', 'isolation', false, '{chest}',
   'Set the pulleys high. Step forward, lean slightly and bring the handles down and together in front of your hips, then return slowly.'),
  ('Low-to-high cable fly', 'chest', 'chest', 'cable', 'beginner', 'isolation', false, '{upper chest}',
   'With the pulleys low, sweep the handles up and together to chin height, keeping the elbows softly bent.'),
  ('Machine chest press', 'chest', 'chest', 'machine', 'beginner', 'compound', false, '{chest,triceps}',
   'Set the seat so the handles are at mid-chest. Press forward to straight arms and return until you feel a light stretch.'),
  ('Pec deck', 'chest', 'chest', 'machine', 'beginner', 'isolation', false, '{chest}',
   'Sit tall with the pads or handles at chest height and squeeze them together in front of you, then let them open under control.'),
  ('Push-up', 'chest', 'chest', 'bodyweight', 'beginner', 'compound', false, '{chest,triceps,core}',
   'Hands just wider than shoulders, body in one straight line. Lower your chest to a fist above the floor and push back up.'),
  ('Incline push-up', 'chest', 'chest', 'bodyweight', 'beginner', 'compound', false, '{chest,triceps}',
   'Hands on a bench or box make the push-up easier. Keep a straight body line and touch your chest to the edge.'),
  ('Decline push-up', 'chest', 'chest', 'bodyweight', 'intermediate', 'compound', false, '{upper chest,front delts}',
   'Feet on a bench, hands on the floor. Lower under control without letting the hips sag.'),
  ('Chest dip', 'chest', 'chest', 'bodyweight', 'intermediate', 'compound', false, '{lower chest,triceps}',
   'On parallel bars, lean the torso forward and lower until the shoulders are just below the elbows, then press back up.'),
  ('Smith machine bench press', 'chest', 'chest', 'smith_machine', 'beginner', 'compound', false, '{chest,triceps}',
   'Position the bench so the bar lands on mid-chest. Unrack, lower under control and press to lockout.'),
  ('Dumbbell floor press', 'chest', 'chest', 'dumbbell', 'beginner', 'compound', false, '{chest,triceps}',
   'Lie on the floor with knees bent. Lower the dumbbells until your upper arms touch the floor, pause, and press.'),
  -- Back
  ('Deadlift', 'back', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{glutes,hamstrings,lower back,upper back}',
   'Bar over mid-foot, hinge to grip it, chest up and back flat. Push the floor away and stand tall, then lower the bar along your legs.'),
  ('Pull-up', 'back', 'back', 'pull_up_bar', 'intermediate', 'compound', false, '{lats,biceps,upper back}',
   'Hang with an overhand grip just wider than shoulders. Pull your chest towards the bar, then lower to straight arms.'),
  ('Chin-up', 'back', 'back', 'pull_up_bar', 'intermediate', 'compound', false, '{lats,biceps}',
   'Underhand grip at shoulder width. Pull until your chin clears the bar and lower all the way down.'),
  ('Assisted pull-up machine', 'back', 'back', 'machine', 'beginner', 'compound', false, '{lats,biceps}',
   'Kneel on the pad and pick an assistance weight; more weight makes it easier. Pull your chest up to the handles.'),
  ('Lat pulldown', 'back', 'back', 'cable', 'beginner', 'compound', false, '{lats,biceps}',
   'Grip the bar wide, lean back slightly and pull it to your upper chest, leading with the elbows. Let it rise until the arms are straight.'),
  ('Close-grip lat pulldown', 'back', 'back', 'cable', 'beginner', 'compound', false, '{lats,biceps}',
   'Use a V-handle. Pull it to the top of your chest with elbows close to your sides.'),
  ('Straight-arm pulldown', 'back', 'back', 'cable', 'beginner', 'isolation', false, '{lats}',
   'Standing at a high pulley, keep the arms nearly straight and sweep the bar down to your thighs by driving from the lats.'),
  ('Barbell bent-over row', 'back', 'back', 'barbell', 'intermediate', 'compound', false, '{upper back,lats,rear delts}',
   'Hinge until your torso is about 45 degrees, back flat. Row the bar to your lower ribs and lower it without standing up.'),
  ('Pendlay row', 'back', 'back', 'barbell', 'advanced', 'compound', false, '{upper back,lats}',
   'Torso parallel to the floor. Row the bar explosively from a dead stop on the floor to the lower chest, and return it to the floor each rep.'),
  ('One-arm dumbbell row', 'back', 'back', 'dumbbell', 'beginner', 'compound', true, '{lats,upper back}',
   'One hand and knee on a bench, back flat. Row the dumbbell towards your hip and lower it to a full stretch.'),
  ('Chest-supported dumbbell row', 'back', 'back', 'dumbbell', 'beginner', 'compound', false, '{upper back,rear delts}',
   'Lie face down on an incline bench and row both dumbbells, squeezing the shoulder blades together at the top.'),
  ('Seated cable row', 'back', 'back', 'cable', 'beginner', 'compound', false, '{upper back,lats}',
   'Sit tall with a slight knee bend. Row the handle to your stomach without rocking, then reach forward to a stretch.'),
  ('Single-arm cable row', 'back', 'back', 'cable', 'beginner', 'compound', true, '{lats,upper back}',
   'Stand or kneel facing a cable at waist height and row one handle to your hip, letting the shoulder reach forward at the start.'),
  ('T-bar row', 'back', 'back', 'barbell', 'intermediate', 'compound', false, '{upper back,lats}',
   'Straddle a landmine bar with a V-handle under the plates. Hinge, keep the chest up and row the plates to your chest.'),
  ('Machine row', 'back', 'back', 'machine', 'beginner', 'compound', false, '{upper back,lats}',
   'Chest against the pad, pull the handles back until the elbows pass your torso, then let them return slowly.'),
  ('Inverted row', 'back', 'back', 'bodyweight', 'beginner', 'compound', false, '{upper back,biceps}',
   'Hang under a bar set at hip height with a straight body. Pull your chest to the bar and lower under control.'),
  ('Meadows row', 'back', 'back', 'barbell', 'advanced', 'compound', true, '{lats,upper back}',
   'Stand side-on to a landmine, grip the end of the bar overhand and row it past your hip with a staggered stance.'),
  ('Rack pull', 'back', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{upper back,glutes,lower back}',
   'Set the bar on pins at knee height. Grip it, brace and stand up tall, then lower it back to the pins.'),
  ('Back extension', 'back', 'posterior-chain', 'bodyweight', 'beginner', 'compound', false, '{lower back,glutes,hamstrings}',
   'On a 45-degree bench, hinge down with a flat back and come up until your body is in line. Hold a plate to progress.'),
  ('Good morning', 'back', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{hamstrings,lower back}',
   'Bar on your upper back, soft knees. Push your hips back until the torso is near parallel, then drive the hips forward to stand.'),
  ('Barbell shrug', 'back', 'back', 'barbell', 'beginner', 'isolation', false, '{traps}',
   'Hold the bar at arm''s length and lift your shoulders straight up towards your ears. Pause and lower.'),
  ('Dumbbell shrug', 'back', 'back', 'dumbbell', 'beginner', 'isolation', false, '{traps}',
   'Dumbbells at your sides, shrug straight up, hold for a second and lower slowly.'),
  -- Shoulders
  ('Overhead press', 'shoulders', 'shoulders', 'barbell', 'intermediate', 'compound', false, '{front delts,triceps,upper chest}',
   'Standing, bar at the collarbones, glutes squeezed. Press the bar straight up, moving your head back and then through as it passes.'),
  ('Seated dumbbell shoulder press', 'shoulders', 'shoulders', 'dumbbell', 'beginner', 'compound', false, '{front delts,triceps}',
   'Sit against an upright bench with the dumbbells at ear height and press them overhead until the arms are straight.'),
  ('Arnold press', 'shoulders', 'shoulders', 'dumbbell', 'intermediate', 'compound', false, '{front delts,side delts}',
   'Start with palms facing you at chin height. Rotate the palms forward as you press overhead, and reverse on the way down.'),
  ('Push press', 'shoulders', 'shoulders', 'barbell', 'intermediate', 'compound', false, '{delts,triceps,legs}',
   'Dip a few centimetres at the knees and drive up, using the leg drive to press the bar overhead. Lower it back to the shoulders.'),
  ('Dumbbell lateral raise', 'shoulders', 'shoulders', 'dumbbell', 'beginner', 'isolation', false, '{side delts}',
   'Lift the dumbbells out to the sides to shoulder height with a slight elbow bend, leading with the elbows, then lower slowly.'),
  ('Cable lateral raise', 'shoulders', 'shoulders', 'cable', 'beginner', 'isolation', true, '{side delts}',
   'Stand side-on to a low pulley and raise the handle across and out to shoulder height with one arm.'),
  ('Dumbbell front raise', 'shoulders', 'shoulders', 'dumbbell', 'beginner', 'isolation', false, '{front delts}',
   'Raise the dumbbells in front of you to eye level with straight arms and lower them under control.'),
  ('Rear delt fly', 'shoulders', 'shoulders', 'dumbbell', 'beginner', 'isolation', false, '{rear delts,upper back}',
   'Hinge forward with a flat back and lift the dumbbells out to the sides, squeezing the back of the shoulders.'),
  ('Reverse pec deck', 'shoulders', 'shoulders', 'machine', 'beginner', 'isolation', false, '{rear delts}',
   'Face the pec deck, grip the handles at shoulder height and sweep your arms back until they are in line with your body.'),
  ('Face pull', 'shoulders', 'shoulders', 'cable', 'beginner', 'isolation', false, '{rear delts,rotator cuff,upper back}',
   'With a rope at face height, pull the ends towards your ears, elbows high, and finish by rotating the hands back.'),
  ('Upright row', 'shoulders', 'shoulders', 'ez_bar', 'intermediate', 'compound', false, '{side delts,traps}',
   'Hold the bar with a shoulder-width grip and pull it to lower-chest height, elbows leading and higher than the hands.'),
  ('Machine shoulder press', 'shoulders', 'shoulders', 'machine', 'beginner', 'compound', false, '{front delts,triceps}',
   'Adjust the seat so the handles start at shoulder height and press them overhead without arching your back.'),
  ('Landmine press', 'shoulders', 'shoulders', 'barbell', 'beginner', 'compound', true, '{front delts,upper chest}',
   'Hold the end of a landmine bar at shoulder height in one hand and press it up and forward until the arm is straight.'),
  ('Pike push-up', 'shoulders', 'shoulders', 'bodyweight', 'intermediate', 'compound', false, '{front delts,triceps}',
   'From a downward-dog position with hips high, bend the elbows to lower your head towards the floor and press back.'),
  ('Handstand push-up', 'shoulders', 'shoulders', 'bodyweight', 'advanced', 'compound', false, '{delts,triceps}',
   'Kick up into a handstand against a wall. Lower your head to the floor under control and press back to straight arms.'),
  ('Band pull-apart', 'shoulders', 'shoulders', 'band', 'beginner', 'isolation', false, '{rear delts,upper back}',
   'Hold a band at shoulder height with straight arms and pull it apart until it touches your chest.'),
  -- Arms
  ('Close-grip bench press', 'arms', 'arms', 'barbell', 'intermediate', 'compound', false, '{triceps,chest}',
   'Grip the bar at shoulder width, keep the elbows tucked and lower it to the lower chest before pressing up.'),
  ('Barbell curl', 'arms', 'arms', 'barbell', 'beginner', 'isolation', false, '{biceps}',
   'Stand tall with an underhand grip. Curl the bar to your shoulders without swinging, and lower it all the way.'),
  ('EZ-bar curl', 'arms', 'arms', 'ez_bar', 'beginner', 'isolation', false, '{biceps}',
   'Grip the angled part of the bar and curl it up, keeping the elbows at your sides.'),
  ('Dumbbell curl', 'arms', 'arms', 'dumbbell', 'beginner', 'isolation', false, '{biceps}',
   'Curl the dumbbells while turning the palms up, squeeze at the top and lower slowly.'),
  ('Hammer curl', 'arms', 'arms', 'dumbbell', 'beginner', 'isolation', false, '{brachialis,forearms,biceps}',
   'Hold the dumbbells with palms facing each other and curl them up without rotating the wrists.'),
  ('Incline dumbbell curl', 'arms', 'arms', 'dumbbell', 'intermediate', 'isolation', false, '{biceps}',
   'Lie back on a 45-degree bench with arms hanging and curl from the stretched position.'),
  ('Preacher curl', 'arms', 'arms', 'ez_bar', 'beginner', 'isolation', false, '{biceps}',
   'Rest the backs of your arms on the preacher pad and curl the bar up, lowering until the arms are almost straight.'),
  ('Cable curl', 'arms', 'arms', 'cable', 'beginner', 'isolation', false, '{biceps}',
   'Facing a low pulley with a straight bar, curl the bar to your shoulders and resist it on the way down.'),
  ('Concentration curl', 'arms', 'arms', 'dumbbell', 'beginner', 'isolation', true, '{biceps}',
   'Seated, elbow braced against the inside of your thigh, curl the dumbbell towards your shoulder.'),
  ('Triceps pushdown', 'arms', 'arms', 'cable', 'beginner', 'isolation', false, '{triceps}',
   'At a high pulley with a rope or bar, keep the elbows pinned to your sides and push down until the arms are straight.'),
  ('Overhead dumbbell triceps extension', 'arms', 'arms', 'dumbbell', 'beginner', 'isolation', false, '{triceps}',
   'Hold one dumbbell overhead with both hands, lower it behind your head by bending the elbows, then extend.'),
  ('Cable overhead triceps extension', 'arms', 'arms', 'cable', 'beginner', 'isolation', false, '{triceps}',
   'Face away from a pulley with a rope behind your head and extend the arms forward and up.'),
  ('Skull crusher', 'arms', 'arms', 'ez_bar', 'intermediate', 'isolation', false, '{triceps}',
   'Lying on a bench, lower the bar towards your forehead by bending only at the elbows, then extend back up.'),
  ('Bench dip', 'arms', 'arms', 'bodyweight', 'beginner', 'compound', false, '{triceps}',
   'Hands on the edge of a bench behind you, lower your hips until the elbows are at 90 degrees and press up.'),
  ('Triceps dip', 'arms', 'arms', 'bodyweight', 'intermediate', 'compound', false, '{triceps,chest}',
   'On parallel bars with an upright torso, lower until the elbows reach 90 degrees and press back to lockout.'),
  ('Diamond push-up', 'arms', 'arms', 'bodyweight', 'intermediate', 'compound', false, '{triceps,chest}',
   'A push-up with the hands together under the chest, index fingers and thumbs touching.'),
  ('Wrist curl', 'arms', 'arms', 'dumbbell', 'beginner', 'isolation', false, '{forearms}',
   'Forearms on your thighs, palms up, let the dumbbells roll to the fingertips and curl them back with the wrists.'),
  ('Reverse curl', 'arms', 'arms', 'ez_bar', 'beginner', 'isolation', false, '{forearms,brachialis}',
   'Curl the bar with an overhand grip, keeping the wrists straight.'),
  -- Legs
  ('Back squat', 'legs', 'quads', 'barbell', 'intermediate', 'compound', false, '{quads,glutes,adductors}',
   'Bar on the upper back, feet shoulder-width. Brace, sit down between your heels until the thighs are at least parallel, and stand up.'),
  ('Front squat', 'legs', 'quads', 'barbell', 'advanced', 'compound', false, '{quads,glutes,upper back}',
   'Bar resting on the front of the shoulders, elbows high. Squat down with an upright torso and drive back up.'),
  ('Goblet squat', 'legs', 'quads', 'kettlebell', 'beginner', 'compound', false, '{quads,glutes}',
   'Hold a kettlebell or dumbbell at your chest and squat down between your knees, keeping the chest up.'),
  ('Box squat', 'legs', 'quads', 'barbell', 'intermediate', 'compound', false, '{quads,glutes,hamstrings}',
   'Squat back to a box at parallel height, sit briefly without relaxing, and drive up.'),
  ('Zercher squat', 'legs', 'quads', 'barbell', 'advanced', 'compound', false, '{quads,glutes,upper back}',
   'Cradle the bar in the crooks of your elbows and squat with an upright torso.'),
  ('Smith machine squat', 'legs', 'quads', 'smith_machine', 'beginner', 'compound', false, '{quads,glutes}',
   'With the bar on your upper back and feet slightly forward, squat to parallel and stand up.'),
  ('Leg press', 'legs', 'quads', 'machine', 'beginner', 'compound', false, '{quads,glutes}',
   'Feet shoulder-width on the platform. Lower until the knees are near your chest without the lower back lifting, then press.'),
  ('Hack squat', 'legs', 'quads', 'machine', 'beginner', 'compound', false, '{quads}',
   'Shoulders under the pads, feet mid-platform. Squat down deep and push back up through the whole foot.'),
  ('Bulgarian split squat', 'legs', 'quads', 'dumbbell', 'intermediate', 'compound', true, '{quads,glutes}',
   'Rear foot on a bench, front foot a stride ahead. Lower the back knee towards the floor and drive up through the front foot.'),
  ('Walking lunge', 'legs', 'quads', 'dumbbell', 'beginner', 'compound', true, '{quads,glutes}',
   'Step forward into a lunge until the back knee nearly touches the floor, then step through into the next lunge.'),
  ('Reverse lunge', 'legs', 'quads', 'dumbbell', 'beginner', 'compound', true, '{quads,glutes}',
   'Step back into a lunge, keep the front shin fairly vertical, and push through the front foot to return.'),
  ('Step-up', 'legs', 'quads', 'dumbbell', 'beginner', 'compound', true, '{quads,glutes}',
   'Step onto a box with one foot and stand up on it without pushing off the back foot. Step down under control.'),
  ('Leg extension', 'legs', 'quads', 'machine', 'beginner', 'isolation', false, '{quads}',
   'Sit with the pad on your lower shins and straighten the legs, pausing at the top before lowering.'),
  ('Pistol squat', 'legs', 'quads', 'bodyweight', 'advanced', 'compound', true, '{quads,glutes}',
   'Balance on one leg with the other held in front and squat all the way down and back up.'),
  ('Bodyweight squat', 'legs', 'quads', 'bodyweight', 'beginner', 'compound', false, '{quads,glutes}',
   'Feet shoulder-width, arms forward. Sit down as low as you can with heels down and stand up.'),
  ('Wall sit', 'legs', 'quads', 'bodyweight', 'beginner', 'isolation', false, '{quads}',
   'Slide down a wall until your thighs are parallel to the floor and hold the position for time.'),
  ('Romanian deadlift', 'legs', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{hamstrings,glutes}',
   'Holding the bar at your hips, push the hips back with soft knees until you feel the hamstrings stretch, then stand up.'),
  ('Dumbbell Romanian deadlift', 'legs', 'posterior-chain', 'dumbbell', 'beginner', 'compound', false, '{hamstrings,glutes}',
   'As the barbell version with a dumbbell in each hand, keeping them close to your legs.'),
  ('Single-leg Romanian deadlift', 'legs', 'posterior-chain', 'dumbbell', 'intermediate', 'compound', true, '{hamstrings,glutes}',
   'Balance on one leg and hinge forward, letting the free leg travel back, until the torso is near parallel.'),
  ('Sumo deadlift', 'legs', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{glutes,adductors,quads}',
   'Wide stance with toes out, grip inside the knees. Push the knees out and stand up with the chest tall.'),
  ('Trap bar deadlift', 'legs', 'posterior-chain', 'trap_bar', 'beginner', 'compound', false, '{quads,glutes,hamstrings}',
   'Stand in the middle of the trap bar, grip the handles and stand up by pushing the floor away.'),
  ('Lying leg curl', 'legs', 'posterior-chain', 'machine', 'beginner', 'isolation', false, '{hamstrings}',
   'Face down with the pad above your heels, curl your heels towards your glutes and lower slowly.'),
  ('Seated leg curl', 'legs', 'posterior-chain', 'machine', 'beginner', 'isolation', false, '{hamstrings}',
   'Sit with the pad behind your lower legs and curl them down and under the seat.'),
  ('Nordic hamstring curl', 'legs', 'posterior-chain', 'bodyweight', 'advanced', 'isolation', false, '{hamstrings}',
   'Kneel with your ankles anchored and lower your body forward as slowly as you can, catching yourself with your hands.'),
  ('Barbell hip thrust', 'glutes', 'posterior-chain', 'barbell', 'intermediate', 'compound', false, '{glutes}',
   'Upper back on a bench and a padded bar over your hips. Drive the hips up until your body is flat from knees to shoulders.'),
  ('Glute bridge', 'glutes', 'posterior-chain', 'bodyweight', 'beginner', 'isolation', false, '{glutes}',
   'Lying on your back with knees bent, push through your heels to lift the hips and squeeze the glutes at the top.'),
  ('Cable pull-through', 'glutes', 'posterior-chain', 'cable', 'beginner', 'compound', false, '{glutes,hamstrings}',
   'Facing away from a low pulley with a rope between your legs, hinge back and then drive the hips forward to stand.'),
  ('Hip abduction machine', 'glutes', 'posterior-chain', 'machine', 'beginner', 'isolation', false, '{glute medius}',
   'Sit with the pads outside your knees and push them apart, then return slowly.'),
  ('Cable glute kickback', 'glutes', 'posterior-chain', 'cable', 'beginner', 'isolation', true, '{glutes}',
   'With an ankle strap on a low pulley, kick the leg straight back without arching the lower back.'),
  ('Kettlebell swing', 'glutes', 'plyometrics', 'kettlebell', 'intermediate', 'compound', false, '{glutes,hamstrings,core}',
   'Hike the kettlebell back between your legs, then snap the hips forward to float it to chest height. Let it fall back into the next hinge.'),
  ('Standing calf raise', 'legs', 'calves', 'machine', 'beginner', 'isolation', false, '{calves}',
   'Balls of the feet on the step, lower the heels for a full stretch and rise as high as possible.'),
  ('Seated calf raise', 'legs', 'calves', 'machine', 'beginner', 'isolation', false, '{soleus}',
   'Knees under the pad, lower the heels and press up onto the toes, pausing at the top.'),
  ('Single-leg calf raise', 'legs', 'calves', 'bodyweight', 'beginner', 'isolation', true, '{calves}',
   'On one foot on a step, holding a rail for balance, lower the heel and rise all the way up.'),
  -- Core
  ('Plank', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{abs,core}',
   'Forearms under shoulders, body in a straight line from head to heels. Brace and hold for time.'),
  ('Side plank', 'core', 'core', 'bodyweight', 'beginner', 'isolation', true, '{obliques}',
   'On one forearm with feet stacked, lift the hips into a straight line and hold.'),
  ('Dead bug', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{abs}',
   'On your back with arms and knees up, lower the opposite arm and leg towards the floor while keeping the lower back flat.'),
  ('Hanging leg raise', 'core', 'core', 'pull_up_bar', 'intermediate', 'isolation', false, '{abs,hip flexors}',
   'Hang from a bar and lift straight legs to hip height or higher without swinging.'),
  ('Hanging knee raise', 'core', 'core', 'pull_up_bar', 'beginner', 'isolation', false, '{abs}',
   'Hang from a bar and draw the knees up to the chest, curling the pelvis up at the top.'),
  ('Cable crunch', 'core', 'core', 'cable', 'beginner', 'isolation', false, '{abs}',
   'Kneel facing a high pulley with a rope by your head and crunch your ribs towards your hips.'),
  ('Ab wheel rollout', 'core', 'core', 'other', 'intermediate', 'isolation', false, '{abs,core}',
   'From your knees, roll the wheel forward as far as you can without the hips sagging, then pull back.'),
  ('Russian twist', 'core', 'core', 'medicine_ball', 'beginner', 'isolation', false, '{obliques}',
   'Sit leaning back with feet up or down and rotate the ball from one hip to the other.'),
  ('Pallof press', 'core', 'core', 'cable', 'beginner', 'isolation', true, '{obliques,core}',
   'Side-on to a cable at chest height, press the handle straight out and resist the pull to rotate.'),
  ('Bicycle crunch', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{abs,obliques}',
   'On your back, bring opposite elbow and knee together while extending the other leg, alternating sides.'),
  ('Mountain climber', 'core', 'conditioning', 'bodyweight', 'beginner', 'compound', false, '{core,hip flexors}',
   'From a push-up position, drive the knees towards the chest one after the other at pace.'),
  ('Bird dog', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{core,lower back}',
   'On hands and knees, extend the opposite arm and leg, hold for a breath and switch sides.'),
  ('Hollow body hold', 'core', 'core', 'bodyweight', 'intermediate', 'isolation', false, '{abs}',
   'On your back, press the lower back into the floor and hold the arms and legs just off the ground.'),
  ('Crunch', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{abs}',
   'Lying with knees bent, curl your shoulders off the floor towards your hips and lower slowly.'),
  ('Reverse crunch', 'core', 'core', 'bodyweight', 'beginner', 'isolation', false, '{lower abs}',
   'On your back with knees bent at 90 degrees, curl the hips off the floor towards your chest.'),
  ('Farmer''s carry', 'full_body', 'conditioning', 'dumbbell', 'beginner', 'compound', false, '{grip,traps,core}',
   'Pick up heavy dumbbells or kettlebells and walk tall with short, quick steps for distance or time.'),
  ('Suitcase carry', 'core', 'core', 'kettlebell', 'beginner', 'compound', true, '{obliques,grip}',
   'Carry one heavy weight at your side and walk without leaning towards it.'),
  -- Power
  ('Power clean', 'full_body', 'olympic-lifts', 'barbell', 'advanced', 'compound', false, '{glutes,hamstrings,traps,quads}',
   'Pull the bar from the floor, extend the hips explosively and pull yourself under to catch it on the shoulders in a quarter squat.'),
  ('Hang clean', 'full_body', 'olympic-lifts', 'barbell', 'advanced', 'compound', false, '{glutes,traps,quads}',
   'From standing, lower the bar to just above the knees, then jump and shrug to catch it in the front rack.'),
  ('Snatch', 'full_body', 'olympic-lifts', 'barbell', 'advanced', 'compound', false, '{full body}',
   'Wide grip. Pull the bar from the floor in one motion and catch it overhead in a squat with locked arms.'),
  ('Clean and jerk', 'full_body', 'olympic-lifts', 'barbell', 'advanced', 'compound', false, '{full body}',
   'Clean the bar to the shoulders, stand, then dip and drive it overhead, splitting the feet to catch it.'),
  ('Thruster', 'full_body', 'conditioning', 'barbell', 'intermediate', 'compound', false, '{quads,glutes,delts}',
   'Front squat, and as you stand drive the bar straight overhead in one movement.'),
  ('Box jump', 'legs', 'plyometrics', 'bodyweight', 'intermediate', 'compound', false, '{quads,glutes,calves}',
   'Swing the arms and jump onto a box, landing softly with both feet. Step down rather than jumping down.'),
  ('Broad jump', 'legs', 'plyometrics', 'bodyweight', 'intermediate', 'compound', false, '{glutes,quads}',
   'Jump forward as far as you can from both feet and stick the landing.'),
  ('Medicine ball slam', 'full_body', 'plyometrics', 'medicine_ball', 'beginner', 'compound', false, '{lats,core}',
   'Lift the ball overhead on your toes, then slam it into the floor as hard as you can.'),
  ('Burpee', 'full_body', 'conditioning', 'bodyweight', 'beginner', 'compound', false, '{full body}',
   'Squat, kick the feet back to a push-up, bring them back in and jump up with the arms overhead.'),
  ('Turkish get-up', 'full_body', 'conditioning', 'kettlebell', 'advanced', 'compound', true, '{shoulders,core,glutes}',
   'With a kettlebell locked out overhead, stand up from lying on your back step by step, then reverse to the floor.'),
  -- Cardio
  ('Treadmill run', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,legs}',
   'Run at a pace you could hold a short conversation at, unless the session says otherwise.'),
  ('Incline treadmill walk', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,glutes,calves}',
   'Walk briskly on a 8-12 % incline without holding the rails.'),
  ('Rowing machine', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,back,legs}',
   'Push with the legs first, then swing the back and pull the handle to your lower ribs. Return in reverse order.'),
  ('Stationary bike', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,quads}',
   'Set the saddle so the knee is slightly bent at the bottom and ride at the prescribed effort.'),
  ('Air bike sprint', 'cardio', 'cardio-machines', 'cardio_machine', 'intermediate', null, false, '{heart,full body}',
   'Push and pull the handles while pedalling as hard as you can for the work interval.'),
  ('Elliptical trainer', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,legs}',
   'Stand tall and drive the pedals with the whole foot at a steady rhythm.'),
  ('Stair climber', 'cardio', 'cardio-machines', 'cardio_machine', 'beginner', null, false, '{heart,glutes,quads}',
   'Climb at a steady pace, standing upright and only lightly touching the rails.'),
  ('Ski erg', 'cardio', 'cardio-machines', 'cardio_machine', 'intermediate', null, false, '{heart,lats,core}',
   'Pull the handles down from overhead, hinging at the hips, and let them return as you stand tall.'),
  ('Jump rope', 'cardio', 'conditioning', 'other', 'beginner', null, false, '{heart,calves}',
   'Turn the rope with the wrists and jump just high enough for it to pass, landing on the balls of the feet.'),
  ('Outdoor run', 'cardio', 'conditioning', 'bodyweight', 'beginner', null, false, '{heart,legs}',
   'Run the prescribed distance or time; log it with distance and duration.'),
  ('Sled push', 'full_body', 'conditioning', 'sled', 'intermediate', 'compound', false, '{quads,glutes,heart}',
   'Lean into the sled with straight arms and drive it forward with short, powerful steps.'),
  ('Battle ropes', 'cardio', 'conditioning', 'other', 'intermediate', null, false, '{shoulders,heart}',
   'In a half squat, whip the ropes up and down in alternating waves for the work interval.'),
  ('Jumping jacks', 'cardio', 'conditioning', 'bodyweight', 'beginner', null, false, '{heart}',
   'Jump the feet apart while raising the arms overhead, then jump back together.'),
  -- Mobility
  ('World''s greatest stretch', 'mobility', 'stretching', 'bodyweight', 'beginner', null, true, '{hips,thoracic spine,hamstrings}',
   'From a long lunge, place the hand inside the front foot, rotate the other arm to the ceiling, then straighten the front leg.'),
  ('Half-kneeling hip flexor stretch', 'mobility', 'stretching', 'bodyweight', 'beginner', null, true, '{hip flexors}',
   'Kneel on one knee, squeeze the glute on that side and shift forward until you feel the front of the hip stretch.'),
  ('Standing hamstring stretch', 'mobility', 'stretching', 'bodyweight', 'beginner', null, true, '{hamstrings}',
   'Heel on a low step, leg straight, hinge forward with a flat back until you feel the stretch.'),
  ('Cat-cow', 'mobility', 'stretching', 'bodyweight', 'beginner', null, false, '{spine}',
   'On hands and knees, slowly round the back up, then let it sag and lift the chest, moving with your breath.'),
  ('Open book thoracic rotation', 'mobility', 'stretching', 'bodyweight', 'beginner', null, true, '{thoracic spine,chest}',
   'Lying on your side with knees bent, open the top arm across to the other side, following it with your eyes.'),
  ('Pigeon stretch', 'mobility', 'stretching', 'bodyweight', 'intermediate', null, true, '{glutes,hips}',
   'From all fours, bring one shin forward across your body and lower the hips, keeping the back leg long.'),
  ('Band shoulder dislocate', 'mobility', 'stretching', 'band', 'beginner', null, false, '{shoulders,chest}',
   'Hold a band wide with straight arms and pass it from in front of your hips to behind your back and back again.'),
  ('Foam rolling', 'mobility', 'stretching', 'other', 'beginner', null, false, '{soft tissue}',
   'Roll slowly over the target muscle, pausing on tender spots for a few breaths.')
) v(name, body_part, category, equipment, difficulty, mechanics, unilateral, muscles, instructions)
join public.exercise_categories c on c.slug = v.category;

-- Alternatives: exercises that train the same pattern (used when equipment is taken).
update public.exercises e
set alternatives = (
  select coalesce(array_agg(a.id order by a.name), '{}')
  from public.exercises a
  where a.trainer_id is null and a.name = any (alt.names)
)
from (values
  ('Barbell bench press', '{Dumbbell bench press,Machine chest press,Push-up}'::text[]),
  ('Dumbbell bench press', '{Barbell bench press,Machine chest press}'::text[]),
  ('Pull-up', '{Lat pulldown,Assisted pull-up machine,Chin-up}'::text[]),
  ('Lat pulldown', '{Pull-up,Close-grip lat pulldown}'::text[]),
  ('Barbell bent-over row', '{One-arm dumbbell row,Seated cable row,T-bar row}'::text[]),
  ('Overhead press', '{Seated dumbbell shoulder press,Machine shoulder press,Landmine press}'::text[]),
  ('Back squat', '{Goblet squat,Leg press,Hack squat,Front squat}'::text[]),
  ('Deadlift', '{Trap bar deadlift,Romanian deadlift,Rack pull}'::text[]),
  ('Romanian deadlift', '{Dumbbell Romanian deadlift,Good morning,Lying leg curl}'::text[]),
  ('Barbell hip thrust', '{Glute bridge,Cable pull-through}'::text[]),
  ('Barbell curl', '{Dumbbell curl,EZ-bar curl,Cable curl}'::text[]),
  ('Triceps pushdown', '{Overhead dumbbell triceps extension,Skull crusher}'::text[]),
  ('Treadmill run', '{Outdoor run,Rowing machine,Stationary bike}'::text[])
) alt(name, names)
where e.trainer_id is null and e.name = alt.name;

-- Casey's own exercises (visible to Casey and Casey's active clients).
insert into public.exercises (trainer_id, name, body_part, category_id, equipment, difficulty, mechanics, instructions)
select '00000000-0000-4000-8000-000000000001', v.name, v.body_part, c.id, v.equipment, v.difficulty, v.mechanics, v.instructions
from (values
  ('Casey''s tempo goblet squat', 'legs', 'quads', 'kettlebell', 'beginner', 'compound',
   'Goblet squat with a 4-second descent and a 2-second pause at the bottom. Keep the kettlebell touching your chest.'),
  ('Sled sprint finisher', 'full_body', 'conditioning', 'sled', 'intermediate', 'compound',
   '6 x 20 m heavy sled pushes, walk back recovery. Stop if the last push is much slower than the first.')
) v(name, body_part, category, equipment, difficulty, mechanics, instructions)
join public.exercise_categories c on c.slug = v.category;

-- Food composition table, per 100 g (typical values, rounded; written for this project) -------
insert into public.foods (name, category, kcal_per_100g, protein_g_per_100g, carbs_g_per_100g, fat_g_per_100g, fibre_g_per_100g, serving_sizes, source)
select v.name, v.category, v.kcal, v.protein, v.carbs, v.fat, v.fibre,
       case when v.serving is null then '[]'::jsonb else jsonb_build_array(jsonb_build_object('label', v.serving, 'grams', v.grams)) end,
       'fitcoach demo'
from (values
  -- Meat
  ('Chicken breast, skinless, raw', 'meat', 120, 22.5, 0, 2.6, 0, '1 breast', 170),
  ('Chicken breast, grilled', 'meat', 165, 31, 0, 3.6, 0, '1 breast', 140),
  ('Chicken thigh, skinless, roasted', 'meat', 209, 26, 0, 10.9, 0, '1 thigh', 90),
  ('Chicken drumstick, roasted', 'meat', 172, 28.3, 0, 5.7, 0, '1 drumstick', 75),
  ('Chicken wings, roasted', 'meat', 203, 30.5, 0, 8.1, 0, '1 wing', 35),
  ('Turkey breast, roasted', 'meat', 135, 30, 0, 1, 0, '3 slices', 85),
  ('Turkey mince, 7% fat, raw', 'meat', 150, 19.7, 0, 8, 0, null, null),
  ('Beef mince, 5% fat, raw', 'meat', 137, 21.4, 0, 5, 0, null, null),
  ('Beef mince, 20% fat, raw', 'meat', 254, 17.2, 0, 20, 0, null, null),
  ('Beef sirloin steak, grilled', 'meat', 206, 29, 0, 9.9, 0, '1 steak', 200),
  ('Beef ribeye steak, grilled', 'meat', 291, 24, 0, 21.6, 0, '1 steak', 250),
  ('Beef fillet steak, grilled', 'meat', 227, 28, 0, 12.7, 0, '1 steak', 170),
  ('Beef brisket, braised', 'meat', 247, 28.9, 0, 14.6, 0, null, null),
  ('Pork loin, roasted', 'meat', 242, 27.3, 0, 13.9, 0, null, null),
  ('Pork tenderloin, roasted', 'meat', 143, 26.2, 0, 3.5, 0, null, null),
  ('Pork sausage, grilled', 'meat', 300, 14, 6, 24, 0.5, '1 sausage', 45),
  ('Bacon, back, grilled', 'meat', 287, 23.3, 0.3, 21.6, 0, '1 rasher', 25),
  ('Ham, sliced', 'meat', 145, 21, 1.5, 6, 0, '1 slice', 25),
  ('Lamb leg, roasted', 'meat', 258, 25.6, 0, 16.5, 0, null, null),
  ('Venison, roasted', 'meat', 158, 30, 0, 3.2, 0, null, null),
  ('Duck breast, skinless, roasted', 'meat', 201, 23.5, 0, 11.2, 0, null, null),
  ('Chorizo', 'meat', 455, 24, 1.9, 38, 0, null, null),
  ('Salami', 'meat', 407, 22.6, 1.6, 34, 0, '1 slice', 10),
  ('Beef jerky', 'meat', 410, 33, 11, 26, 1.8, '1 bag', 30),
  ('Beef liver, fried', 'meat', 175, 26.5, 5.2, 4.7, 0, null, null),
  ('Chicken breast, deli slices', 'meat', 105, 21, 1.5, 1.5, 0, '1 slice', 20),
  -- Fish and seafood
  ('Salmon, Atlantic, raw', 'fish', 208, 20, 0, 13.4, 0, '1 fillet', 120),
  ('Salmon, baked', 'fish', 206, 22.1, 0, 12.4, 0, '1 fillet', 110),
  ('Smoked salmon', 'fish', 117, 18.3, 0, 4.3, 0, '2 slices', 50),
  ('Tuna, canned in water, drained', 'fish', 116, 25.5, 0, 0.8, 0, '1 can', 112),
  ('Tuna steak, raw', 'fish', 109, 24.4, 0, 0.5, 0, null, null),
  ('Cod, baked', 'fish', 105, 22.8, 0, 0.9, 0, '1 fillet', 140),
  ('Haddock, baked', 'fish', 90, 20, 0, 0.6, 0, '1 fillet', 140),
  ('Tilapia, baked', 'fish', 128, 26, 0, 2.7, 0, '1 fillet', 120),
  ('Sea bass, baked', 'fish', 124, 23.6, 0, 2.6, 0, '1 fillet', 100),
  ('Trout, baked', 'fish', 150, 22.9, 0, 5.8, 0, '1 fillet', 120),
  ('Mackerel, raw', 'fish', 205, 18.6, 0, 13.9, 0, '1 fillet', 110),
  ('Sardines, canned in oil, drained', 'fish', 208, 24.6, 0, 11.5, 0, '1 can', 90),
  ('Anchovies in oil, drained', 'fish', 210, 28.9, 0, 9.7, 0, null, null),
  ('Prawns, cooked', 'fish', 99, 24, 0.2, 0.3, 0, null, null),
  ('Mussels, cooked', 'fish', 172, 23.8, 7.4, 4.5, 0, null, null),
  ('Squid, raw', 'fish', 92, 15.6, 3.1, 1.4, 0, null, null),
  ('Crab meat, cooked', 'fish', 97, 19.4, 0, 1.5, 0, null, null),
  ('Scallops, cooked', 'fish', 111, 20.5, 5.4, 0.8, 0, null, null),
  ('Fish fingers, oven baked', 'fish', 220, 13, 18, 10, 0.7, '3 fingers', 84),
  -- Eggs
  ('Egg, whole, raw', 'eggs', 143, 12.6, 0.7, 9.5, 0, '1 large egg', 50),
  ('Egg, boiled', 'eggs', 155, 12.6, 1.1, 10.6, 0, '1 large egg', 50),
  ('Egg white', 'eggs', 52, 10.9, 0.7, 0.2, 0, '1 large white', 33),
  ('Egg yolk', 'eggs', 322, 15.9, 3.6, 26.5, 0, '1 yolk', 17),
  ('Scrambled eggs with milk', 'eggs', 149, 10, 1.6, 11, 0, null, null),
  ('Omelette, plain', 'eggs', 154, 10.6, 0.6, 11.7, 0, '2-egg omelette', 120),
  -- Dairy
  ('Milk, whole', 'dairy', 61, 3.2, 4.8, 3.3, 0, '1 glass', 250),
  ('Milk, semi-skimmed', 'dairy', 47, 3.5, 4.8, 1.7, 0, '1 glass', 250),
  ('Milk, skimmed', 'dairy', 34, 3.4, 5, 0.1, 0, '1 glass', 250),
  ('Greek yogurt, 0% fat', 'dairy', 59, 10.3, 3.6, 0.4, 0, '1 pot', 170),
  ('Greek yogurt, full fat', 'dairy', 97, 9, 4, 5, 0, '1 pot', 170),
  ('Natural yogurt, low fat', 'dairy', 63, 5.3, 7, 1.6, 0, '1 pot', 150),
  ('Skyr, plain', 'dairy', 63, 11, 4, 0.2, 0, '1 pot', 150),
  ('Quark', 'dairy', 67, 12, 4, 0.2, 0, null, null),
  ('Kefir', 'dairy', 41, 3.8, 4.5, 1, 0, '1 glass', 250),
  ('Cottage cheese, low fat', 'dairy', 72, 12.4, 2.7, 1, 0, '1/2 cup', 113),
  ('Cottage cheese', 'dairy', 98, 11.1, 3.4, 4.3, 0, '1/2 cup', 113),
  ('Cheddar cheese', 'dairy', 403, 24.9, 1.3, 33.1, 0, '1 slice', 28),
  ('Mozzarella, part-skim', 'dairy', 280, 27.5, 3.1, 17.1, 0, null, null),
  ('Parmesan', 'dairy', 431, 38, 4.1, 29, 0, '1 tbsp grated', 5),
  ('Feta', 'dairy', 264, 14.2, 4.1, 21.3, 0, null, null),
  ('Halloumi', 'dairy', 321, 21, 1.6, 26, 0, '2 slices', 50),
  ('Cream cheese', 'dairy', 342, 5.9, 4.1, 34, 0, '1 tbsp', 15),
  ('Ricotta', 'dairy', 174, 11.3, 3, 13, 0, null, null),
  ('Double cream', 'dairy', 449, 2.1, 2.7, 48, 0, '1 tbsp', 15),
  ('Chocolate milk', 'dairy', 83, 3.2, 11.6, 2.5, 0.5, '1 glass', 250),
  -- Grains and cereals
  ('Oats, rolled', 'grains', 379, 13.2, 67.7, 6.5, 10.1, '1 serving', 40),
  ('Porridge made with water', 'grains', 71, 2.5, 12, 1.5, 1.7, '1 bowl', 250),
  ('White rice, cooked', 'grains', 130, 2.7, 28.2, 0.3, 0.4, '1 cup', 158),
  ('Brown rice, cooked', 'grains', 123, 2.7, 25.6, 1, 1.6, '1 cup', 195),
  ('Basmati rice, dry', 'grains', 354, 8.1, 77.2, 0.9, 1.3, '1 portion', 75),
  ('Jasmine rice, cooked', 'grains', 129, 2.7, 28, 0.3, 0.4, '1 cup', 158),
  ('Quinoa, cooked', 'grains', 120, 4.4, 21.3, 1.9, 2.8, '1 cup', 185),
  ('Couscous, cooked', 'grains', 112, 3.8, 23.2, 0.2, 1.4, '1 cup', 157),
  ('Bulgur wheat, cooked', 'grains', 83, 3.1, 18.6, 0.2, 4.5, '1 cup', 182),
  ('Pasta, dry', 'grains', 371, 13, 74.7, 1.5, 3.2, '1 portion', 75),
  ('Pasta, cooked', 'grains', 158, 5.8, 30.9, 0.9, 1.8, '1 cup', 140),
  ('Wholewheat pasta, cooked', 'grains', 149, 6, 30, 1.7, 3.9, '1 cup', 140),
  ('Egg noodles, cooked', 'grains', 138, 4.5, 25, 2.1, 1.2, '1 cup', 160),
  ('Rice noodles, cooked', 'grains', 108, 1.8, 24, 0.2, 1, '1 cup', 176),
  ('Buckwheat, cooked', 'grains', 92, 3.4, 19.9, 0.6, 2.7, null, null),
  ('Pearl barley, cooked', 'grains', 123, 2.3, 28.2, 0.4, 3.8, null, null),
  ('Polenta, cooked', 'grains', 70, 1.6, 15, 0.3, 0.9, null, null),
  ('Cornflakes', 'grains', 357, 7.5, 84, 0.4, 3.3, '1 bowl', 30),
  ('Muesli', 'grains', 363, 9.7, 66, 5.9, 7, '1 bowl', 45),
  ('Granola', 'grains', 471, 10, 64, 20, 7, '1 serving', 45),
  ('Bran flakes', 'grains', 321, 10.2, 69, 2.3, 14, '1 bowl', 30),
  ('Wholewheat biscuit cereal', 'grains', 362, 12, 69, 2, 10, '2 biscuits', 38),
  ('Rice cakes', 'grains', 387, 8.2, 81.5, 2.8, 4.2, '1 cake', 9),
  ('Popcorn, air-popped', 'grains', 387, 12.9, 77.8, 4.5, 14.5, '1 bowl', 25),
  ('Plain flour', 'grains', 364, 10.3, 76.3, 1, 2.7, null, null),
  ('Wholemeal flour', 'grains', 340, 13.2, 72, 2.5, 10.7, null, null),
  -- Bread
  ('White bread', 'bread', 265, 9, 49, 3.2, 2.7, '1 slice', 36),
  ('Wholemeal bread', 'bread', 247, 13, 41, 3.4, 7, '1 slice', 36),
  ('Sourdough bread', 'bread', 272, 10.8, 51.9, 2.4, 2.4, '1 slice', 50),
  ('Rye bread', 'bread', 259, 8.5, 48.3, 3.3, 5.8, '1 slice', 32),
  ('Bagel, plain', 'bread', 257, 10, 50.5, 1.6, 2.3, '1 bagel', 85),
  ('Pitta bread, white', 'bread', 275, 9.1, 55.7, 1.2, 2.2, '1 pitta', 60),
  ('Flour tortilla wrap', 'bread', 312, 8.3, 51.6, 8, 3.5, '1 wrap', 62),
  ('Corn tortilla', 'bread', 218, 5.7, 44.6, 2.9, 6.3, '1 tortilla', 26),
  ('English muffin', 'bread', 227, 8.9, 44, 1.7, 3.5, '1 muffin', 57),
  ('Croissant', 'bread', 406, 8.2, 45.8, 21, 2.6, '1 croissant', 60),
  ('Crumpet', 'bread', 198, 6.7, 40, 0.9, 1.9, '1 crumpet', 55),
  ('Naan bread', 'bread', 291, 8.7, 50.4, 5.7, 2.2, '1 naan', 90),
  ('Ciabatta', 'bread', 271, 9.3, 50, 3.5, 2.4, '1 roll', 80),
  ('Rye crispbread', 'bread', 334, 9.4, 60, 1.7, 16, '1 crispbread', 10),
  -- Legumes and soy
  ('Chickpeas, cooked', 'legumes', 164, 8.9, 27.4, 2.6, 7.6, '1/2 can drained', 120),
  ('Lentils, cooked', 'legumes', 116, 9, 20.1, 0.4, 7.9, '1 cup', 198),
  ('Red lentils, dry', 'legumes', 358, 24.6, 63.1, 2.2, 10.8, null, null),
  ('Black beans, cooked', 'legumes', 132, 8.9, 23.7, 0.5, 8.7, '1 cup', 172),
  ('Kidney beans, cooked', 'legumes', 127, 8.7, 22.8, 0.5, 6.4, '1 cup', 177),
  ('Pinto beans, cooked', 'legumes', 143, 9, 26.2, 0.7, 9, '1 cup', 171),
  ('Butter beans, canned, drained', 'legumes', 103, 6, 18, 0.4, 4.6, null, null),
  ('Split peas, cooked', 'legumes', 118, 8.3, 21.1, 0.4, 8.3, null, null),
  ('Baked beans in tomato sauce', 'legumes', 94, 4.8, 15.3, 0.5, 3.7, '1/2 can', 207),
  ('Edamame beans', 'legumes', 121, 11.9, 8.9, 5.2, 5.2, '1 cup', 155),
  ('Tofu, firm', 'legumes', 144, 17.3, 2.8, 8.7, 2.3, null, null),
  ('Tempeh', 'legumes', 192, 20.3, 7.6, 10.8, 0, null, null),
  ('Hummus', 'legumes', 166, 7.9, 14.3, 9.6, 6, '2 tbsp', 30),
  ('Soya mince, dry', 'legumes', 330, 50, 30, 1.1, 4, null, null),
  ('Falafel', 'legumes', 333, 13.3, 31.8, 17.8, 4.9, '1 falafel', 17),
  -- Vegetables
  ('Broccoli, raw', 'vegetables', 34, 2.8, 6.6, 0.4, 2.6, '1 cup chopped', 91),
  ('Broccoli, steamed', 'vegetables', 35, 2.4, 7.2, 0.4, 3.3, '1 cup', 156),
  ('Spinach, raw', 'vegetables', 23, 2.9, 3.6, 0.4, 2.2, '1 cup', 30),
  ('Kale, raw', 'vegetables', 49, 4.3, 8.8, 0.9, 3.6, '1 cup', 21),
  ('Carrot, raw', 'vegetables', 41, 0.9, 9.6, 0.2, 2.8, '1 medium', 61),
  ('Tomato', 'vegetables', 18, 0.9, 3.9, 0.2, 1.2, '1 medium', 123),
  ('Cherry tomatoes', 'vegetables', 18, 0.9, 3.9, 0.2, 1.2, '6 tomatoes', 100),
  ('Cucumber', 'vegetables', 15, 0.7, 3.6, 0.1, 0.5, '1/3 cucumber', 100),
  ('Iceberg lettuce', 'vegetables', 14, 0.9, 3, 0.1, 1.2, null, null),
  ('Romaine lettuce', 'vegetables', 17, 1.2, 3.3, 0.3, 2.1, null, null),
  ('Mixed salad leaves', 'vegetables', 17, 1.5, 2.9, 0.2, 1.7, '1 bowl', 50),
  ('Rocket', 'vegetables', 25, 2.6, 3.7, 0.7, 1.6, null, null),
  ('Red bell pepper', 'vegetables', 31, 1, 6, 0.3, 2.1, '1 medium', 119),
  ('Green bell pepper', 'vegetables', 20, 0.9, 4.6, 0.2, 1.7, '1 medium', 119),
  ('Onion', 'vegetables', 40, 1.1, 9.3, 0.1, 1.7, '1 medium', 110),
  ('Spring onion', 'vegetables', 32, 1.8, 7.3, 0.2, 2.6, null, null),
  ('Garlic', 'vegetables', 149, 6.4, 33, 0.5, 2.1, '1 clove', 3),
  ('Mushrooms, white', 'vegetables', 22, 3.1, 3.3, 0.3, 1, '1 cup sliced', 70),
  ('Courgette', 'vegetables', 17, 1.2, 3.1, 0.3, 1, '1 medium', 196),
  ('Aubergine', 'vegetables', 25, 1, 5.9, 0.2, 3, null, null),
  ('Cauliflower', 'vegetables', 25, 1.9, 5, 0.3, 2, '1 cup', 107),
  ('White cabbage', 'vegetables', 25, 1.3, 5.8, 0.1, 2.5, null, null),
  ('Red cabbage', 'vegetables', 31, 1.4, 7.4, 0.2, 2.1, null, null),
  ('Brussels sprouts', 'vegetables', 43, 3.4, 9, 0.3, 3.8, null, null),
  ('Green beans', 'vegetables', 31, 1.8, 7, 0.2, 2.7, '1 cup', 100),
  ('Asparagus', 'vegetables', 20, 2.2, 3.9, 0.1, 2.1, '5 spears', 80),
  ('Celery', 'vegetables', 16, 0.7, 3, 0.2, 1.6, '1 stalk', 40),
  ('Green peas, boiled', 'vegetables', 84, 5.4, 15.6, 0.2, 5.5, '1/2 cup', 80),
  ('Sweetcorn, canned', 'vegetables', 81, 2.9, 16, 1.2, 2, '1/2 cup', 82),
  ('Sweet potato, baked', 'vegetables', 90, 2, 20.7, 0.2, 3.3, '1 medium', 150),
  ('Potato, boiled', 'vegetables', 87, 1.9, 20.1, 0.1, 1.8, '1 medium', 170),
  ('Potato, baked with skin', 'vegetables', 93, 2.5, 21.2, 0.1, 2.2, '1 medium', 180),
  ('Mashed potato with milk and butter', 'vegetables', 113, 1.9, 16.9, 4.2, 1.5, '1 cup', 210),
  ('Oven chips', 'vegetables', 162, 3.2, 26.2, 4.8, 2.5, '1 portion', 150),
  ('Beetroot, cooked', 'vegetables', 44, 1.7, 10, 0.2, 2, null, null),
  ('Butternut squash, roasted', 'vegetables', 45, 1, 11.7, 0.1, 2, null, null),
  ('Pumpkin', 'vegetables', 26, 1, 6.5, 0.1, 0.5, null, null),
  ('Leek', 'vegetables', 61, 1.5, 14.2, 0.3, 1.8, null, null),
  ('Parsnip, boiled', 'vegetables', 71, 1.3, 17, 0.3, 3.6, null, null),
  ('Bean sprouts', 'vegetables', 30, 3, 5.9, 0.2, 1.8, null, null),
  ('Pak choi', 'vegetables', 13, 1.5, 2.2, 0.2, 1, null, null),
  ('Green olives', 'vegetables', 145, 1, 3.8, 15.3, 3.3, '5 olives', 15),
  ('Kimchi', 'vegetables', 15, 1.1, 2.4, 0.5, 1.6, null, null),
  ('Sauerkraut', 'vegetables', 19, 0.9, 4.3, 0.1, 2.9, null, null),
  ('Tomato passata', 'vegetables', 29, 1.4, 5.4, 0.1, 1.2, null, null),
  -- Fruit
  ('Banana', 'fruit', 89, 1.1, 22.8, 0.3, 2.6, '1 medium', 118),
  ('Apple', 'fruit', 52, 0.3, 13.8, 0.2, 2.4, '1 medium', 182),
  ('Orange', 'fruit', 47, 0.9, 11.8, 0.1, 2.4, '1 medium', 131),
  ('Clementine', 'fruit', 47, 0.9, 12, 0.2, 1.7, '1 fruit', 74),
  ('Strawberries', 'fruit', 32, 0.7, 7.7, 0.3, 2, '1 cup', 150),
  ('Blueberries', 'fruit', 57, 0.7, 14.5, 0.3, 2.4, '1 cup', 148),
  ('Raspberries', 'fruit', 52, 1.2, 11.9, 0.7, 6.5, '1 cup', 123),
  ('Blackberries', 'fruit', 43, 1.4, 9.6, 0.5, 5.3, '1 cup', 144),
  ('Grapes', 'fruit', 69, 0.7, 18.1, 0.2, 0.9, '1 cup', 151),
  ('Pear', 'fruit', 57, 0.4, 15.2, 0.1, 3.1, '1 medium', 178),
  ('Peach', 'fruit', 39, 0.9, 9.5, 0.3, 1.5, '1 medium', 150),
  ('Nectarine', 'fruit', 44, 1.1, 10.6, 0.3, 1.7, '1 medium', 142),
  ('Plum', 'fruit', 46, 0.7, 11.4, 0.3, 1.4, '1 fruit', 66),
  ('Apricot', 'fruit', 48, 1.4, 11.1, 0.4, 2, '1 fruit', 35),
  ('Mango', 'fruit', 60, 0.8, 15, 0.4, 1.6, '1 cup', 165),
  ('Pineapple', 'fruit', 50, 0.5, 13.1, 0.1, 1.4, '1 cup', 165),
  ('Kiwi fruit', 'fruit', 61, 1.1, 14.7, 0.5, 3, '1 fruit', 69),
  ('Watermelon', 'fruit', 30, 0.6, 7.6, 0.2, 0.4, '1 wedge', 280),
  ('Cantaloupe melon', 'fruit', 34, 0.8, 8.2, 0.2, 0.9, '1 cup', 160),
  ('Cherries', 'fruit', 63, 1.1, 16, 0.2, 2.1, '1 cup', 138),
  ('Grapefruit', 'fruit', 42, 0.8, 10.7, 0.1, 1.6, '1/2 fruit', 123),
  ('Lemon', 'fruit', 29, 1.1, 9.3, 0.3, 2.8, null, null),
  ('Lime', 'fruit', 30, 0.7, 10.5, 0.2, 2.8, null, null),
  ('Pomegranate seeds', 'fruit', 83, 1.7, 18.7, 1.2, 4, '1/2 cup', 87),
  ('Figs, fresh', 'fruit', 74, 0.8, 19.2, 0.3, 2.9, '1 fig', 50),
  ('Papaya', 'fruit', 43, 0.5, 10.8, 0.3, 1.7, '1 cup', 145),
  ('Passion fruit', 'fruit', 97, 2.2, 23.4, 0.7, 10.4, '1 fruit', 18),
  ('Avocado', 'fruit', 160, 2, 8.5, 14.7, 6.7, '1/2 avocado', 68),
  ('Coconut flesh, fresh', 'fruit', 354, 3.3, 15.2, 33.5, 9, null, null),
  ('Dates, dried', 'fruit', 282, 2.5, 75, 0.4, 8, '1 date', 8),
  ('Raisins', 'fruit', 299, 3.1, 79.2, 0.5, 3.7, '1 small box', 14),
  ('Dried apricots', 'fruit', 241, 3.4, 62.6, 0.5, 7.3, '5 apricots', 35),
  ('Dried cranberries', 'fruit', 308, 0.2, 82.4, 1.1, 5.3, null, null),
  ('Frozen mixed berries', 'fruit', 48, 0.9, 11, 0.4, 3.5, '1 cup', 140),
  -- Nuts and seeds
  ('Almonds', 'nuts_seeds', 579, 21.2, 21.6, 49.9, 12.5, '1 handful', 28),
  ('Walnuts', 'nuts_seeds', 654, 15.2, 13.7, 65.2, 6.7, '1 handful', 28),
  ('Cashews', 'nuts_seeds', 553, 18.2, 30.2, 43.8, 3.3, '1 handful', 28),
  ('Peanuts, roasted', 'nuts_seeds', 585, 23.7, 21.5, 49.7, 8, '1 handful', 28),
  ('Peanut butter, smooth', 'nuts_seeds', 588, 25, 20, 50, 6, '1 tbsp', 16),
  ('Almond butter', 'nuts_seeds', 614, 21, 18.8, 55.5, 10.3, '1 tbsp', 16),
  ('Pistachios', 'nuts_seeds', 560, 20.2, 27.2, 45.3, 10.6, '1 handful', 28),
  ('Hazelnuts', 'nuts_seeds', 628, 15, 16.7, 60.8, 9.7, '1 handful', 28),
  ('Brazil nuts', 'nuts_seeds', 659, 14.3, 11.7, 67.1, 7.5, '3 nuts', 15),
  ('Macadamia nuts', 'nuts_seeds', 718, 7.9, 13.8, 75.8, 8.6, null, null),
  ('Pecans', 'nuts_seeds', 691, 9.2, 13.9, 72, 9.6, null, null),
  ('Mixed nuts, roasted, salted', 'nuts_seeds', 607, 20, 21, 54, 7, '1 handful', 28),
  ('Trail mix', 'nuts_seeds', 462, 13.8, 44.9, 29.4, 5, '1 handful', 40),
  ('Chia seeds', 'nuts_seeds', 486, 16.5, 42.1, 30.7, 34.4, '1 tbsp', 12),
  ('Flaxseed, ground', 'nuts_seeds', 534, 18.3, 28.9, 42.2, 27.3, '1 tbsp', 7),
  ('Pumpkin seeds', 'nuts_seeds', 559, 30.2, 10.7, 49, 6, '1 tbsp', 10),
  ('Sunflower seeds', 'nuts_seeds', 584, 20.8, 20, 51.5, 8.6, '1 tbsp', 10),
  ('Sesame seeds', 'nuts_seeds', 573, 17.7, 23.5, 49.7, 11.8, '1 tbsp', 9),
  ('Hemp seeds', 'nuts_seeds', 553, 31.6, 8.7, 48.8, 4, '1 tbsp', 10),
  ('Tahini', 'nuts_seeds', 595, 17, 21.2, 53.8, 9.3, '1 tbsp', 15),
  ('Desiccated coconut', 'nuts_seeds', 660, 6.9, 23.7, 64.5, 16.3, null, null),
  -- Fats and oils
  ('Olive oil', 'fats_oils', 884, 0, 0, 100, 0, '1 tbsp', 14),
  ('Rapeseed oil', 'fats_oils', 884, 0, 0, 100, 0, '1 tbsp', 14),
  ('Sunflower oil', 'fats_oils', 884, 0, 0, 100, 0, '1 tbsp', 14),
  ('Avocado oil', 'fats_oils', 884, 0, 0, 100, 0, '1 tbsp', 14),
  ('Coconut oil', 'fats_oils', 892, 0, 0, 99.1, 0, '1 tbsp', 14),
  ('Butter', 'fats_oils', 717, 0.9, 0.1, 81, 0, '1 tsp', 5),
  ('Ghee', 'fats_oils', 876, 0.3, 0, 99.5, 0, '1 tsp', 5),
  ('Vegetable spread', 'fats_oils', 531, 0.2, 0.7, 59, 0, '1 tsp', 5),
  -- Snacks and sweets
  ('Protein bar', 'snacks', 350, 30, 40, 10, 5, '1 bar', 60),
  ('Cereal bar', 'snacks', 400, 6, 70, 12, 4, '1 bar', 25),
  ('Potato crisps', 'snacks', 536, 7, 53, 34.6, 4.4, '1 bag', 25),
  ('Tortilla chips', 'snacks', 489, 7, 64, 23, 5, '1 handful', 30),
  ('Pretzels', 'snacks', 380, 10.3, 79.8, 2.6, 2.8, '1 bag', 30),
  ('Dark chocolate, 70%', 'sweets', 598, 7.8, 45.9, 42.6, 10.9, '2 squares', 20),
  ('Milk chocolate', 'sweets', 535, 7.6, 59.4, 29.7, 3.4, '1 bar', 45),
  ('Digestive biscuit', 'sweets', 480, 7, 63, 21, 3.5, '1 biscuit', 15),
  ('Flapjack', 'sweets', 463, 5.9, 61, 22, 3, '1 bar', 60),
  ('Vanilla ice cream', 'sweets', 207, 3.5, 23.6, 11, 0.7, '1 scoop', 66),
  ('Frozen yogurt', 'sweets', 127, 3, 21.6, 3.6, 0, '1 scoop', 70),
  ('Glazed doughnut', 'sweets', 421, 5, 49, 23, 1.5, '1 doughnut', 60),
  ('Blueberry muffin', 'sweets', 377, 4.4, 53, 16.3, 1.4, '1 muffin', 110),
  ('Strawberry jam', 'sweets', 278, 0.4, 68.9, 0.1, 1, '1 tbsp', 20),
  ('Honey', 'sweets', 304, 0.3, 82.4, 0, 0.2, '1 tbsp', 21),
  ('Maple syrup', 'sweets', 260, 0, 67, 0.1, 0, '1 tbsp', 20),
  ('White sugar', 'sweets', 387, 0, 100, 0, 0, '1 tsp', 4),
  ('Gummy sweets', 'sweets', 343, 6.9, 77, 0.2, 0, '1 bag', 40),
  ('Chocolate hazelnut spread', 'sweets', 539, 6.3, 57.5, 30.9, 3.4, '1 tbsp', 15),
  -- Beverages
  ('Orange juice', 'beverages', 45, 0.7, 10.4, 0.2, 0.2, '1 glass', 250),
  ('Apple juice', 'beverages', 46, 0.1, 11.3, 0.1, 0.2, '1 glass', 250),
  ('Cola', 'beverages', 42, 0, 10.6, 0, 0, '1 can', 330),
  ('Diet cola', 'beverages', 0.4, 0, 0.1, 0, 0, '1 can', 330),
  ('Black coffee', 'beverages', 2, 0.3, 0, 0, 0, '1 mug', 240),
  ('Black tea', 'beverages', 1, 0, 0.3, 0, 0, '1 mug', 240),
  ('Latte, semi-skimmed milk', 'beverages', 44, 3, 4.4, 1.6, 0, '1 regular', 350),
  ('Oat drink', 'beverages', 46, 1, 6.6, 1.5, 0.8, '1 glass', 250),
  ('Almond drink, unsweetened', 'beverages', 15, 0.6, 0.3, 1.2, 0.2, '1 glass', 250),
  ('Soy drink', 'beverages', 54, 3.3, 6, 1.8, 0.6, '1 glass', 250),
  ('Coconut water', 'beverages', 19, 0.7, 3.7, 0.2, 1.1, '1 carton', 330),
  ('Sports drink', 'beverages', 26, 0, 6.4, 0, 0, '1 bottle', 500),
  ('Energy drink', 'beverages', 45, 0, 11, 0, 0, '1 can', 250),
  ('Fruit smoothie', 'beverages', 55, 0.6, 13, 0.2, 1, '1 bottle', 250),
  ('Lager beer', 'beverages', 43, 0.5, 3.6, 0, 0, '1 pint', 568),
  ('Red wine', 'beverages', 85, 0.1, 2.6, 0, 0, '1 glass', 175),
  ('White wine', 'beverages', 82, 0.1, 2.6, 0, 0, '1 glass', 175),
  ('Protein shake, ready to drink', 'beverages', 60, 8, 3, 1.5, 0, '1 bottle', 330),
  -- Supplements
  ('Whey protein powder', 'supplements', 400, 80, 8, 6, 0, '1 scoop', 30),
  ('Casein protein powder', 'supplements', 360, 78, 6, 2, 1, '1 scoop', 30),
  ('Soy protein isolate', 'supplements', 335, 88, 0, 3.4, 0, '1 scoop', 30),
  ('Pea protein powder', 'supplements', 380, 78, 5, 7, 1, '1 scoop', 30),
  ('Mass gainer powder', 'supplements', 380, 15, 75, 3, 1, '1 serving', 100),
  ('Creatine monohydrate', 'supplements', 0, 0, 0, 0, 0, '1 scoop', 5),
  -- Prepared dishes
  ('Margherita pizza', 'prepared', 266, 11, 33, 10, 2.3, '1 slice', 107),
  ('Beef lasagne', 'prepared', 135, 8.6, 11, 6.3, 1, '1 portion', 350),
  ('Spaghetti bolognese', 'prepared', 110, 6.5, 13.5, 3.4, 1.5, '1 portion', 400),
  ('Chicken curry', 'prepared', 145, 12, 6, 8, 1.5, '1 portion', 350),
  ('Chilli con carne', 'prepared', 105, 8.3, 7.5, 4.6, 2.5, '1 portion', 350),
  ('Beef burger patty, grilled', 'prepared', 250, 26, 0, 17, 0, '1 patty', 113),
  ('Hamburger in a bun', 'prepared', 254, 13, 24, 12, 1.5, '1 burger', 200),
  ('Salmon nigiri', 'prepared', 150, 6.4, 26, 2, 0.3, '1 piece', 35),
  ('Chicken nuggets', 'prepared', 296, 15, 17, 19, 1, '6 nuggets', 100),
  ('Chicken Caesar salad', 'prepared', 127, 9.5, 4.5, 8, 1.2, '1 bowl', 300),
  ('Vegetable soup', 'prepared', 30, 1.2, 5, 0.6, 1.2, '1 bowl', 300),
  ('Tomato soup', 'prepared', 35, 0.8, 6, 1, 0.7, '1 bowl', 300),
  ('Chicken noodle soup', 'prepared', 36, 2.4, 4.5, 1, 0.3, '1 bowl', 300),
  ('Chicken burrito', 'prepared', 180, 10, 20, 6.5, 2.5, '1 burrito', 300),
  ('Pad thai with chicken', 'prepared', 150, 6, 20, 5, 1.2, '1 portion', 350),
  ('Egg fried rice', 'prepared', 163, 4.2, 25, 5, 1, '1 portion', 250),
  ('Shepherd''s pie', 'prepared', 106, 6, 9, 5, 1.2, '1 portion', 350),
  ('Quiche lorraine', 'prepared', 280, 10, 17, 19, 0.8, '1 slice', 120),
  ('Macaroni cheese', 'prepared', 164, 6.6, 17, 7.5, 0.8, '1 portion', 300),
  ('Mushroom risotto', 'prepared', 138, 3.4, 20, 4.8, 0.9, '1 portion', 300),
  ('Overnight oats with milk', 'prepared', 120, 5, 18, 3, 2.5, '1 jar', 250),
  -- Condiments and sauces
  ('Tomato ketchup', 'condiments', 112, 1.2, 25.8, 0.1, 0.3, '1 tbsp', 17),
  ('Mustard', 'condiments', 66, 4.4, 5.8, 4, 3.3, '1 tsp', 5),
  ('Mayonnaise', 'condiments', 680, 1, 0.6, 75, 0, '1 tbsp', 14),
  ('Light mayonnaise', 'condiments', 260, 0.9, 8, 25, 0, '1 tbsp', 15),
  ('Soy sauce', 'condiments', 53, 8.1, 4.9, 0.6, 0.8, '1 tbsp', 16),
  ('Barbecue sauce', 'condiments', 172, 0.8, 40.8, 0.6, 0.9, '1 tbsp', 17),
  ('Tomato salsa', 'condiments', 36, 1.5, 6.6, 0.2, 1.9, '2 tbsp', 32),
  ('Basil pesto', 'condiments', 418, 5, 6, 41, 1.5, '1 tbsp', 15),
  ('Sweet chilli sauce', 'condiments', 220, 0.4, 54, 0.2, 0.6, '1 tbsp', 15),
  ('Balsamic vinegar', 'condiments', 88, 0.5, 17, 0, 0, '1 tbsp', 16),
  ('Hot sauce', 'condiments', 11, 0.5, 1.8, 0.4, 0.3, '1 tsp', 5),
  ('Vinaigrette dressing', 'condiments', 290, 0.2, 7, 29, 0, '1 tbsp', 15),
  ('Gravy, made up', 'condiments', 34, 0.8, 5, 1.2, 0.1, '1 portion', 70),
  ('Coconut milk, canned', 'condiments', 197, 2, 2.8, 21, 0, '1/4 can', 100)
) v(name, category, kcal, protein, carbs, fat, fibre, serving, grams);

-- Programs (module 3) ---------------------------------------------------------------------------
-- Casey's progressive 3-day template, Alex's copy of it (on week 4 of 6), and Sam's static
-- full-body program. Ids are fixed so the rest of this file can point at them.
insert into public.programs (id, trainer_id, client_id, template_id, name, description, kind, status, weeks, current_week, auto_advance, starts_on, created_at, updated_at)
values
  ('00000000-0000-4000-a000-000000000001', '00000000-0000-4000-8000-000000000001', null, null,
   'Strength Foundations (3-day)', 'Six-week linear block: volume first, then intensity, then a deload. Squat, hinge, press and pull every week.',
   'progressive', 'active', 6, 1, true, null, now() - interval '50 days', now() - interval '50 days'),
  ('00000000-0000-4000-a000-000000000002', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002',
   '00000000-0000-4000-a000-000000000001', 'Strength Foundations (3-day)', 'Alex''s copy: deadlift capped at RPE 8 while the lower back settles.',
   'progressive', 'active', 6, 4, true, (date_trunc('week', now()) - interval '21 days')::date, now() - interval '22 days', now() - interval '1 day'),
  ('00000000-0000-4000-a000-000000000003', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003', null,
   'Full Body Basics', 'Two full-body sessions a week to learn the main movement patterns.',
   'static', 'active', 1, 1, false, (date_trunc('week', now()) - interval '14 days')::date, now() - interval '15 days', now() - interval '15 days');

-- Weeks and phases of the progressive program.
create temporary table demo_weeks (week_index int, phase text, main_sets int, main_min int, main_max int, acc_sets int, acc_min int, acc_max int, load_factor numeric, rpe numeric) on commit drop;
insert into demo_weeks values
  (1, 'Accumulation', 3, 8, 10, 3, 10, 12, 1.000, 7),
  (2, 'Accumulation', 3, 8, 10, 3, 10, 12, 1.025, 7.5),
  (3, 'Intensification', 4, 6, 8, 3, 8, 10, 1.075, 8),
  (4, 'Intensification', 4, 5, 6, 3, 8, 10, 1.100, 8),
  (5, 'Realisation', 5, 3, 5, 2, 8, 10, 1.150, 8.5),
  (6, 'Deload', 3, 5, 5, 2, 10, 10, 0.850, 6);

create temporary table demo_day_plan (day_key int, day_of_week int, day_name text, slot int, exercise text, kind text, base_kg numeric) on commit drop;
insert into demo_day_plan values
  (1, 1, 'Day A: squat and press', 1, 'Back squat', 'main', 90),
  (1, 1, 'Day A: squat and press', 2, 'Overhead press', 'main', 45),
  (1, 1, 'Day A: squat and press', 3, 'Romanian deadlift', 'accessory', 80),
  (1, 1, 'Day A: squat and press', 4, 'Lat pulldown', 'accessory', 55),
  (1, 1, 'Day A: squat and press', 5, 'Plank', 'timed', null),
  (2, 3, 'Day B: deadlift and pull', 1, 'Deadlift', 'main', 120),
  (2, 3, 'Day B: deadlift and pull', 2, 'Seated cable row', 'accessory', 60),
  (2, 3, 'Day B: deadlift and pull', 3, 'Bulgarian split squat', 'accessory', 16),
  (2, 3, 'Day B: deadlift and pull', 4, 'Face pull', 'accessory', 20),
  (2, 3, 'Day B: deadlift and pull', 5, 'Hanging knee raise', 'bodyweight', null),
  (3, 5, 'Day C: bench and legs', 1, 'Barbell bench press', 'main', 75),
  (3, 5, 'Day C: bench and legs', 2, 'Leg press', 'accessory', 160),
  (3, 5, 'Day C: bench and legs', 3, 'One-arm dumbbell row', 'accessory', 30),
  (3, 5, 'Day C: bench and legs', 4, 'Dumbbell lateral raise', 'accessory', 8),
  (3, 5, 'Day C: bench and legs', 5, 'Casey''s tempo goblet squat', 'accessory', 20);

insert into public.program_days (program_id, week_index, phase_name, day_of_week, name, position, created_at, updated_at)
select p.id, w.week_index, w.phase, d.day_of_week, d.day_name, 'a' || w.week_index || d.day_key, p.created_at, p.created_at
from public.programs p
cross join demo_weeks w
cross join (select distinct day_key, day_of_week, day_name from demo_day_plan) d
where p.id in ('00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000002');

insert into public.program_exercises
  (program_day_id, exercise_id, position, sets, reps_min, reps_max, load_kg, rpe, rest_seconds, duration_seconds, tempo, notes, created_at, updated_at)
select pd.id, e.id, 'a' || dp.slot,
       case dp.kind when 'main' then w.main_sets else w.acc_sets end,
       case dp.kind when 'main' then w.main_min when 'timed' then null else w.acc_min end,
       case dp.kind when 'main' then w.main_max when 'timed' then null else w.acc_max end,
       case when dp.base_kg is null then null else round(dp.base_kg * w.load_factor / 2.5) * 2.5 end,
       case when dp.kind in ('main', 'accessory') then w.rpe end,
       case dp.kind when 'main' then 180 when 'timed' then 60 else 90 end,
       case when dp.kind = 'timed' then 30 + 15 * least(w.week_index, 4) end,
       case when dp.exercise = 'Casey''s tempo goblet squat' then '4-2-1-0' end,
       case when dp.exercise = 'Deadlift' and pd.program_id = '00000000-0000-4000-a000-000000000002' then 'Cap at RPE 8, reset every rep.' end,
       pd.created_at, pd.created_at
from public.program_days pd
join demo_weeks w on w.week_index = pd.week_index
join demo_day_plan dp on dp.day_of_week = pd.day_of_week and dp.slot between 1 and 5
join public.exercises e on e.name = dp.exercise
  and (e.trainer_id is null or e.trainer_id = '00000000-0000-4000-8000-000000000001')
where pd.program_id in ('00000000-0000-4000-a000-000000000001', '00000000-0000-4000-a000-000000000002');

-- Sam's program: two days, the same every week.
insert into public.program_days (program_id, week_index, day_of_week, name, position)
values
  ('00000000-0000-4000-a000-000000000003', 1, 2, 'Full body 1', 'a0'),
  ('00000000-0000-4000-a000-000000000003', 1, 4, 'Full body 2', 'a1');
insert into public.program_exercises (program_day_id, exercise_id, position, sets, reps_min, reps_max, load_kg, rir, rest_seconds)
select pd.id, e.id, 'a' || v.slot, v.sets, v.reps_min, v.reps_max, v.load_kg, 2, 75
from (values
  ('Full body 1', 1, 'Goblet squat', 3, 10, 12, 12),
  ('Full body 1', 2, 'Dumbbell bench press', 3, 10, 12, 10),
  ('Full body 1', 3, 'Seated cable row', 3, 10, 12, 30),
  ('Full body 1', 4, 'Glute bridge', 3, 12, 15, null),
  ('Full body 1', 5, 'Dead bug', 2, 8, 10, null),
  ('Full body 2', 1, 'Dumbbell Romanian deadlift', 3, 10, 12, 12),
  ('Full body 2', 2, 'Lat pulldown', 3, 10, 12, 30),
  ('Full body 2', 3, 'Step-up', 3, 8, 10, 6),
  ('Full body 2', 4, 'Incline push-up', 3, 8, 12, null),
  ('Full body 2', 5, 'Plank', 2, null, null, null)
) v(day_name, slot, exercise, sets, reps_min, reps_max, load_kg)
join public.program_days pd on pd.program_id = '00000000-0000-4000-a000-000000000003' and pd.name = v.day_name
join public.exercises e on e.name = v.exercise and e.trainer_id is null;

-- Workout logs (module 4): Alex's weeks 1-3 and this week so far, Sam's last two weeks. -------
-- Week w of Alex's program starts on the Monday three weeks before this one, plus (w - 1) weeks.
insert into public.workout_sessions (client_id, program_day_id, status, started_at, ended_at, duration_seconds, rating, week_index, notes, created_at, updated_at, updated_by_device)
select '00000000-0000-4000-8000-000000000002', pd.id,
       case when pd.week_index = 2 and pd.day_of_week = 5 then 'partial' else 'completed' end,
       s.started_at, s.started_at + interval '65 minutes', 3600 + 60 * pd.day_of_week, 3 + (pd.week_index + pd.day_of_week) % 3, pd.week_index,
       case when pd.week_index = 2 and pd.day_of_week = 5 then 'Short on time, skipped the last exercise.' end,
       s.started_at, s.started_at + interval '65 minutes', 'demo-alex-phone'
from public.program_days pd
cross join lateral (
  select date_trunc('week', now()) - interval '21 days' + (pd.week_index - 1) * interval '7 days'
         + (pd.day_of_week - 1) * interval '1 day' + interval '18 hours' as started_at
) s
where pd.program_id = '00000000-0000-4000-a000-000000000002'
  and pd.week_index <= 4
  and s.started_at < now() - interval '2 hours';

-- Sets: every prescribed set, reps fading a little through the sets, load as prescribed.
insert into public.set_logs (session_id, exercise_id, program_exercise_id, set_index, set_kind, weight_kg, reps, rir, rpe, duration_seconds, done, performed_at, created_at, updated_at, updated_by_device)
select ws.id, pe.exercise_id, pe.id, k, 'working',
       pe.load_kg,
       case when pe.duration_seconds is null then greatest(coalesce(pe.reps_min, 10), coalesce(pe.reps_max, 12) - (k - 1) / 2) end,
       case when pe.duration_seconds is null then greatest(0, 3 - k / 2) end,
       case when pe.rpe is not null then least(10, pe.rpe + (k - 1) * 0.5) end,
       pe.duration_seconds,
       true,
       ws.started_at + ((substr(pe.position, 2)::int - 1) * 12 + k * 3) * interval '1 minute',
       ws.started_at, ws.started_at, 'demo-alex-phone'
from public.workout_sessions ws
join public.program_exercises pe on pe.program_day_id = ws.program_day_id
cross join generate_series(1, 5) k
where ws.client_id = '00000000-0000-4000-8000-000000000002'
  and k <= pe.sets
  and not (ws.status = 'partial' and pe.position = 'a5');

-- A warm-up set before each main lift.
insert into public.set_logs (session_id, exercise_id, program_exercise_id, set_index, set_kind, weight_kg, reps, done, performed_at, created_at, updated_at)
select ws.id, pe.exercise_id, pe.id, 99, 'warmup', round(pe.load_kg * 0.6 / 2.5) * 2.5, 5, true,
       ws.started_at + interval '1 minute', ws.started_at, ws.started_at
from public.workout_sessions ws
join public.program_exercises pe on pe.program_day_id = ws.program_day_id and pe.position = 'a1'
where ws.client_id = '00000000-0000-4000-8000-000000000002';

-- Alex's Saturday rows (ad hoc, no program day).
insert into public.workout_sessions (client_id, name, status, started_at, ended_at, duration_seconds, rating, created_at, updated_at)
select '00000000-0000-4000-8000-000000000002', 'Saturday row', 'completed', t, t + interval '30 minutes', 1800, 4, t, t
from (select date_trunc('week', now()) - interval '21 days' + n * interval '7 days' + interval '5 days 10 hours' as t from generate_series(0, 2) n) s
where t < now();
insert into public.set_logs (session_id, exercise_id, set_index, duration_seconds, distance_m, done, performed_at, created_at, updated_at)
select ws.id, e.id, 1, 1800, 6000 + 100 * extract(day from ws.started_at)::int % 500, true, ws.started_at, ws.started_at, ws.started_at
from public.workout_sessions ws
join public.exercises e on e.name = 'Rowing machine' and e.trainer_id is null
where ws.client_id = '00000000-0000-4000-8000-000000000002' and ws.program_day_id is null;

-- Sam: Tuesdays and Thursdays of the last two weeks.
insert into public.workout_sessions (client_id, program_day_id, status, started_at, ended_at, duration_seconds, rating, week_index, created_at, updated_at)
select '00000000-0000-4000-8000-000000000003', pd.id, 'completed', t, t + interval '50 minutes', 3000, 4, 1, t, t
from public.program_days pd
cross join generate_series(0, 1) n
cross join lateral (select date_trunc('week', now()) - interval '14 days' + n * interval '7 days' + (pd.day_of_week - 1) * interval '1 day' + interval '12 hours 30 minutes' as t) s
where pd.program_id = '00000000-0000-4000-a000-000000000003';
insert into public.set_logs (session_id, exercise_id, program_exercise_id, set_index, weight_kg, reps, rir, duration_seconds, done, performed_at, created_at, updated_at)
select ws.id, pe.exercise_id, pe.id, k, pe.load_kg,
       case when pe.reps_max is not null then pe.reps_max - (k - 1) end,
       case when pe.reps_max is not null then 2 end,
       case when pe.reps_max is null then 30 end,
       true, ws.started_at + (substr(pe.position, 2)::int * 10 + k * 2) * interval '1 minute', ws.started_at, ws.started_at
from public.workout_sessions ws
join public.program_exercises pe on pe.program_day_id = ws.program_day_id
cross join generate_series(1, 3) k
where ws.client_id = '00000000-0000-4000-8000-000000000003' and k <= pe.sets;

-- Habits (module 6) -------------------------------------------------------------------------------
insert into public.habits (id, client_id, trainer_id, name, description, cadence, target_per_period, target_value, unit, starts_on, created_at, updated_at)
values
  ('00000000-0000-4000-b000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001',
   'Drink 2.5 l of water', 'Spread it through the day; a bottle on your desk helps.', 'daily', 1, 2.5, 'l', current_date - 28, now() - interval '28 days', now() - interval '28 days'),
  ('00000000-0000-4000-b000-000000000002', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001',
   'Walk 8,000 steps', null, 'daily', 1, 8000, 'steps', current_date - 28, now() - interval '28 days', now() - interval '28 days'),
  ('00000000-0000-4000-b000-000000000003', '00000000-0000-4000-8000-000000000002', null,
   'Sleep 7+ hours', 'Phone out of the bedroom.', 'daily', 1, null, null, current_date - 21, now() - interval '21 days', now() - interval '21 days'),
  ('00000000-0000-4000-b000-000000000004', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000001',
   'Prepare lunch the night before', null, 'weekly', 4, null, null, current_date - 14, now() - interval '14 days', now() - interval '14 days');

-- No ids: habit_logs takes the id devices derive from (habit, day) (sync.habit_log_id).
insert into public.habit_logs (habit_id, log_date, done, value, created_at, updated_at)
select h.id, current_date - d,
       (d + h.offset_days) % 7 not in (2, 5),
       case h.unit when 'l' then 1.8 + ((d * 7) % 10) / 10.0 when 'steps' then 6000 + (d * 1379) % 5000 end,
       -- Logged at 21:00 that day; today's not later than now (a tick this morning is newer).
       least(now(), (current_date - d) + interval '21 hours'), least(now(), (current_date - d) + interval '21 hours')
from (
  select id, unit, starts_on, (row_number() over (order by id))::int as offset_days
  from public.habits where client_id in ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003')
) h
cross join generate_series(0, 27) d
where current_date - d >= h.starts_on;

-- Progress (module 5) ----------------------------------------------------------------------------
insert into public.measurements (client_id, measured_at, weight_kg, body_fat_pct, neck_cm, chest_cm, arm_cm, waist_cm, hips_cm, thigh_cm, calf_cm, skinfolds, created_at, updated_at)
select '00000000-0000-4000-8000-000000000002', t,
       84.0 - 0.25 * w, 22.0 - 0.2 * w, 39, 104 - 0.1 * w, 35.5 + 0.05 * w, 90 - 0.3 * w, 101 - 0.1 * w, 59.5, 38,
       case when w % 4 = 0 then jsonb_build_object('triceps', 13 - w / 4, 'abdominal', 24 - w / 2, 'suprailiac', 17 - w / 4, 'thigh', 16) end,
       t, t
from generate_series(0, 8) w
cross join lateral (select date_trunc('week', now()) - interval '56 days' + w * interval '7 days' + interval '7 hours' as t) s
where t < now();
insert into public.measurements (client_id, measured_at, weight_kg, body_fat_pct, waist_cm, hips_cm, created_at, updated_at)
select '00000000-0000-4000-8000-000000000003', t, 78.0 - 0.5 * w, 31 - 0.3 * w, 86 - 0.5 * w, 104 - 0.3 * w, t, t
from generate_series(0, 3) w
cross join lateral (select date_trunc('week', now()) - interval '21 days' + w * interval '7 days' + interval '8 hours' as t) s
where t < now();

insert into public.check_in_forms (id, trainer_id, name, description, questions)
values ('00000000-0000-4000-b100-000000000001', '00000000-0000-4000-8000-000000000001', 'Weekly check-in',
        'Five quick questions every Sunday. Be honest: it is how we adjust your plan.',
        '[{"id": "energy", "label": "Energy this week", "type": "scale", "min": 1, "max": 10, "required": true},
          {"id": "sleep_hours", "label": "Average hours of sleep", "type": "number", "min": 0, "max": 14, "required": true},
          {"id": "adherence", "label": "How well did you stick to the plan?", "type": "scale", "min": 1, "max": 10, "required": true},
          {"id": "pain", "label": "Any pain or niggles?", "type": "yes_no", "required": true},
          {"id": "wins", "label": "Wins and struggles", "type": "text"}]');

insert into public.check_ins (client_id, trainer_id, form_id, week_start, questions, answers, status, submitted_at, trainer_response, reviewed_at, created_at, updated_at)
select '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', f.id, c.week_start, f.questions, c.answers,
       case when c.response is null then 'pending' else 'reviewed' end,
       c.week_start + interval '6 days 19 hours', c.response,
       case when c.response is not null then c.week_start + interval '7 days 9 hours' end,
       c.week_start + interval '6 days 19 hours', c.week_start + interval '7 days 9 hours'
from public.check_in_forms f
cross join (values
  ((date_trunc('week', now()) - interval '21 days')::date,
   '{"energy": 6, "sleep_hours": 6.5, "adherence": 7, "pain": true, "wins": "Hit every session. Lower back tight after deadlifts."}'::jsonb,
   'Good first week. Let''s cap deadlifts at RPE 8 and add the hip flexor stretch before Day B.'),
  ((date_trunc('week', now()) - interval '14 days')::date,
   '{"energy": 7, "sleep_hours": 7, "adherence": 8, "pain": false, "wins": "Back felt fine. Friday was rushed."}'::jsonb,
   'Nice. If Friday is tight on time, do the main lift and the rows and skip the rest.'),
  ((date_trunc('week', now()) - interval '7 days')::date,
   '{"energy": 8, "sleep_hours": 7.5, "adherence": 9, "pain": false, "wins": "Squat 95 kg for 8 felt smooth!"}'::jsonb,
   null)
) c(week_start, answers, response)
where f.id = '00000000-0000-4000-b100-000000000001';

insert into public.goals (client_id, trainer_id, title, metric, exercise_id, unit, start_value, current_value, target_value, target_date, status, created_at, updated_at)
select '00000000-0000-4000-8000-000000000002'::uuid, '00000000-0000-4000-8000-000000000001'::uuid, 'Reach 80 kg', 'body_weight', null::uuid, 'kg', 84, 82, 80,
       current_date + 56, 'active', now() - interval '56 days', now() - interval '2 days'
union all
select '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'Squat 120 kg', 'exercise_1rm', e.id, 'kg', 100, 112.5, 120,
       current_date + 70, 'active', now() - interval '21 days', now() - interval '3 days'
from public.exercises e where e.name = 'Back squat' and e.trainer_id is null
union all
select '00000000-0000-4000-8000-000000000003', null, 'Train twice a week', 'workouts_per_week', null, 'sessions', 0, 2, 2,
       null, 'active', now() - interval '14 days', now() - interval '14 days';

insert into public.achievements (client_id, kind, key, title, description, earned_at, details)
select '00000000-0000-4000-8000-000000000002'::uuid, 'milestone', 'milestone:first_workout', 'First workout', 'The hardest one is the first.',
       min(started_at), '{}'::jsonb from public.workout_sessions where client_id = '00000000-0000-4000-8000-000000000002'
union all
select '00000000-0000-4000-8000-000000000002', 'streak', 'streak:habit:00000000-0000-4000-b000-000000000003:7', '7-day streak: Sleep 7+ hours',
       'Seven nights in a row of 7+ hours.', now() - interval '10 days', '{"days": 7}'::jsonb
union all
select '00000000-0000-4000-8000-000000000002', 'pr', 'pr:' || e.id || ':95kg', 'PR: Back squat 95 kg', null,
       now() - interval '5 days', jsonb_build_object('exercise_id', e.id, 'weight_kg', 95, 'reps', 8)
from public.exercises e where e.name = 'Back squat' and e.trainer_id is null
union all
select '00000000-0000-4000-8000-000000000003', 'milestone', 'milestone:first_workout', 'First workout', 'The hardest one is the first.',
       min(started_at), '{}'::jsonb from public.workout_sessions where client_id = '00000000-0000-4000-8000-000000000003'
-- The achievement triggers (20261201080000_achievement_grants.sql) have granted what the demo
-- data above earns, with today's date; these give the demo story its past dates.
on conflict (client_id, key) do update set earned_at = excluded.earned_at, description = excluded.description;

-- Nutrition (module 7) ------------------------------------------------------------------------------
-- meals: [{id, name, position, time, items: [{id, food_id, grams, position}]}]; food ids looked up by name.
create temporary table demo_meal_items (plan text, meal_pos int, meal text, meal_time text, item_pos int, food text, grams numeric) on commit drop;
insert into demo_meal_items values
  ('alex', 1, 'Breakfast', '07:30', 1, 'Oats, rolled', 80),
  ('alex', 1, 'Breakfast', '07:30', 2, 'Whey protein powder', 30),
  ('alex', 1, 'Breakfast', '07:30', 3, 'Blueberries', 100),
  ('alex', 1, 'Breakfast', '07:30', 4, 'Milk, semi-skimmed', 200),
  ('alex', 2, 'Lunch', '12:30', 1, 'Chicken breast, grilled', 150),
  ('alex', 2, 'Lunch', '12:30', 2, 'Basmati rice, dry', 75),
  ('alex', 2, 'Lunch', '12:30', 3, 'Broccoli, steamed', 150),
  ('alex', 2, 'Lunch', '12:30', 4, 'Olive oil', 10),
  ('alex', 3, 'Snack', '16:00', 1, 'Greek yogurt, 0% fat', 170),
  ('alex', 3, 'Snack', '16:00', 2, 'Almonds', 20),
  ('alex', 4, 'Dinner', '19:30', 1, 'Salmon, baked', 150),
  ('alex', 4, 'Dinner', '19:30', 2, 'Sweet potato, baked', 250),
  ('alex', 4, 'Dinner', '19:30', 3, 'Green beans', 150),
  ('template', 1, 'Breakfast', '08:00', 1, 'Skyr, plain', 200),
  ('template', 1, 'Breakfast', '08:00', 2, 'Granola', 40),
  ('template', 1, 'Breakfast', '08:00', 3, 'Strawberries', 100),
  ('template', 2, 'Lunch', '13:00', 1, 'Tuna, canned in water, drained', 112),
  ('template', 2, 'Lunch', '13:00', 2, 'Wholemeal bread', 72),
  ('template', 2, 'Lunch', '13:00', 3, 'Mixed salad leaves', 50),
  ('template', 3, 'Dinner', '19:00', 1, 'Turkey mince, 7% fat, raw', 150),
  ('template', 3, 'Dinner', '19:00', 2, 'Wholewheat pasta, cooked', 180),
  ('template', 3, 'Dinner', '19:00', 3, 'Tomato passata', 150),
  ('sam', 1, 'Breakfast', '08:00', 1, 'Egg, boiled', 100),
  ('sam', 1, 'Breakfast', '08:00', 2, 'Rye bread', 64),
  ('sam', 1, 'Breakfast', '08:00', 3, 'Avocado', 68),
  ('sam', 2, 'Lunch', '12:30', 1, 'Chickpeas, cooked', 120),
  ('sam', 2, 'Lunch', '12:30', 2, 'Quinoa, cooked', 150),
  ('sam', 2, 'Lunch', '12:30', 3, 'Feta', 30),
  ('sam', 2, 'Lunch', '12:30', 4, 'Cherry tomatoes', 100),
  ('sam', 3, 'Dinner', '18:30', 1, 'Cod, baked', 150),
  ('sam', 3, 'Dinner', '18:30', 2, 'Potato, boiled', 200),
  ('sam', 3, 'Dinner', '18:30', 3, 'Green peas, boiled', 80);

create temporary table demo_meals on commit drop as
select i.plan,
       jsonb_agg(jsonb_build_object('id', i.plan || '-meal-' || i.meal_pos, 'name', i.meal, 'position', 'a' || i.meal_pos, 'time', i.meal_time,
                                    'items', i.items) order by i.meal_pos) as meals
from (
  select d.plan, d.meal_pos, d.meal, d.meal_time,
         jsonb_agg(jsonb_build_object('id', d.plan || '-meal-' || d.meal_pos || '-item-' || d.item_pos, 'food_id', f.id::text,
                                      'grams', d.grams, 'position', 'a' || d.item_pos) order by d.item_pos) as items
  from demo_meal_items d
  join public.foods f on f.name = d.food
  group by d.plan, d.meal_pos, d.meal, d.meal_time
) i
group by i.plan;

insert into public.meal_plans (id, trainer_id, client_id, template_id, name, description, cadence, status, kcal_target, protein_g_target, carbs_g_target, fat_g_target, starts_on, meals, created_at, updated_at)
select v.id::uuid, '00000000-0000-4000-8000-000000000001', v.client_id::uuid, v.template_id::uuid, v.name, v.description, v.cadence, 'active',
       v.kcal, v.protein, v.carbs, v.fat, v.starts_on, m.meals, now() - interval '20 days', now() - interval '20 days'
from (values
  ('00000000-0000-4000-9c00-000000000001', null, null, 'Fat-loss template (2,000 kcal)', 'High protein, simple meals, easy to batch-cook.', 'one_time', 2000, 150, 200, 65, null::date, 'template'),
  ('00000000-0000-4000-9c00-000000000002', '00000000-0000-4000-8000-000000000002', null, 'Lean cut (2,300 kcal)',
   'Refreshed monthly with your Plan 2. Swap foods freely within the same meal.', 'monthly', 2300, 170, 230, 70, current_date - 20, 'alex'),
  ('00000000-0000-4000-9c00-000000000003', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-9c00-000000000001', 'Balanced (1,800 kcal)',
   'A gentle deficit while you learn the habits.', 'one_time', 1800, 120, 190, 60, current_date - 10, 'sam')
) v(id, client_id, template_id, name, description, cadence, kcal, protein, carbs, fat, starts_on, plan)
join demo_meals m on m.plan = v.plan;

-- Alex's food log for the last three days, mostly on plan.
insert into public.food_logs (client_id, food_id, meal_plan_id, eaten_at, meal_label, grams, kcal, protein_g, carbs_g, fat_g, created_at, updated_at)
select '00000000-0000-4000-8000-000000000002', f.id, '00000000-0000-4000-9c00-000000000002', t, lower(d.meal), d.grams,
       round(f.kcal_per_100g * d.grams / 100, 1), round(f.protein_g_per_100g * d.grams / 100, 1),
       round(f.carbs_g_per_100g * d.grams / 100, 1), round(f.fat_g_per_100g * d.grams / 100, 1), t, t
from demo_meal_items d
join public.foods f on f.name = d.food
cross join generate_series(1, 3) day
cross join lateral (select (current_date - day) + d.meal_time::time as t) s
where d.plan = 'alex' and not (day = 2 and d.meal = 'Snack');
insert into public.food_logs (client_id, custom_name, eaten_at, meal_label, grams, kcal, protein_g, carbs_g, fat_g, notes)
values ('00000000-0000-4000-8000-000000000002', 'Birthday cake', (current_date - 2) + time '16:30', 'snack', 120, 450, 5, 55, 23, 'Colleague''s birthday.');

-- Plans, pricing, availability, bookings and credits (module 8) --------------------------------------
insert into public.subscriptions (client_id, plan_id, status, current_period_start, current_period_end, provider, provider_ref)
select v.client_id::uuid, p.id, v.status, now() - v.started, now() + v.left_in_period, v.provider, v.provider_ref
from (values
  ('00000000-0000-4000-8000-000000000002', 'plan2', 'active', interval '10 days', interval '20 days', 'stripe', 'sub_demo_alex'),
  ('00000000-0000-4000-8000-000000000003', 'plan1', 'trialing', interval '3 days', interval '4 days', null, null)
) v(client_id, plan_code, status, started, left_in_period, provider, provider_ref)
join public.subscription_plans p on p.code = v.plan_code and not p.deleted;

insert into public.trainer_pricing (trainer_id, currency, offers_single, single_session_price_cents, offers_five_pack, five_pack_price_cents,
                                    offers_ten_pack, ten_pack_price_cents, cancellation_policy, free_trial_session, trial_sessions_per_week)
values ('00000000-0000-4000-8000-000000000001', 'GBP', true, 6000, true, 27500, true, 50000, 'up_to_24h', true, 2);

insert into public.trainer_availability (trainer_id, day_of_week, start_time, end_time, timezone, session_minutes, break_minutes)
select '00000000-0000-4000-8000-000000000001', v.day_of_week, v.start_time::time, v.end_time::time, 'Europe/London', v.session_minutes, 15
from (values
  (1, '07:00', '12:00', 60), (2, '07:00', '12:00', 60), (3, '07:00', '12:00', 60), (4, '07:00', '12:00', 60), (5, '07:00', '12:00', 60),
  (2, '17:00', '20:00', 60), (4, '17:00', '20:00', 60),
  (6, '09:00', '12:00', 45)
) v(day_of_week, start_time, end_time, session_minutes);

insert into public.availability_exceptions (trainer_id, exception_date, start_time, end_time, timezone, reason)
values
  ('00000000-0000-4000-8000-000000000001', (date_trunc('week', now()) + interval '11 days')::date, null, null, 'Europe/London', 'Conference'),
  ('00000000-0000-4000-8000-000000000001', (date_trunc('week', now()) + interval '7 days')::date, '09:00', '10:00', 'Europe/London', 'Dentist');

insert into public.payments (id, client_id, trainer_id, purpose, amount_cents, currency, provider, provider_ref, status, credits_purchased, description, paid_at, created_at, updated_at)
values
  ('00000000-0000-4000-9d00-000000000001', '00000000-0000-4000-8000-000000000002', null, 'subscription', 1999, 'USD', 'stripe', 'pi_demo_alex_plan2',
   'succeeded', null, 'Plan 2, monthly', now() - interval '10 days', now() - interval '10 days', now() - interval '10 days'),
  ('00000000-0000-4000-9d00-000000000002', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'credit_pack', 27500, 'GBP', 'stripe',
   'pi_demo_alex_5pack', 'succeeded', 5, '5 sessions with Casey', now() - interval '20 days', now() - interval '20 days', now() - interval '20 days');
update public.payments set subscription_id = (select id from public.subscriptions where provider_ref = 'sub_demo_alex')
where id = '00000000-0000-4000-9d00-000000000001';

-- Times in Casey's zone: next week's Tuesday 07:00 and Thursday 17:00, Saturday's class, and a past session.
create temporary table demo_times on commit drop as
select (date_trunc('week', now() at time zone 'Europe/London') + interval '8 days 07:00') at time zone 'Europe/London' as alex_next,
       (date_trunc('week', now() at time zone 'Europe/London') + interval '10 days 17:00') at time zone 'Europe/London' as sam_next,
       (date_trunc('week', now() at time zone 'Europe/London') + interval '12 days 09:00') at time zone 'Europe/London' as class_start,
       (date_trunc('week', now() at time zone 'Europe/London') - interval '6 days' + interval '07:00') at time zone 'Europe/London' as alex_past;

insert into public.group_sessions (id, trainer_id, title, description, location, starts_at, ends_at, capacity, credits_per_seat, status)
select '00000000-0000-4000-9e00-000000000001', '00000000-0000-4000-8000-000000000001', 'Saturday bootcamp',
       'Sleds, kettlebells and carries. All levels.', 'Hyde Park, Speakers'' Corner', class_start, class_start + interval '1 hour', 8, 1, 'scheduled'
from demo_times;

insert into public.bookings (trainer_id, client_id, kind, group_session_id, starts_at, ends_at, status, credits_spent, cancellation_policy, idempotency_key, notes)
select '00000000-0000-4000-8000-000000000001', v.client_id::uuid, v.kind, v.group_session_id::uuid, v.starts_at, v.starts_at + interval '1 hour',
       v.status, v.credits, 'up_to_24h', v.idem, v.notes
from demo_times t
cross join lateral (values
  ('00000000-0000-4000-8000-000000000002', 'one_to_one', null, t.alex_past, 'completed', 1, 'demo-booking-alex-past', 'Deadlift technique review.'),
  ('00000000-0000-4000-8000-000000000002', 'one_to_one', null, t.alex_next, 'confirmed', 1, 'demo-booking-alex-next', null),
  ('00000000-0000-4000-8000-000000000003', 'one_to_one', null, t.sam_next, 'requested', 0, 'demo-booking-sam-trial', 'Free trial session.'),
  (null, 'group', '00000000-0000-4000-9e00-000000000001', t.class_start, 'scheduled', 0, 'demo-booking-bootcamp', null)
) v(client_id, kind, group_session_id, starts_at, status, credits, idem, notes);

insert into public.group_session_attendees (group_session_id, client_id, status, credits_spent, idempotency_key)
values
  ('00000000-0000-4000-9e00-000000000001', '00000000-0000-4000-8000-000000000002', 'registered', 1, 'demo-seat-alex-bootcamp'),
  ('00000000-0000-4000-9e00-000000000001', '00000000-0000-4000-8000-000000000003', 'registered', 0, 'demo-seat-sam-bootcamp');

-- Credits: Alex bought a 5-pack and spent three (two sessions and a bootcamp seat); both
-- clients have this month's plan credit (the platform bucket, trainer_id null).
insert into public.credit_ledger (client_id, trainer_id, delta, reason, payment_id, booking_id, group_session_attendee_id, period_key, idempotency_key, note, created_at, updated_at)
select v.client_id::uuid, v.trainer_id::uuid, v.delta, v.reason, v.payment_id::uuid,
       (select b.id from public.bookings b where b.idempotency_key = v.booking_key),
       (select a.id from public.group_session_attendees a where a.idempotency_key = v.seat_key),
       v.period_key, v.idem, v.note, now() - v.age, now() - v.age
from (values
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 5, 'purchase', '00000000-0000-4000-9d00-000000000002', null, null, null,
   'demo-credit-alex-pack', '5-pack', interval '20 days'),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', -1, 'spend', null, 'demo-booking-alex-past', null, null,
   'demo-credit-alex-past', null, interval '14 days'),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', -1, 'spend', null, 'demo-booking-alex-next', null, null,
   'demo-credit-alex-next', null, interval '2 days'),
  ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', -1, 'spend', null, null, 'demo-seat-alex-bootcamp', null,
   'demo-credit-alex-bootcamp', null, interval '1 day'),
  ('00000000-0000-4000-8000-000000000002', null, 1, 'grant', null, null, null, to_char(now() at time zone 'UTC', 'YYYY-MM'),
   'demo-credit-alex-grant', 'Plan 2: 1 free meeting', interval '10 days'),
  ('00000000-0000-4000-8000-000000000003', null, 1, 'grant', null, null, null, to_char(now() at time zone 'UTC', 'YYYY-MM'),
   'demo-credit-sam-grant', 'Trial: 1 free meeting', interval '3 days')
) v(client_id, trainer_id, delta, reason, payment_id, booking_key, seat_key, period_key, idem, note, age);
