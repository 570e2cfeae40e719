import type { User } from '@parley/client';
import { useEffect, useState, type FormEvent } from 'react';
import { deviceId } from '../client';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { Field } from './Field';
import { ForgotPassword, ForgotPasswordLink } from './ForgotPassword';
import { startGoogleSignIn, takeGoogleIdToken } from './google';
import { PhoneSignIn } from './PhoneSignIn';
import { useSignInMethods, type SignInMethods } from './useSignInMethods';

type Mode = 'signIn' | 'register' | 'phone' | 'forgot';
const DEVICE_NAME = 'Parley web';

/**
 * Sign in ("Email or username", "Password"), or create an account (adds "Name" and "Email"); "Sign in
 * with phone" and "Sign in with Google" when the server offers them (GET /auth/methods).
 */
export function SignIn({ notice, onSignedIn }: { notice: string | undefined; onSignedIn: (user: User) => void }) {
  const client = useClient();
  const [mode, setMode] = useState<Mode>('signIn');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const methods = useSignInMethods();

  useGoogleReturn(onSignedIn, setBusy, setError);

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
        {mode === 'phone' && methods.phone && (
          <PhoneSignIn delivery={methods.phone.delivery} deviceName={DEVICE_NAME} onSignedIn={onSignedIn} />
        )}
        {mode === 'forgot' && <ForgotPassword onBack={() => switchTo('signIn')} />}
        {(mode === 'signIn' || mode === 'register') && (
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
            {mode === 'signIn' && <ForgotPasswordLink onClick={() => switchTo('forgot')} />}
          </form>
        )}
        <OtherWays methods={methods} showPhone={mode !== 'phone'} busy={busy} onPhone={() => switchTo('phone')} />
        <p className="switch">
          {mode === 'signIn' ? 'New to Parley? ' : mode === 'phone' ? 'Or ' : 'Already have an account? '}
          <button type="button" className="link" onClick={() => switchTo(mode === 'signIn' ? 'register' : 'signIn')}>
            {mode === 'signIn' ? 'Create account' : mode === 'phone' ? 'Sign in with a password' : 'Sign in instead'}
          </button>
        </p>
      </div>
    </main>
  );
}

/** Back from Google with an ID token in the fragment (see google.ts): it signs in. */
function useGoogleReturn(onSignedIn: (user: User) => void, setBusy: (busy: boolean) => void, setError: (error: string) => void) {
  const client = useClient();
  useEffect(() => {
    const idToken = takeGoogleIdToken();
    if (!idToken) return;
    setBusy(true);
    client
      .signInWithGoogle({ idToken, deviceId: deviceId(), deviceName: DEVICE_NAME })
      .then(onSignedIn)
      .catch((err: unknown) => {
        setError(errorText(err));
        setBusy(false);
      });
  }, [client, onSignedIn, setBusy, setError]);
}

/** "Sign in with phone" and "Sign in with Google", each only when the server offers it. */
function OtherWays({
  methods,
  showPhone,
  busy,
  onPhone,
}: {
  methods: SignInMethods;
  showPhone: boolean;
  busy: boolean;
  onPhone: () => void;
}) {
  const google = methods.google;
  if (!(methods.phone && showPhone) && !google) return null;
  return (
    <div className="other-ways">
      {methods.phone && showPhone && (
        <button type="button" className="secondary" onClick={onPhone}>
          Sign in with phone
        </button>
      )}
      {google && (
        <button type="button" className="secondary" disabled={busy} onClick={() => startGoogleSignIn(google.clientId)}>
          Sign in with Google
        </button>
      )}
    </div>
  );
}
