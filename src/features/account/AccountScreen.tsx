import type { Session } from '@supabase/supabase-js';
import { useState } from 'react';
import { markDeviceClosed, useDeviceStore, whenEngineStarted } from '@/lib/device-store';
import { signOutDevice } from './account-api';
import { Dialog } from '@/lib/ui/Dialog';
import type { PendingChanges } from '@/sync';
import { syncStatus } from '@/sync/status-store';
import { markSignedOut, rememberKeptChanges } from './session-store';
import { forgetProfile, setWeightUnit, useProfile, useProfileSyncPending } from './useProfile';

const ROLE_LABELS = { client: 'Client', trainer: 'Trainer', admin: 'Admin' } as const;

function describePending(pending: PendingChanges): string {
  const parts: string[] = [];
  if (pending.rows) parts.push(`${pending.rows} ${pending.rows === 1 ? 'change' : 'changes'} not yet synced`);
  if (pending.requests) parts.push(`${pending.requests} ${pending.requests === 1 ? 'request' : 'requests'} waiting to be sent`);
  if (pending.refused) parts.push(`${pending.refused} refused ${pending.refused === 1 ? 'change' : 'changes'} to fix or discard`);
  return parts.join(', ');
}

/** Who is signed in, their units, and signing out (with a warning when changes are waiting). */
export function AccountScreen({ session }: { session: Session }) {
  const [busy, setBusy] = useState(false);
  const [warning, setWarning] = useState<PendingChanges | null>(null);
  const profile = useProfile();
  const unitPending = useProfileSyncPending();
  const { user } = session;

  async function signOutNow() {
    setBusy(true);
    const engine = await whenEngineStarted();
    const { database } = useDeviceStore.getState();
    // Screens leave the database before it closes: one mounting meanwhile would read a closed one.
    markDeviceClosed();
    const kept = await signOutDevice(engine ?? undefined, database ?? undefined);
    rememberKeptChanges(kept.total);
    // supabase-js says SIGNED_OUT only when the server answered; offline the device is signed out all the same.
    markSignedOut();
    forgetProfile();
    setBusy(false);
  }

  async function requestSignOut() {
    setBusy(true);
    const { unsyncedBeforeSignOut } = await import('@/sync/session');
    const counted = await unsyncedBeforeSignOut((await whenEngineStarted()) ?? undefined);
    // Rows the server sent that this app could not read are not local changes: nothing is lost.
    const unreadable = syncStatus.getState().rowErrors.filter((r) => r.direction === 'pull').length;
    const refused = Math.max(0, counted.refused - unreadable);
    const pending = { ...counted, refused, total: counted.rows + counted.requests + refused };
    setBusy(false);
    if (pending.total > 0) setWarning(pending);
    else await signOutNow();
  }

  return (
    <section className="screen" aria-labelledby="account-title">
      <h1 id="account-title">Account</h1>
      <div className="card">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{profile?.full_name ?? '—'}</dd>
          <dt>Email</dt>
          <dd data-testid="signed-in-email">{user.email}</dd>
          <dt>Role</dt>
          <dd>{profile ? ROLE_LABELS[profile.role] : '—'}</dd>
        </dl>
      </div>
      <div className="card">
        <fieldset className="segmented" aria-describedby={unitPending ? 'unit-pending' : undefined}>
          <legend>Weights in</legend>
          {(['kg', 'lb'] as const).map((unit) => (
            <label key={unit} className={profile?.weight_unit === unit ? 'selected' : undefined}>
              <input type="radio" name="weight-unit" value={unit} checked={profile?.weight_unit === unit} onChange={() => void setWeightUnit(user.id, unit)} />
              {unit === 'kg' ? 'Kilograms (kg)' : 'Pounds (lb)'}
            </label>
          ))}
        </fieldset>
        {unitPending && (
          <p id="unit-pending" className="muted">
            Saved on this device; your profile is updated when you are back online.
          </p>
        )}
      </div>
      <button type="button" className="danger-outline" onClick={() => void requestSignOut()} disabled={busy}>
        {busy ? 'Signing out…' : 'Sign out'}
      </button>
      <Dialog open={warning !== null} title="Sign out with changes waiting?" onClose={() => setWarning(null)}>
        <p>
          This device has {warning ? describePending(warning) : ''}. If you sign out now they stay safely on this device and are sent the next time you sign in
          here — but nobody else sees them until then.
        </p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => setWarning(null)}>
            Stay signed in
          </button>
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              setWarning(null);
              void signOutNow();
            }}
          >
            Sign out anyway
          </button>
        </div>
      </Dialog>
    </section>
  );
}
