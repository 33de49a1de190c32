import type { Session } from '@supabase/supabase-js';
import { useState } from 'react';
import { supabase } from '@/lib/supabase';

/** Who is signed in; the placeholder home until the feature screens arrive. */
export function AccountScreen({ session }: { session: Session }) {
  const [busy, setBusy] = useState(false);
  const { user } = session;
  const name = typeof user.user_metadata.full_name === 'string' ? user.user_metadata.full_name : null;
  async function signOut() {
    setBusy(true);
    await supabase.auth.signOut({ scope: 'local' });
    setBusy(false);
  }
  return (
    <main className="centered">
      <section className="card" aria-labelledby="who-title">
        <h1 id="who-title">You are signed in</h1>
        <dl className="facts">
          {name && (
            <>
              <dt>Name</dt>
              <dd>{name}</dd>
            </>
          )}
          <dt>Email</dt>
          <dd data-testid="signed-in-email">{user.email}</dd>
          <dt>User id</dt>
          <dd className="mono">{user.id}</dd>
        </dl>
        <button type="button" onClick={signOut} disabled={busy}>
          {busy ? 'Signing out…' : 'Sign out'}
        </button>
      </section>
    </main>
  );
}
