/**
 * The signed-in user's profile as the app needs it: role (navigation), name, weight unit.
 * Read-only reference data from `profiles` (not a synced collection): fetched when online,
 * cached in localStorage per user so the app knows the role and unit offline. Before the first
 * fetch the sign-up metadata stands in (role client or trainer; admin is set in the dashboard).
 */
import { z } from 'zod';

export const appRoleModel = z.enum(['client', 'trainer', 'admin']);
export type AppRole = z.infer<typeof appRoleModel>;
export const weightUnitModel = z.enum(['kg', 'lb']);

export const profileModel = z.object({
  id: z.string().min(1),
  role: appRoleModel,
  full_name: z.string().min(1).max(200),
  weight_unit: weightUnitModel.catch('kg'),
  length_unit: z.enum(['cm', 'in']).catch('cm'),
  timezone: z.string().catch('UTC'),
  /** End of the 7-day sign-up trial (clients); null when there is none. */
  trial_ends_at: z.string().nullable().catch(null).default(null),
});
export type Profile = z.infer<typeof profileModel>;

/** The cached profile, and a weight unit chosen offline that the server has not stored yet. */
export const cachedProfileModel = z.object({
  profile: profileModel,
  fetchedAt: z.string().nullable(),
  pendingWeightUnit: weightUnitModel.nullable().catch(null),
});
export type CachedProfile = z.infer<typeof cachedProfileModel>;

export function profileCacheKey(userId: string): string {
  return `fitcoach.profile.${userId}`;
}

export function parseCachedProfile(raw: string | null): CachedProfile | null {
  if (!raw) return null;
  try {
    const parsed = cachedProfileModel.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A stand-in until the profile has been fetched once. */
export function profileFromMetadata(user: { id: string; email?: string | undefined; user_metadata?: Record<string, unknown> }): Profile {
  const meta = user.user_metadata ?? {};
  const role = meta.role === 'trainer' ? 'trainer' : 'client';
  const name = typeof meta.full_name === 'string' && meta.full_name.trim() ? meta.full_name.trim() : (user.email?.split('@')[0] ?? 'You');
  return { id: user.id, role, full_name: name.slice(0, 200), weight_unit: 'kg', length_unit: 'cm', timezone: 'UTC', trial_ends_at: null };
}
