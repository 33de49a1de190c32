-- Issue 16.6: a device with its clock in the future cannot win every conflict. The merge
-- picks the later `updated_at` (the device's edit time), and the server stored whatever the
-- device sent, 2125 included, so that row then beat every later edit from every device. Now
-- an edit time more than 5 minutes ahead of the server's clock is stored as the server's now
-- (the device then pulls that time back). A few minutes of skew stay: phones drift, and an
-- edit time a little ahead is still the edit's order. The device's merge caps edit times the
-- same way (src/sync/merge.ts), so a row it holds with a future time does not win either.
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
  if new.updated_at > pg_catalog.now() + interval '5 minutes' then
    new.updated_at := pg_catalog.now();
  end if;
  if tg_op = 'INSERT' and new.created_at > pg_catalog.now() + interval '5 minutes' then
    new.created_at := pg_catalog.now();
  end if;
  new.txid := pg_current_xact_id();
  return new;
end;
$$;
comment on function sync.stamp_row() is
  'BEFORE INSERT OR UPDATE: server_rev 1 on insert and one more on each update; sets txid; keeps created_at immutable; an updated_at (or new created_at) more than 5 minutes ahead of now is stored as now.';
