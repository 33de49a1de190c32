-- Private Realtime channels per user (issue 16.8; the pokes of issue 17 build on them): a
-- signed-in user may receive what the server broadcasts on `user:<their id>`, and nobody
-- else's. Devices never broadcast on these topics (no insert policy): the server sends with
-- realtime.send. realtime.messages, realtime.topic() and realtime.send exist on every hosted
-- project; the local stack's bootstrap provides them (supabase/local/sql).
create policy realtime_messages_select_own_topic on realtime.messages
  for select to authenticated
  using (extension = 'broadcast' and (select realtime.topic()) = 'user:' || (select auth.uid())::text);
comment on policy realtime_messages_select_own_topic on realtime.messages is
  'A user joins the private channel user:<their id> and receives what the server broadcasts there.';
