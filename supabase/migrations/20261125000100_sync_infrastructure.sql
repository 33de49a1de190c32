-- Sync infrastructure: the change markers every table in `public` carries, and the triggers
-- that maintain them, so that any writer (a device through PostgREST, a Postgres function, an
-- admin in the Supabase dashboard) is seen by every device.
--
-- Every tracked table has:
--   id                uuid primary key (devices send UUIDv7)
--   created_at        timestamptz, kept immutable on update by sync.stamp_row()
--   updated_at        timestamptz, the device's edit time (set by the device, not by a trigger)
--   updated_by_device text, device id of the last edit (merge tie-break; null for server writes)
--   deleted           boolean soft-delete flag (devices never issue DELETE)
--   server_rev        bigint from sync.server_rev_seq, re-stamped on every insert and update
--   txid              xid8 of the writing transaction (pg_current_xact_id()); pull serves only
--                     rows with txid below pg_snapshot_xmin(pg_current_snapshot()), which makes
--                     the checkpoint gap-free with concurrent writers (ARCHITECTURE.md "Sync")
-- and an index on (txid, id), the pull checkpoint order.
--
-- A DELETE (for example from the dashboard) becomes `update ... set deleted = true`, which
-- re-stamps the row so devices pull the tombstone. A real delete (purge) needs
-- `set local sync.allow_hard_delete = 'on'` in the same transaction; deleting a user from
-- auth.users does that for the user's rows (see the accounts migration).

create extension if not exists btree_gist with schema extensions;

create schema if not exists sync;
comment on schema sync is 'Change markers for device sync: revision sequence and the triggers every public table carries.';
grant usage on schema sync to anon, authenticated, service_role;

create sequence sync.server_rev_seq as bigint;
comment on sequence sync.server_rev_seq is 'Server revision stamped on every insert/update of a tracked row; a push is conditional on the revision the device last saw.';
-- Column defaults and sync.stamp_row() call nextval() as the writing role.
grant usage on sequence sync.server_rev_seq to anon, authenticated, service_role;

-- Stamps the change markers on every insert and update, whoever writes.
create function sync.stamp_row()
returns trigger
language plpgsql
security invoker
set search_path = ''
as $$
begin
  new.server_rev := nextval('sync.server_rev_seq');
  new.txid := pg_current_xact_id();
  if tg_op = 'UPDATE' then
    -- created_at is the row's birth time on the device that made it; an edit never moves it.
    new.created_at := old.created_at;
  end if;
  return new;
end;
$$;
comment on function sync.stamp_row() is 'BEFORE INSERT OR UPDATE: sets server_rev and txid; keeps created_at immutable.';

-- Turns a DELETE into a soft delete so devices learn about it, unless this transaction purges.
-- Security definer: the DELETE policy of the table already decided that the caller may delete
-- this row; the follow-up update must not be refused by an UPDATE policy the caller may lack.
create function sync.soft_delete_row()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  if coalesce(current_setting('sync.allow_hard_delete', true), '') = 'on' then
    return old;
  end if;
  execute format('update %s set deleted = true, updated_at = now() where id = $1 and not deleted', tg_relid::regclass)
    using old.id;
  return null;
end;
$$;
comment on function sync.soft_delete_row() is
  'BEFORE DELETE: rewrites the delete as `deleted = true` (re-stamped), unless sync.allow_hard_delete = on (purge).';

-- When a parent is soft-deleted, its children are too (devices see the whole subtree go).
-- Arguments: child table (schema-qualified), foreign key column in the child.
create function sync.cascade_soft_delete()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  execute format('update %s set deleted = true, updated_at = now() where %I = $1 and not deleted',
                 tg_argv[0]::regclass, tg_argv[1])
    using new.id;
  return null;
end;
$$;
comment on function sync.cascade_soft_delete() is
  'AFTER UPDATE OF deleted on a parent: soft-deletes the rows of child table tg_argv[0] whose tg_argv[1] points at it.';

-- Child rows (program_days, program_exercises, set_logs, habit_logs, group_session_attendees)
-- carry copies of their parent's ownership columns (client_id, trainer_id) so RLS and pull
-- scoping never join. Each child table has a small BEFORE INSERT OR UPDATE trigger function
-- (<table>_inherit_ownership, in the migration that creates the table) that copies them from
-- the parent, ignoring what the device sent; the table's RLS WITH CHECK then judges the copy.

-- When a parent's ownership changes, touch its children so their inherit trigger re-copies it
-- (and re-stamps them, so devices pull the new ownership). Arguments: child table, fk column.
create function sync.propagate_ownership()
returns trigger
language plpgsql
security definer
set search_path = ''
as $$
begin
  execute format('update %s set %I = %I where %I = $1', tg_argv[0]::regclass, tg_argv[1], tg_argv[1], tg_argv[1])
    using new.id;
  return null;
end;
$$;
comment on function sync.propagate_ownership() is
  'AFTER UPDATE OF ownership columns on a parent: re-touches child table tg_argv[0] rows (fk tg_argv[1]).';

-- Attaches the stamp and soft-delete triggers and the pull index to a table.
create function sync.track_table(target regclass)
returns void
language plpgsql
security invoker
set search_path = ''
as $$
declare
  table_name text := (select c.relname from pg_catalog.pg_class c where c.oid = target);
begin
  execute format('create trigger sync_stamp_row before insert or update on %s for each row execute function sync.stamp_row()', target);
  execute format('create trigger sync_soft_delete_row before delete on %s for each row execute function sync.soft_delete_row()', target);
  execute format('create index %I on %s (txid, id)', table_name || '_txid_id_idx', target);
  execute format($c$comment on column %s.updated_at is 'Edit time on the device that made the last change (set by the device; a dashboard delete sets now()).'$c$, target);
  execute format($c$comment on column %s.updated_by_device is 'Device id of the last edit; deterministic tie-break when the same field changed on two devices. Null for server writes.'$c$, target);
  execute format($c$comment on column %s.deleted is 'Soft delete (tombstone) so devices learn of deletions. A DELETE becomes deleted = true; purge with set local sync.allow_hard_delete = on.'$c$, target);
  execute format($c$comment on column %s.server_rev is 'Server revision, re-stamped by trigger on every insert/update; pushes are conditional on it.'$c$, target);
  execute format($c$comment on column %s.txid is 'Writing transaction (pg_current_xact_id()), set by trigger; pull serves rows below pg_snapshot_xmin so no concurrent write is skipped.'$c$, target);
end;
$$;
comment on function sync.track_table(regclass) is
  'Migration helper: adds sync_stamp_row, sync_soft_delete_row, the (txid, id) pull index and the sync column comments to a table.';

revoke execute on function sync.track_table(regclass) from public;
revoke execute on function sync.stamp_row(), sync.soft_delete_row(), sync.cascade_soft_delete(),
  sync.propagate_ownership() from public;
