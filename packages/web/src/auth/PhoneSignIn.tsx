import type { User } from '@parley/client';
import { unwrap } from '@parley/client';
import { useState, type FormEvent, type ReactNode } from 'react';
import { deviceId } from '../client';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { Field } from './Field';

/**
 * Phone sign-in: "Phone number" and "Send code" (POST /auth/request-otp), then "Code" (and "Name",
 * used only when this sign-in creates the account) and "Verify code" (POST /auth/verify-otp).
 * With no SMS sender, outside production, the server writes the code to its log: the screen says so.
 */
export function PhoneSignIn({
  delivery,
  deviceName,
  onSignedIn,
}: {
  delivery: 'sms' | 'log';
  deviceName: string;
  onSignedIn: (user: User) => void;
}) {
  const client = useClient();
  const [phone, setPhone] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    }
    setBusy(false);
  }

  const value = (form: FormData, name: string) => {
    const v = form.get(name);
    return typeof v === 'string' ? v.trim() : '';
  };

  function request(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const phoneNumber = value(new FormData(event.currentTarget), 'phone');
    void run(async () => {
      unwrap(await client.rest.POST('/auth/request-otp', { body: { phoneNumber } }));
      setPhone(phoneNumber);
    });
  }

  function verify(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!phone) return;
    const form = new FormData(event.currentTarget);
    const name = value(form, 'name');
    void run(async () => {
      const user = await client.signInWithOtp({
        phoneNumber: phone,
        otp: value(form, 'otp'),
        deviceId: deviceId(),
        deviceName,
        ...(name ? { name } : {}),
      });
      onSignedIn(user);
    });
  }

  const alert = (
    <p role="alert" className="error">
      {error}
    </p>
  );

  if (!phone) return <PhoneNumberForm busy={busy} alert={alert} onSubmit={request} />;

  return (
    <form onSubmit={verify} aria-labelledby="phone-title">
      <h2 id="phone-title">Enter the code</h2>
      <p className="notice" role="status">
        {delivery === 'log' ? `Development server: the code for ${phone} is in the server's log.` : `We sent a 6-digit code to ${phone}.`}
      </p>
      <Field label="Code" name="otp" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" maxLength={6} required />
      <Field label="Name" name="name" autoComplete="name" maxLength={100} placeholder="For a new account" />
      {alert}
      <button type="submit" className="primary" disabled={busy}>
        Verify code
      </button>
      <button type="button" className="link" onClick={() => setPhone(undefined)}>
        Use another number
      </button>
    </form>
  );
}

/** The first step: "Phone number" and "Send code". */
function PhoneNumberForm({
  busy,
  alert,
  onSubmit,
}: {
  busy: boolean;
  alert: ReactNode;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
}) {
  return (
    <form onSubmit={onSubmit} aria-labelledby="phone-title">
      <h2 id="phone-title">Sign in with your phone</h2>
      <Field label="Phone number" name="phone" type="tel" autoComplete="tel" placeholder="+14155550123" required />
      {alert}
      <button type="submit" className="primary" disabled={busy}>
        Send code
      </button>
    </form>
  );
}
