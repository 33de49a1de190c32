import { useState, type FormEvent } from 'react';
import { supabase } from '@/lib/supabase';
import { validateCredentials, type FieldErrors } from './credentials';

type Mode = 'sign-in' | 'sign-up';

export function SignInScreen() {
  const [mode, setMode] = useState<Mode>('sign-in');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = validateCredentials({ email: form.get('email'), password: form.get('password') });
    setFormError(null);
    if (!checked.ok) return setFieldErrors(checked.errors);
    setFieldErrors({});
    setBusy(true);
    const { error } =
      mode === 'sign-in'
        ? await supabase.auth.signInWithPassword(checked.value)
        : await supabase.auth.signUp(checked.value);
    setBusy(false);
    if (error) setFormError(error.message);
  }

  const title = mode === 'sign-in' ? 'Sign in' : 'Create your account';
  return (
    <main className="centered">
      <form className="card" onSubmit={submit} noValidate aria-labelledby="auth-title">
        <h1 id="auth-title">{title}</h1>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" inputMode="email" aria-invalid={!!fieldErrors.email} aria-describedby="email-error" />
        {fieldErrors.email && <p id="email-error" className="field-error">{fieldErrors.email}</p>}
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete={mode === 'sign-in' ? 'current-password' : 'new-password'} aria-invalid={!!fieldErrors.password} aria-describedby="password-error" />
        {fieldErrors.password && <p id="password-error" className="field-error">{fieldErrors.password}</p>}
        {formError && <p role="alert" className="form-error">{formError}</p>}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Please wait…' : title}
        </button>
        <button type="button" className="link" onClick={() => setMode(mode === 'sign-in' ? 'sign-up' : 'sign-in')}>
          {mode === 'sign-in' ? 'New here? Create an account' : 'Already have an account? Sign in'}
        </button>
      </form>
    </main>
  );
}
