-- A row's server_rev counts its own writes: 1 when inserted, one more on each update
-- (issue 5: push speed on real devices).
--
-- It was a value of one sequence shared by every table, so a device could not know the
-- revision its new row would get. After a push, the pull brought every pushed row back with
-- that revision and the device wrote each one to IndexedDB a second time (the row and RxDB's
-- record of the server's state): in Chromium, most of the time a push of a gym session took.
-- Now a new row is 1 on the server as on the device that made it (src/db/writes.ts), so a
-- pushed row comes back equal and RxDB leaves it alone.
--
-- A push stays conditional on the revision the device last saw: the check is equality with
-- the row's current revision, and a row's revisions only grow, so a stale device still gets a
-- conflict. (A row purged with sync.allow_hard_delete and inserted again under the same id
-- would start again at 1; nothing does that: purges remove accounts.) server_rev is not a
-- pull checkpoint: pulls page by (txid, id).

create or replace function sync.stamp_row()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.server_rev := 1;
  else
    new.server_rev := old.server_rev + 1;
    -- created_at is the row's birth time on the device that made it; an edit never moves it.
    new.created_at := old.created_at;
  end if;
  new.txid := pg_current_xact_id();
  return new;
end;
$$;
comment on function sync.stamp_row() is
  'BEFORE INSERT OR UPDATE: server_rev 1 on insert and one more on each update; sets txid; keeps created_at immutable.';
comment on sequence sync.server_rev_seq is
  'Only the server_rev column defaults use it; sync.stamp_row() sets every written row''s server_rev (1, then +1 per update).';
