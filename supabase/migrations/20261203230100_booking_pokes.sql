-- Pokes for the server-decided tables a device keeps a replica of (bookings, the credit ledger,
-- payments): the same statement-level triggers as the synced tables (20261203230000), so the
-- bookings replica refreshes on a poke instead of subscribing to postgres_changes.
do $$
declare
  v_table text;
begin
  foreach v_table in array array['bookings', 'credit_ledger', 'payments']
  loop
    execute pg_catalog.format('create trigger sync_poke_inserted after insert on public.%I referencing new table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
    execute pg_catalog.format('create trigger sync_poke_updated after update on public.%I referencing new table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
    execute pg_catalog.format('create trigger sync_poke_deleted after delete on public.%I referencing old table as changed_rows '
      'for each statement execute function sync.poke_readers()', v_table);
  end loop;
end;
$$;
