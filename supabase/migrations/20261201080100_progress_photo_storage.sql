-- Progress photos in Supabase Storage (issue 8), where the project has Storage: a private
-- bucket `progress-photos` whose objects live under `<client id>/...`. The client uploads,
-- reads and deletes their own photos; their active trainers read them. Nothing here runs
-- where the `storage` schema does not exist (the Docker-free local stack does not emulate
-- Storage: there photos stay on the device, see README "Progress photos").
do $migration$
begin
  if not exists (select 1 from pg_catalog.pg_namespace where nspname = 'storage')
     or to_regclass('storage.objects') is null or to_regclass('storage.buckets') is null then
    raise notice 'no Supabase Storage here: progress photos stay on devices';
    return;
  end if;

  insert into storage.buckets (id, name, public) values ('progress-photos', 'progress-photos', false)
  on conflict (id) do nothing;

  execute $sql$
    create policy progress_photos_select on storage.objects for select to authenticated
      using (
        bucket_id = 'progress-photos'
        and (
          (storage.foldername(name))[1] = (select auth.uid())::text
          or (storage.foldername(name))[1] in (select c::text from unnest((select public.my_client_ids())) c)
        )
      )
  $sql$;
  execute $sql$
    comment on policy progress_photos_select on storage.objects is
      'Progress photos: the client and their active trainers read them (first folder = client id).'
  $sql$;
  execute $sql$
    create policy progress_photos_insert on storage.objects for insert to authenticated
      with check (bucket_id = 'progress-photos' and (storage.foldername(name))[1] = (select auth.uid())::text)
  $sql$;
  execute $sql$
    comment on policy progress_photos_insert on storage.objects is 'Progress photos: only the client uploads, into their own folder.'
  $sql$;
  execute $sql$
    create policy progress_photos_update on storage.objects for update to authenticated
      using (bucket_id = 'progress-photos' and (storage.foldername(name))[1] = (select auth.uid())::text)
      with check (bucket_id = 'progress-photos' and (storage.foldername(name))[1] = (select auth.uid())::text)
  $sql$;
  execute $sql$
    comment on policy progress_photos_update on storage.objects is 'Progress photos: only the client replaces their own (upload retries upsert).'
  $sql$;
  execute $sql$
    create policy progress_photos_delete on storage.objects for delete to authenticated
      using (bucket_id = 'progress-photos' and (storage.foldername(name))[1] = (select auth.uid())::text)
  $sql$;
  execute $sql$
    comment on policy progress_photos_delete on storage.objects is 'Progress photos: only the client deletes their own.'
  $sql$;
end;
$migration$;
