-- Every column a device writes is bounded (issue 16.5). 16 of 54 malformed pushes were
-- stored: NaN goal values (devices then refused the row and the goal vanished), instants of
-- ±infinity, year 1 or a century ahead, megabyte text and jsonb that every trainer's device
-- then pulled. The bounds match the device's zod models (src/db/collections/*,
-- src/db/schema/synced-row.ts); tests/integration/column-bounds.test.ts tries every writable
-- column of the catalogue and fails for one without a bound.
--
-- Constraints are added NOT VALID and then validated: a project that already stored such
-- values gets a warning naming the constraint (fix the rows, then VALIDATE CONSTRAINT), and
-- new writes are bounded either way.

-- Helpers for CHECKs (immutable: they read only their arguments) --------------------------------
create function sync.text_array_fits(p_values text[], p_max_items int, p_max_length int)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_values is null or (
    pg_catalog.cardinality(p_values) <= p_max_items
    and not exists (select 1 from pg_catalog.unnest(p_values) v where pg_catalog.length(v) > p_max_length)
  )
$$;
comment on function sync.text_array_fits(text[], int, int) is 'True when a text array has at most p_max_items elements of at most p_max_length characters. Used by CHECKs.';

-- A jsonb array of at most p_max_items elements and p_max_bytes of JSON text (what a device
-- pulls for it); anything but an array is left to the column's shape check.
create function sync.jsonb_array_fits(p_value jsonb, p_max_items int, p_max_bytes int)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'array' or (
    pg_catalog.jsonb_array_length(p_value) <= p_max_items and pg_catalog.octet_length(p_value::text) <= p_max_bytes
  )
$$;
comment on function sync.jsonb_array_fits(jsonb, int, int) is 'True unless a jsonb array has more than p_max_items elements or p_max_bytes of JSON text. Used by CHECKs.';

-- The same for a jsonb object and its keys.
create function sync.jsonb_object_fits(p_value jsonb, p_max_keys int, p_max_bytes int)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select p_value is null or pg_catalog.jsonb_typeof(p_value) <> 'object' or (
    (select count(*) from pg_catalog.jsonb_object_keys(p_value)) <= p_max_keys and pg_catalog.octet_length(p_value::text) <= p_max_bytes
  )
$$;
comment on function sync.jsonb_object_fits(jsonb, int, int) is 'True unless a jsonb object has more than p_max_keys keys or p_max_bytes of JSON text. Used by CHECKs.';

-- Adds a CHECK as NOT VALID, then validates it; rows stored before stay and are named in a warning.
create function sync.add_bound(p_table regclass, p_name text, p_check text)
returns void
language plpgsql
set search_path = ''
as $$
begin
  execute pg_catalog.format('alter table %s add constraint %I check (%s) not valid', p_table, p_name, p_check);
  begin
    execute pg_catalog.format('alter table %s validate constraint %I', p_table, p_name);
  exception when check_violation then
    raise warning '% holds rows outside %: fix them, then alter table % validate constraint %', p_table, p_name, p_table, p_name;
  end;
end;
$$;
comment on function sync.add_bound(regclass, text, text) is 'Migration helper: adds a CHECK (NOT VALID, then validated; a warning when stored rows break it).';
revoke execute on function sync.add_bound(regclass, text, text) from public;

-- Every instant and calendar day in public: 1970 to 2100 ---------------------------------------
-- The device's zod (INSTANT_WINDOW in src/db/schema/synced-row.ts) refuses the same. A date of
-- birth may be older: from 1900.
do $$
declare
  v_col record;
begin
  for v_col in
    select c.oid::regclass as rel, c.relname as tbl, a.attname as col, t.typname as typ
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_catalog.pg_type t on t.oid = a.atttypid
    where n.nspname = 'public' and c.relkind = 'r' and t.typname in ('timestamptz', 'date')
    order by c.relname, a.attnum
  loop
    perform sync.add_bound(v_col.rel, v_col.tbl || '_' || v_col.col || '_in_window', pg_catalog.format(
      '%1$I is null or (%1$I >= %2$L::%3$s and %1$I < %4$L::%3$s)',
      v_col.col,
      case when v_col.col = 'date_of_birth' then '1900-01-01' else '1970-01-01' end,
      v_col.typ,
      '2100-01-01'));
  end loop;
end;
$$;

-- updated_by_device: a device id (zod: at most 100 characters) ---------------------------------
do $$
declare
  v_tbl record;
begin
  for v_tbl in
    select c.oid::regclass as rel, c.relname as tbl
    from pg_catalog.pg_class c
    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
    join pg_catalog.pg_attribute a on a.attrelid = c.oid and a.attname = 'updated_by_device' and not a.attisdropped
    where n.nspname = 'public' and c.relkind = 'r'
    order by c.relname
  loop
    perform sync.add_bound(v_tbl.rel, v_tbl.tbl || '_updated_by_device_length', 'updated_by_device is null or length(updated_by_device) <= 100');
  end loop;
end;
$$;

-- Free text -----------------------------------------------------------------------------------
select sync.add_bound('public.check_in_forms', 'check_in_forms_description_length', 'description is null or length(description) <= 4000');
select sync.add_bound('public.habits', 'habits_description_length', 'description is null or length(description) <= 4000');
select sync.add_bound('public.client_profiles', 'client_profiles_health_history_length', 'health_history is null or length(health_history) <= 8000');
select sync.add_bound('public.client_profiles', 'client_profiles_limitations_length', 'limitations is null or length(limitations) <= 4000');
select sync.add_bound('public.trainer_profiles', 'trainer_profiles_location_length', 'location is null or length(location) <= 200');
-- Links: their pattern allows any length after the scheme.
select sync.add_bound('public.profiles', 'profiles_avatar_url_length', 'avatar_url is null or length(avatar_url) <= 2048');
select sync.add_bound('public.exercises', 'exercises_video_url_length', 'video_url is null or length(video_url) <= 2048');
select sync.add_bound('public.exercises', 'exercises_image_url_length', 'image_url is null or length(image_url) <= 2048');

-- Lists ---------------------------------------------------------------------------------------
select sync.add_bound('public.exercises', 'exercises_primary_muscles_fit', 'sync.text_array_fits(primary_muscles, 20, 60)');
select sync.add_bound('public.exercises', 'exercises_secondary_muscles_fit', 'sync.text_array_fits(secondary_muscles, 20, 60)');
select sync.add_bound('public.exercises', 'exercises_alternatives_count', 'alternatives is null or cardinality(alternatives) <= 20');
select sync.add_bound('public.trainer_profiles', 'trainer_profiles_specialisations_fit', 'sync.text_array_fits(specialisations, 20, 60)');

-- Numbers: finite and in range (NaN is above every number, so a range refuses it) ------------
select sync.add_bound('public.goals', 'goals_start_value_range', 'start_value is null or start_value between -1000000 and 1000000');
select sync.add_bound('public.goals', 'goals_current_value_range', 'current_value is null or current_value between -1000000 and 1000000');
select sync.add_bound('public.goals', 'goals_target_value_range', 'target_value is null or target_value between -1000000 and 1000000');

-- Documents: the shapes the device's zod models allow, and a size -------------------------------
-- Answers keyed by question id (at most 64 characters), at most 50 (a form's questions); each a
-- string of at most 4000 characters, a number, true/false or null.
create function public.check_in_answers_valid(answers jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select pg_catalog.jsonb_typeof(answers) = 'object'
    and (select count(*) from pg_catalog.jsonb_object_keys(answers)) <= 50
    and not exists (
      select 1 from pg_catalog.jsonb_each(answers) e
      where pg_catalog.length(e.key) > 64
        or (pg_catalog.jsonb_typeof(e.value) = 'string' and pg_catalog.length(e.value #>> '{}') > 4000)
        or pg_catalog.jsonb_typeof(e.value) in ('object', 'array')
    )
$$;
comment on function public.check_in_answers_valid(jsonb) is
  'True when answers is an object of at most 50 question ids (64 characters) to a string (4000), number, boolean or null. Used by a CHECK.';
select sync.add_bound('public.check_ins', 'check_ins_answers_valid', 'public.check_in_answers_valid(answers)');

-- Questions: at most 50, an id of at most 64 characters and a label of at most 500.
create or replace function public.check_in_questions_valid(questions jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(questions) = 'array'
    and jsonb_array_length(questions) <= 50
    and not exists (
      select 1 from jsonb_array_elements(questions) q
      where jsonb_typeof(q) <> 'object'
        or jsonb_typeof(q -> 'id') is distinct from 'string'
        or length(q ->> 'id') = 0 or length(q ->> 'id') > 64
        or jsonb_typeof(q -> 'label') is distinct from 'string'
        or length(trim(q ->> 'label')) = 0 or length(q ->> 'label') > 500
        or (q ->> 'type') is null
        or (q ->> 'type') not in ('scale', 'number', 'text', 'yes_no')
        or (q ? 'required' and jsonb_typeof(q -> 'required') <> 'boolean')
        or (q ? 'min' and jsonb_typeof(q -> 'min') <> 'number')
        or (q ? 'max' and jsonb_typeof(q -> 'max') <> 'number')
    )
    -- Nothing else of size: ids, labels and types above, and a few numbers.
    and sync.jsonb_array_fits(questions, 50, 50 * 1024)
$$;
comment on function public.check_in_questions_valid(jsonb) is
  'True when questions is an array of at most 50 {id (64), label (500), type: scale|number|text|yes_no, required?, min?, max?}. Used by CHECK constraints.';

-- Meals: at most 20 meals of at most 60 items; names, notes and ids as the device's mealModel.
create or replace function public.meal_plan_meals_valid(meals jsonb)
returns boolean
language sql
immutable
set search_path = ''
as $$
  select jsonb_typeof(meals) = 'array'
    and jsonb_array_length(meals) <= 20
    and not exists (
      select 1 from jsonb_array_elements(meals) m
      where jsonb_typeof(m) <> 'object'
        or jsonb_typeof(m -> 'id') is distinct from 'string' or length(m ->> 'id') = 0 or length(m ->> 'id') > 64
        or jsonb_typeof(m -> 'name') is distinct from 'string' or length(trim(m ->> 'name')) = 0 or length(m ->> 'name') > 120
        or coalesce(jsonb_typeof(m -> 'position'), 'null') not in ('string', 'number')
        or (jsonb_typeof(m -> 'position') = 'string' and length(m ->> 'position') > 64)
        or (m ? 'notes' and (jsonb_typeof(m -> 'notes') <> 'string' or length(m ->> 'notes') > 1000))
        or (m ? 'time' and (jsonb_typeof(m -> 'time') <> 'string' or (m ->> 'time') !~ '^\d{2}:\d{2}$'))
        or jsonb_typeof(m -> 'items') is distinct from 'array'
        or jsonb_array_length(case when jsonb_typeof(m -> 'items') = 'array' then m -> 'items' else '[]'::jsonb end) > 60
        or exists (
          select 1 from jsonb_array_elements(case when jsonb_typeof(m -> 'items') = 'array' then m -> 'items' else '[]'::jsonb end) i
          where jsonb_typeof(i) <> 'object'
            or jsonb_typeof(i -> 'id') is distinct from 'string' or length(i ->> 'id') = 0 or length(i ->> 'id') > 64
            or coalesce(jsonb_typeof(i -> 'food_id'), 'null') not in ('string', 'null')
            or (jsonb_typeof(i -> 'food_id') = 'string'
                and (i ->> 'food_id') !~ '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$')
            or (coalesce(jsonb_typeof(i -> 'food_id'), 'null') = 'null' and length(trim(coalesce(i ->> 'name', ''))) = 0)
            or (i ? 'name' and (jsonb_typeof(i -> 'name') <> 'string' or length(i ->> 'name') > 160))
            or (i ? 'notes' and (jsonb_typeof(i -> 'notes') <> 'string' or length(i ->> 'notes') > 1000))
            or case when jsonb_typeof(i -> 'grams') = 'number'
                    then (i ->> 'grams')::numeric <= 0 or (i ->> 'grams')::numeric > 5000
                    else true end
            or coalesce(jsonb_typeof(i -> 'position'), 'null') not in ('string', 'number')
            or (jsonb_typeof(i -> 'position') = 'string' and length(i ->> 'position') > 64)
        )
    )
$$;
comment on function public.meal_plan_meals_valid(jsonb) is
  'True when meals is an array of at most 20 {id, name (120), position, time?, notes? (1000), items: at most 60 [{id, food_id|name (160), grams (0–5000], position, notes? (1000)}]}. Used by a CHECK constraint.';

-- Skinfolds: at most 12 sites (names of at most 32 characters) in millimetres, above 0 to 100.
create function public.measurement_skinfolds_valid(skinfolds jsonb)
returns boolean
language sql
immutable
parallel safe
set search_path = ''
as $$
  select skinfolds is null or (
    pg_catalog.jsonb_typeof(skinfolds) = 'object'
    and (select count(*) from pg_catalog.jsonb_object_keys(skinfolds)) <= 12
    and not exists (
      select 1 from pg_catalog.jsonb_each(skinfolds) e
      where pg_catalog.length(e.key) > 32
        or pg_catalog.jsonb_typeof(e.value) <> 'number'
        or (e.value #>> '{}')::numeric <= 0 or (e.value #>> '{}')::numeric > 100
    )
  )
$$;
comment on function public.measurement_skinfolds_valid(jsonb) is
  'True when skinfolds is null or an object of at most 12 sites (32 characters) to millimetres above 0 up to 100. Used by a CHECK.';
select sync.add_bound('public.measurements', 'measurements_skinfolds_valid', 'public.measurement_skinfolds_valid(skinfolds)');

-- Profiles (edited in forms): a few contacts, certificates and links, each small.
select sync.add_bound('public.client_profiles', 'client_profiles_emergency_contacts_fit', 'sync.jsonb_array_fits(emergency_contacts, 10, 8192)');
select sync.add_bound('public.trainer_profiles', 'trainer_profiles_certificates_fit', 'sync.jsonb_array_fits(certificates, 50, 32768)');
select sync.add_bound('public.trainer_profiles', 'trainer_profiles_social_links_fit', 'sync.jsonb_object_fits(social_links, 20, 8192)');

-- sync_push takes JSON types literally --------------------------------------------------------
-- jsonb_populate_record read the string "yes" as true, "NaN" as a number and "yesterday" as an
-- instant. A device sends JSON booleans and numbers and ISO 8601 strings (its zod models), so
-- anything else in a pushed doc is that item's error (22P02, naming the column); the rest land.

-- What JSON each column of a table takes: boolean, number, instant or day (others: any).
create function sync.json_kinds(p_rel regclass)
returns jsonb
language sql
stable
set search_path = ''
as $$
  select coalesce(pg_catalog.jsonb_object_agg(a.attname, k.kind), '{}'::jsonb)
  from pg_catalog.pg_attribute a
  join pg_catalog.pg_type t on t.oid = a.atttypid
  cross join lateral (
    select case
      when t.typname = 'bool' then 'boolean'
      when t.typname in ('int2', 'int4', 'int8', 'numeric', 'float4', 'float8') then 'number'
      when t.typname = 'timestamptz' then 'instant'
      when t.typname = 'date' then 'day'
    end as kind
  ) k
  where a.attrelid = p_rel and a.attnum > 0 and not a.attisdropped and k.kind is not null
$$;
comment on function sync.json_kinds(regclass) is 'The JSON kind each boolean, number, instant and day column of a table takes in sync_push.';

-- The first field of a pushed doc whose JSON is not its column's kind; null when all are.
create function sync.mistyped_field(p_kinds jsonb, p_doc jsonb)
returns text
language sql
immutable
parallel safe
set search_path = ''
as $$
  select e.key
  from pg_catalog.jsonb_each(p_doc) e
  where pg_catalog.jsonb_typeof(e.value) <> 'null' and case p_kinds ->> e.key
      when 'boolean' then pg_catalog.jsonb_typeof(e.value) <> 'boolean'
      when 'number' then pg_catalog.jsonb_typeof(e.value) <> 'number'
      when 'instant' then pg_catalog.jsonb_typeof(e.value) <> 'string'
        or (e.value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)$'
      when 'day' then pg_catalog.jsonb_typeof(e.value) <> 'string' or (e.value #>> '{}') !~ '^\d{4}-\d{2}-\d{2}$'
      else false
    end
  order by e.key
  limit 1
$$;
comment on function sync.mistyped_field(jsonb, jsonb) is 'The first field of a pushed doc whose JSON is not what its column takes (sync.json_kinds), or null.';

create or replace function public.sync_push(p_table text, p_rows jsonb)
returns jsonb
language plpgsql
volatile
security invoker
set search_path = ''
as $$
declare
  v_rel regclass := sync.synced_table(p_table);
  v_insertable text[] := sync.writable_columns(v_rel);
  v_updatable text[];
  v_pkey text;
  v_lock_sql text;
  v_peek_sql text;
  v_update_sql text;
  v_insert_sql text;
  v_keys text[];
  v_last_keys text[];
  v_item jsonb;
  v_doc jsonb;
  v_id uuid;
  v_assumed bigint;
  v_current_rev bigint;
  v_current jsonb;
  v_unchanged boolean;
  v_count bigint;
  v_conflicts jsonb := '[]'::jsonb;
  v_errors jsonb := '[]'::jsonb;
  v_written int := 0;
  v_state text;
  v_message text;
  v_constraint text;
  v_column text;
  v_detail text;
  v_group jsonb;
  v_inserted jsonb;
  v_done jsonb := '{}'::jsonb;
  v_kinds jsonb := sync.json_kinds(v_rel);
begin
  if p_rows is null or pg_catalog.jsonb_typeof(p_rows) <> 'array' then
    raise exception using errcode = '22023', message = 'sync_push: p_rows must be a json array';
  end if;

  -- The dynamic SQL is built once per call; only an insert's column list depends on the row.
  v_updatable := array(select c from pg_catalog.unnest(v_insertable) c where c not in ('id', 'created_at'));
  select c.conname into v_pkey from pg_catalog.pg_constraint c where c.conrelid = v_rel and c.contype = 'p';
  v_lock_sql := pg_catalog.format(
    'select t.server_rev, pg_catalog.to_jsonb(t) - ''txid'', '
    '(select row(%s) is not distinct from row(%s) from pg_catalog.jsonb_populate_record(t, $2) r) '
    'from %s t where t.id = $1 for update',
    (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    (select pg_catalog.string_agg('t.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    v_rel);
  v_peek_sql := pg_catalog.format('select t.server_rev, pg_catalog.to_jsonb(t) - ''txid'' from %s t where t.id = $1', v_rel);
  v_update_sql := pg_catalog.format(
    'update %s t set (%s) = (select %s from pg_catalog.jsonb_populate_record(t, $2) r) where t.id = $1',
    v_rel,
    (select pg_catalog.string_agg(pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c),
    (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(c), ', ') from pg_catalog.unnest(v_updatable) c) ||
      case when pg_catalog.cardinality(v_updatable) = 1 then ', null' else '' end);
  if pg_catalog.cardinality(v_updatable) = 1 then
    -- `set (a) = (select a, ...)` needs two columns; a one-column table is not a synced table
    -- anyway (it lacks updated_at and deleted), so this branch only keeps the SQL well-formed.
    v_update_sql := pg_catalog.format(
      'update %s t set %I = (select r.%I from pg_catalog.jsonb_populate_record(t, $2) r) where t.id = $1',
      v_rel, v_updatable[1], v_updatable[1]);
  end if;

  -- Fast path: the new rows (no assumed_rev), one insert per set of columns. Rows that meet an
  -- existing row (a retry, a duplicate, another unique key) are skipped here and go through
  -- the row-by-row path below, as does the whole group when any of its rows is refused.
  for v_keys, v_group in
    select k.keys, pg_catalog.jsonb_agg(d.doc)
    from (
      select (e.value -> 'doc') - 'server_rev' - 'txid' as doc
      from pg_catalog.jsonb_array_elements(p_rows) e
      where e.value ->> 'assumed_rev' is null and pg_catalog.jsonb_typeof(e.value -> 'doc') = 'object'
        and (e.value -> 'doc') ? 'id' and sync.mistyped_field(v_kinds, e.value -> 'doc') is null
    ) d,
    lateral (
      select array(select k from pg_catalog.jsonb_object_keys(d.doc) k where k = any (v_insertable) order by k) as keys
    ) k
    group by k.keys
  loop
    begin
      execute pg_catalog.format(
        'with inserted as (insert into %s as t (%s) select %s from pg_catalog.jsonb_populate_recordset(null::%s, $1) r '
        'on conflict do nothing returning t.id) '
        'select coalesce(pg_catalog.jsonb_object_agg(i.id::text, true), ''{}''::jsonb) from inserted i',
        v_rel,
        (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
        (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
        v_rel)
      into v_inserted
      using v_group;
      v_done := v_done || v_inserted;
    exception when others then
      null; -- the row-by-row path reports each refused row with its own reason
    end;
  end loop;
  v_written := (select count(*) from pg_catalog.jsonb_object_keys(v_done));
  v_keys := null;

  for v_item in select e.value from pg_catalog.jsonb_array_elements(p_rows) e loop
    if pg_catalog.jsonb_typeof(v_item) = 'object' and pg_catalog.jsonb_typeof(v_item -> 'doc') = 'object'
       and v_done ? (v_item -> 'doc' ->> 'id') then
      continue;
    end if;
    -- Everything about an item, even reading it, is inside its own error handling: an item
    -- that is not an object, or whose doc is not one, is that item's error, never the batch's.
    v_doc := null;
    v_id := null;
    begin
      if pg_catalog.jsonb_typeof(v_item) <> 'object' or pg_catalog.jsonb_typeof(v_item -> 'doc') is distinct from 'object' then
        raise exception using errcode = '22023', message = 'sync_push: each item needs a doc that is a json object', column = 'doc';
      end if;
      v_doc := (v_item -> 'doc') - 'server_rev' - 'txid';
      if v_doc ->> 'id' is null then
        raise exception using errcode = '22023', message = 'sync_push: each row needs doc.id', column = 'id';
      end if;
      v_column := sync.mistyped_field(v_kinds, v_doc);
      if v_column is not null then
        raise exception using errcode = '22P02', column = v_column,
          message = pg_catalog.format('sync_push: %s must be %s', v_column, case v_kinds ->> v_column
            when 'boolean' then 'true or false'
            when 'number' then 'a JSON number'
            when 'instant' then 'an ISO 8601 instant with its offset'
            else 'a YYYY-MM-DD day' end);
      end if;
      v_id := (v_doc ->> 'id')::uuid;
      v_assumed := (v_item ->> 'assumed_rev')::bigint;

      v_current_rev := null;
      execute v_lock_sql into v_current_rev, v_current, v_unchanged using v_id, v_doc;

      if v_current_rev is not null then
        if v_unchanged then
          -- Already stored as sent (a retry after a lost response, or an equal duplicate).
          v_written := v_written + 1;
        elsif v_assumed is distinct from v_current_rev then
          -- Changed since the device last saw it (or created elsewhere with the same id).
          v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(v_current);
        else
          execute v_update_sql using v_id, v_doc;
          get diagnostics v_count = row_count;
          if v_count = 0 then
            raise exception using errcode = '42501',
              message = 'row-level security refused the update of this row';
          end if;
          v_written := v_written + 1;
        end if;
      else
        -- Not lockable: either new, or visible but not ours to change (RLS for update).
        execute v_peek_sql into v_current_rev, v_current using v_id;
        if v_current_rev is not null then
          raise exception using errcode = '42501',
            message = 'row-level security: this row may be read but not changed by you';
        end if;
        v_keys := array(
          select k from pg_catalog.jsonb_object_keys(v_doc) k
          where k = any (v_insertable) order by k
        );
        if v_keys is distinct from v_last_keys then
          v_insert_sql := pg_catalog.format(
            'insert into %s (%s) select %s from pg_catalog.jsonb_populate_record(null::%s, $1) r',
            v_rel,
            (select pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
            (select pg_catalog.string_agg('r.' || pg_catalog.quote_ident(k), ', ') from pg_catalog.unnest(v_keys) k),
            v_rel);
          v_last_keys := v_keys;
        end if;
        begin
          execute v_insert_sql using v_doc;
          v_written := v_written + 1;
        exception when unique_violation then
          get stacked diagnostics v_constraint = constraint_name;
          if v_constraint is distinct from v_pkey then
            raise;
          end if;
          -- Another writer inserted the same id meanwhile: that is a conflict, not an error.
          execute v_peek_sql into v_current_rev, v_current using v_id;
          if v_current is null then
            -- The id is someone else's row, which the caller may not see: answer as RLS does,
            -- without naming the key (issue 16.7: no oracle for other users' rows).
            raise exception using errcode = '42501',
              message = 'row-level security: this row may not be written by you';
          end if;
          v_conflicts := v_conflicts || pg_catalog.jsonb_build_array(v_current);
        end;
      end if;
    exception when others then
      get stacked diagnostics
        v_state = returned_sqlstate,
        v_message = message_text,
        v_constraint = constraint_name,
        v_column = column_name,
        v_detail = pg_exception_detail;
      v_errors := v_errors || pg_catalog.jsonb_build_array(pg_catalog.jsonb_build_object(
        'id', coalesce(v_id::text, v_doc ->> 'id', case when pg_catalog.jsonb_typeof(v_item -> 'doc') = 'object' then v_item -> 'doc' ->> 'id' end),
        'code', v_state,
        'message', v_message,
        'constraint', nullif(v_constraint, ''),
        'column', nullif(v_column, ''),
        'detail', nullif(v_detail, '')
      ));
    end;
  end loop;

  return pg_catalog.jsonb_build_object('conflicts', v_conflicts, 'errors', v_errors, 'written', v_written);
end;
$$;
comment on function public.sync_push(text, jsonb) is
  'Batched conditional push: per row a write, a conflict (server row) or an error; RLS applies (security invoker).';
