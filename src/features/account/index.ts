export { AccountScreen } from './AccountScreen';
export { SignInScreen } from './SignInScreen';
export { useSessionStore, watchSession } from './session-store';
export { loadCachedProfile, refreshProfile, useProfile, useWeightUnit, useProfileStore } from './useProfile';
export type { AppRole, Profile } from './profile';
