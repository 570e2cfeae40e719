import type { User } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { deviceId } from '../client';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { Field } from './Field';

type Mode = 'signIn' | 'register';
const DEVICE_NAME = 'Parley web';

/** Sign in ("Email or username", "Password"), or create an account (adds "Name" and "Email"). */
export function SignIn({ notice, onSignedIn }: { notice: string | undefined; onSignedIn: (user: User) => void }) {
  const client = useClient();
  const [mode, setMode] = useState<Mode>('signIn');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const device = { deviceId: deviceId(), deviceName: DEVICE_NAME };
    setBusy(true);
    setError(undefined);
    try {
      const user =
        mode === 'signIn'
          ? await client.signIn({ login: field('login').trim(), password: field('password'), ...device })
          : await client.register({ name: field('name').trim(), email: field('email').trim(), password: field('password'), ...device });
      onSignedIn(user);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  const switchTo = (next: Mode) => {
    setMode(next);
    setError(undefined);
  };

  return (
    <main className="sign-in">
      <div className="card">
        <h1 className="brand">Parley</h1>
        <form onSubmit={(e) => void submit(e)} aria-labelledby="sign-in-title">
          <h2 id="sign-in-title">{mode === 'signIn' ? 'Welcome back' : 'Create your account'}</h2>
          {notice && <p className="notice">{notice}</p>}
          {mode === 'register' && <Field label="Name" name="name" autoComplete="name" required maxLength={100} />}
          {mode === 'register' ? (
            <Field label="Email" name="email" type="email" autoComplete="email" required />
          ) : (
            <Field label="Email or username" name="login" autoComplete="username" autoCapitalize="none" required />
          )}
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete={mode === 'signIn' ? 'current-password' : 'new-password'}
            required
          />
          <p role="alert" className="error">
            {error}
          </p>
          <button type="submit" className="primary" disabled={busy}>
            {mode === 'signIn' ? 'Sign in' : 'Create account'}
          </button>
        </form>
        <p className="switch">
          {mode === 'signIn' ? 'New to Parley? ' : 'Already have an account? '}
          <button type="button" className="link" onClick={() => switchTo(mode === 'signIn' ? 'register' : 'signIn')}>
            {mode === 'signIn' ? 'Create account' : 'Sign in instead'}
          </button>
        </p>
      </div>
    </main>
  );
}
