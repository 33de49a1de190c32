export { AccountScreen } from './AccountScreen';
export { SignInScreen } from './SignInScreen';
export { useSessionStore, watchSession } from './session-store';
