import type { User } from '@parley/client';
import { useEffect, useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { Field } from './Field';

/** A link Parley mails: `/#/verify-email?token=…` or `/#/reset-password?token=…` (docs/accounts.md). */
export interface AccountLink {
  screen: 'verify-email' | 'reset-password';
  token: string;
}

const LINK = /^#\/(verify-email|reset-password)\?(.*)$/;

/** The mailed link in the address, if the page was opened with one. */
export function readAccountLink(): AccountLink | undefined {
  const match = LINK.exec(window.location.hash);
  const token = match && new URLSearchParams(match[2]).get('token');
  return match && token ? { screen: match[1] as AccountLink['screen'], token } : undefined;
}

/** Takes the link out of the address (the token is spent, a reload must not replay it). */
export function clearAccountLink(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** The screen for a mailed link; `onDone` leaves it (after a reset, with what to tell the person on the sign-in). */
export function AccountLinkScreen(props: { link: AccountLink; onDone: (passwordReset: boolean, verified?: User) => void }) {
  const { link, onDone } = props;
  return (
    <main className="sign-in">
      <div className="card">
        <h1 className="brand">Parley</h1>
        {link.screen === 'verify-email' ? (
          <VerifyEmail token={link.token} onDone={(user) => onDone(false, user)} />
        ) : (
          <ResetPassword token={link.token} onDone={onDone} />
        )}
      </div>
    </main>
  );
}

/** Spends the token at once (POST /auth/email/verify) and says "Email verified". */
function VerifyEmail({ token, onDone }: { token: string; onDone: (verified?: User) => void }) {
  const client = useClient();
  const [state, setState] = useState<{ done: boolean; error?: string; user?: User }>({ done: false });
  useEffect(() => {
    let live = true;
    client.account.verifyEmail(token).then(
      (user) => live && setState({ done: true, user }),
      (err: unknown) => live && setState({ done: true, error: errorText(err) }),
    );
    return () => {
      live = false;
    };
  }, [client, token]);
  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{!state.done ? 'Verifying your email…' : state.error ? 'This link does not work' : 'Email verified'}</h2>
      <p role="alert" className="error">
        {state.error}
      </p>
      {state.done && (
        <button type="button" className="primary" onClick={() => onDone(state.user)}>
          Continue
        </button>
      )}
    </section>
  );
}

/** "New password" and "Set password" (POST /auth/password/reset): every session of the account ends. */
function ResetPassword({ token, onDone }: { token: string; onDone: (passwordReset: boolean) => void }) {
  const client = useClient();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get('password');
    if (typeof password !== 'string') return;
    setBusy(true);
    setError(undefined);
    try {
      await client.account.resetPassword(token, password);
      onDone(true);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="reset-title">
      <h2 id="reset-title">Set a new password</h2>
      <Field label="New password" name="password" type="password" autoComplete="new-password" required />
      <p role="alert" className="error">
        {error}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        Set password
      </button>
      <button type="button" className="link" onClick={() => onDone(false)}>
        Cancel
      </button>
    </form>
  );
}
