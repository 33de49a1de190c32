-- Local stack only (a hosted project has these already): the `realtime` objects of Broadcast
-- from the database and private channels, with hosted's SQL signatures.
--   realtime.messages        what is broadcast; RLS on it decides who may join a private
--                            channel (select: receive) and send on it (insert)
--   realtime.topic()         the topic being authorised, for those policies
--   realtime.send(...)       broadcasts a message from SQL (a trigger, a function)
--   realtime.broadcast_changes(...)  a row change as a broadcast
-- Each stored message is passed to the local Realtime server with NOTIFY realtime_messages.
-- Idempotent: runs at every start, so data folders made before it get it too.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'supabase_realtime_admin') then
    create role supabase_realtime_admin nologin noinherit;
  end if;
end;
$$;
-- As on hosted, the project's migrations (as postgres) write policies on realtime.messages.
grant supabase_realtime_admin to postgres;
grant usage on schema realtime to postgres, anon, authenticated, service_role;

create table if not exists realtime.messages (
  id uuid not null default extensions.gen_random_uuid() primary key,
  topic text not null,
  extension text not null,
  payload jsonb,
  event text,
  private boolean default false,
  updated_at timestamp without time zone not null default now(),
  inserted_at timestamp without time zone not null default now()
);
alter table realtime.messages owner to supabase_realtime_admin;
alter table realtime.messages enable row level security;
comment on table realtime.messages is 'Broadcast messages; RLS policies on it authorise private channels (select: receive, insert: send).';
grant select, insert, update on realtime.messages to anon, authenticated;
grant all on realtime.messages to service_role, postgres;

create or replace function realtime.topic()
returns text
language sql
stable
as $$
  select nullif(pg_catalog.current_setting('realtime.topic', true), '')::text
$$;
comment on function realtime.topic() is 'The channel topic being authorised (for policies on realtime.messages).';
grant execute on function realtime.topic() to anon, authenticated, service_role, postgres;

create or replace function realtime.send(payload jsonb, event text, topic text, private boolean default true)
returns void
language plpgsql
as $$
begin
  insert into realtime.messages (payload, event, topic, private, extension)
  values (payload, event, topic, private, 'broadcast');
exception when others then
  -- As hosted: a broadcast never fails the transaction that sends it.
  raise warning 'ErrorSendingBroadcastMessage: %', sqlerrm;
end;
$$;
comment on function realtime.send(jsonb, text, text, boolean) is 'Broadcasts payload as event on topic (a private channel unless private is false).';
grant execute on function realtime.send(jsonb, text, text, boolean) to postgres, service_role;

create or replace function realtime.broadcast_changes(
  topic_name text, event_name text, operation text, table_name text, table_schema text, new record, old record,
  level text default 'ROW'
)
returns void
language plpgsql
as $$
declare
  row_data jsonb := pg_catalog.jsonb_build_object(
    'record', case when new is null then null else pg_catalog.to_jsonb(new) end,
    'old_record', case when old is null then null else pg_catalog.to_jsonb(old) end,
    'operation', operation, 'table', table_name, 'schema', table_schema);
begin
  if level = 'STATEMENT' then
    raise exception 'function can only be triggered for each row, not for each statement';
  end if;
  perform realtime.send(row_data, event_name, topic_name);
end;
$$;
comment on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) is
  'Broadcasts a row change ({record, old_record, operation, table, schema}) on a private topic.';
grant execute on function realtime.broadcast_changes(text, text, text, text, text, record, record, text) to postgres, service_role;

-- Passes each stored message on to the local Realtime server (8,000 bytes is NOTIFY's limit).
create or replace function realtime.notify_message()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
declare
  v_payload text := pg_catalog.json_build_object(
    'id', new.id, 'topic', new.topic, 'event', new.event, 'payload', new.payload, 'private', coalesce(new.private, false),
    'extension', new.extension)::text;
begin
  if pg_catalog.octet_length(v_payload) > realtime.notify_limit() then
    raise warning 'realtime: the message on % is too large for the local Realtime server (% bytes)', new.topic, pg_catalog.octet_length(v_payload);
    return null;
  end if;
  perform pg_catalog.pg_notify('realtime_messages', v_payload);
  return null;
end;
$$;
drop trigger if exists realtime_notify_message on realtime.messages;
create trigger realtime_notify_message after insert on realtime.messages
  for each row when (new.extension = 'broadcast') execute function realtime.notify_message();
