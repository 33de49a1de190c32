import { useEffect } from 'react';
import { SignInScreen, useSessionStore, watchSession } from '@/features/account';
import { SignedInApp } from '@/app/SignedInApp';

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
  return session ? <SignedInApp key={session.user.id} session={session} /> : <SignInScreen />;
}
