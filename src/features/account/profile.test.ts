import { describe, expect, it } from 'vitest';
import { cachedProfileModel, parseCachedProfile, profileFromMetadata, profileModel } from './profile';

describe('profile model', () => {
  it('defaults parse: a server row with unknown units falls back to kg/cm/UTC', () => {
    expect(profileModel.parse({ id: 'u', role: 'client', full_name: 'Ann', weight_unit: 'stone', length_unit: null, timezone: null })).toEqual({
      id: 'u', role: 'client', full_name: 'Ann', weight_unit: 'kg', length_unit: 'cm', timezone: 'UTC', trial_ends_at: null,
    });
  });

  it('round-trips the cache', () => {
    const cached = { profile: profileFromMetadata({ id: 'u', email: 'ann@x.test' }), fetchedAt: null, pendingWeightUnit: 'lb' as const };
    expect(parseCachedProfile(JSON.stringify(cachedProfileModel.parse(cached)))).toEqual(cached);
  });

  it.each([null, '', '{', '{"profile":{}}'])('ignores a bad cache %j', (raw) => {
    expect(parseCachedProfile(raw)).toBeNull();
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ role: 'trainer', full_name: 'Casey Coach' }, 'trainer', 'Casey Coach'],
    [{ role: 'admin' }, 'client', 'ann'],
    [{}, 'client', 'ann'],
  ])('stands in from sign-up metadata %j', (meta, role, name) => {
    expect(profileFromMetadata({ id: 'u', email: 'ann@x.test', user_metadata: meta })).toMatchObject({ role, full_name: name, weight_unit: 'kg' });
  });
});
