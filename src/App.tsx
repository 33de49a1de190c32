import { useEffect } from 'react';
import { AccountScreen, SignInScreen, useSessionStore, watchSession } from '@/features/account';

export function App() {
  const { status, session } = useSessionStore();
  useEffect(() => watchSession(), []);
  if (status === 'loading') {
    return (
      <main className="centered" aria-busy="true">
        <p>Loading…</p>
      </main>
    );
  }
  return session ? <AccountScreen session={session} /> : <SignInScreen />;
}
