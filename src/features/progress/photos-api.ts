/**
 * Progress photos leave the device only when the project has a Storage bucket for them: set
 * VITE_SUPABASE_PHOTO_BUCKET at build time (README, "Progress photos"), and the bucket and its
 * policies come with supabase/migrations/20261201080100_progress_photo_storage.sql on a hosted
 * project. The local stack does not emulate Storage, so there photos stay on the device.
 * Object paths are `<client id>/<taken on>/<pose>-<photo id>.<ext>`: the policies key on the
 * first folder.
 */
import { getSupabase } from '@/lib/supabase';
import { progressStore, type PhotoRecord } from './progress-store';
import { serverInReach } from '@/sync/reachability';

export const photoBucket: string = import.meta.env.VITE_SUPABASE_PHOTO_BUCKET ?? '';

export function photoPath(photo: Pick<PhotoRecord, 'id' | 'clientId' | 'takenOn' | 'pose' | 'blob'>): string {
  const ext = photo.blob.type === 'image/png' ? 'png' : photo.blob.type === 'image/webp' ? 'webp' : 'jpg';
  return `${photo.clientId}/${photo.takenOn}/${photo.pose}-${photo.id}.${ext}`;
}

/** Uploads photos not yet uploaded; returns how many went up. Does nothing without a bucket. */
export async function uploadPendingPhotos(userId: string): Promise<number> {
  if (!photoBucket || !serverInReach()) return 0;
  const db = progressStore(userId);
  const pending = (await db.photos.toArray()).filter((p) => p.uploadedPath === null && p.clientId === userId);
  if (pending.length === 0) return 0;
  const supabase = await getSupabase();
  let uploaded = 0;
  for (const photo of pending) {
    const path = photoPath(photo);
    const { error } = await supabase.storage
      .from(photoBucket)
      .upload(path, photo.blob, { contentType: photo.blob.type || 'image/jpeg', upsert: true });
    if (error) break;
    await db.photos.update(photo.id, { uploadedPath: path });
    uploaded += 1;
  }
  return uploaded;
}
