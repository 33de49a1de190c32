/** The signed-in user's profile (role, name, weight unit): cached for offline, refreshed when online. */
import type { User } from '@supabase/supabase-js';
import { create } from 'zustand';
import { readProfileRow, saveWeightUnit } from './account-api';
import { parseCachedProfile, profileCacheKey, profileFromMetadata, profileModel, type CachedProfile, type Profile } from './profile';

type ProfileState = { userId: string | null; cached: CachedProfile | null };

export const useProfileStore = create<ProfileState>(() => ({ userId: null, cached: null }));

function save(userId: string, cached: CachedProfile): void {
  try {
    localStorage.setItem(profileCacheKey(userId), JSON.stringify(cached));
  } catch {
    // Storage full or unavailable: the profile still works for this visit.
  }
  if (useProfileStore.getState().userId === userId) useProfileStore.setState({ cached });
}

/** The profile to use at once (cache, else sign-up metadata); no network. */
export function loadCachedProfile(user: User): Profile {
  const cached = parseCachedProfile(localStorage.getItem(profileCacheKey(user.id))) ?? { profile: profileFromMetadata(user), fetchedAt: null, pendingWeightUnit: null };
  useProfileStore.setState({ userId: user.id, cached });
  return cached.profile;
}

/** Fetches the profile (and sends a unit chosen offline). Offline: keeps the cache. */
export async function refreshProfile(userId: string): Promise<void> {
  const current = useProfileStore.getState().cached;
  if (current?.pendingWeightUnit && (await saveWeightUnit(userId, current.pendingWeightUnit))) save(userId, { ...current, pendingWeightUnit: null });
  const row = await readProfileRow(userId);
  if (!row) return;
  const parsed = profileModel.safeParse(row);
  if (!parsed.success) return;
  const pending = useProfileStore.getState().cached?.pendingWeightUnit ?? null;
  save(userId, { profile: pending ? { ...parsed.data, weight_unit: pending } : parsed.data, fetchedAt: new Date().toISOString(), pendingWeightUnit: pending });
}

/** Changes the display unit at once; the server gets it now or at the next refresh. */
export async function setWeightUnit(userId: string, unit: Profile['weight_unit']): Promise<void> {
  const current = useProfileStore.getState().cached;
  if (!current) return;
  save(userId, { ...current, profile: { ...current.profile, weight_unit: unit }, pendingWeightUnit: unit });
  if (await saveWeightUnit(userId, unit)) {
    const latest = useProfileStore.getState().cached;
    if (latest) save(userId, { ...latest, pendingWeightUnit: null });
  }
}

export function forgetProfile(): void {
  useProfileStore.setState({ userId: null, cached: null });
}

export function useProfile(): Profile | null {
  return useProfileStore((s) => s.cached?.profile ?? null);
}

export function useWeightUnit(): Profile['weight_unit'] {
  return useProfileStore((s) => s.cached?.profile.weight_unit ?? 'kg');
}

export function useProfileSyncPending(): boolean {
  return useProfileStore((s) => !!s.cached?.pendingWeightUnit);
}
