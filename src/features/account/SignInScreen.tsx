import { useState, type FormEvent } from 'react';
import { signInWithPassword, signUp } from './account-api';
import { validateCredentials, validateSignUp, type FieldErrors } from './credentials';
import { rememberKeptChanges, useSessionStore } from './session-store';
import { networkConnected } from '@/sync/reachability';

type Mode = 'sign-in' | 'sign-up';

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field-error">
      {message}
    </p>
  ) : null;
}

export function SignInScreen() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kept = useSessionStore((s) => s.keptAtSignOut);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { email: form.get('email'), password: form.get('password'), fullName: form.get('fullName'), role: form.get('role') ?? 'client' };
    setFormError(null);
    if (!networkConnected()) return setFormError('You are offline. Signing in needs a connection once; after that the app works offline.');
    if (mode === 'sign-in') {
      const checked = validateCredentials(input);
      if (!checked.ok) return setFieldErrors(checked.errors);
      setFieldErrors({});
      setBusy(true);
      const error = await signInWithPassword(checked.value);
      setBusy(false);
      if (error) setFormError(error);
      else rememberKeptChanges(0);
    } else {
      const checked = validateSignUp(input);
      if (!checked.ok) return setFieldErrors(checked.errors);
      setFieldErrors({});
      setBusy(true);
      const { email, password, fullName, role } = checked.value;
      const error = await signUp({ email, password, fullName, role });
      setBusy(false);
      if (error) setFormError(error);
    }
  }

  const title = mode === 'sign-in' ? 'Sign in' : 'Create your account';
  const describe = (field: keyof FieldErrors) => (fieldErrors[field] ? `${field}-error` : undefined);
  return (
    <main className="centered auth-screen">
      <div className="auth-brand" aria-hidden="true">
        <img src="/icon.svg" alt="" width="56" height="56" />
        <span>FitCoach</span>
      </div>
      <form className="card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        {kept > 0 && mode === 'sign-in' && (
          <p className="notice" role="status">
            {kept === 1 ? '1 change that had not synced is' : `${kept} changes that had not synced are`} kept on this device. Sign in again here to send them.
          </p>
        )}
        {mode === 'sign-up' && (
          <>
            <label htmlFor="fullName">Your name</label>
            <input id="fullName" name="fullName" autoComplete="name" aria-invalid={!!fieldErrors.fullName} aria-describedby={describe('fullName')} />
            <FieldError id="fullName-error" message={fieldErrors.fullName} />
          </>
        )}
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" aria-invalid={!!fieldErrors.email} aria-describedby={describe('email')} />
        <FieldError id="email-error" message={fieldErrors.email} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'}
          aria-invalid={!!fieldErrors.password}
          aria-describedby={describe('password')}
        />
        <FieldError id="password-error" message={fieldErrors.password} />
        {mode === 'sign-up' && (
          <fieldset className="choice">
            <legend>I am</legend>
            <label>
              <input type="radio" name="role" value="client" defaultChecked /> training (a client)
            </label>
            <label>
              <input type="radio" name="role" value="trainer" /> a coach (a trainer)
            </label>
          </fieldset>
        )}
        {formError && (
          <p role="alert" className="form-error">
            {formError}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Please wait…' : title}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => {
            setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in');
            setFieldErrors({});
            setFormError(null);
          }}
        >
          {mode === 'sign-in' ? 'New here? Create an account' : 'Already have an account? Sign in'}
        </button>
      </form>
    </main>
  );
}
