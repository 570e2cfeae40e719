import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { Field } from './Field';

/** "Forgot password?": "Email" and "Send reset link" (POST /auth/password/forgot); the server answers the same for any email. */
export function ForgotPassword({ onBack }: { onBack: () => void }) {
  const client = useClient();
  const [sentTo, setSentTo] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = new FormData(event.currentTarget).get('email');
    if (typeof email !== 'string') return;
    setBusy(true);
    setError(undefined);
    try {
      await client.account.forgotPassword(email.trim());
      setSentTo(email.trim());
    } catch (err) {
      setError(errorText(err));
    }
    setBusy(false);
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby="forgot-title">
      <h2 id="forgot-title">Reset your password</h2>
      {sentTo ? (
        <p className="notice" role="status">
          If an account uses {sentTo}, a link to set a new password is on its way. Check your email.
        </p>
      ) : (
        <>
          <Field label="Email" name="email" type="email" autoComplete="email" required />
          <p role="alert" className="error">
            {error}
          </p>
          <button type="submit" className="primary" disabled={busy}>
            Send reset link
          </button>
        </>
      )}
      <button type="button" className="link" onClick={onBack}>
        Back to sign in
      </button>
    </form>
  );
}

/** "Forgot password?" under the sign-in form. */
export function ForgotPasswordLink({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="link" onClick={onClick}>
      Forgot password?
    </button>
  );
}
