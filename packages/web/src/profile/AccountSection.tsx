import { unwrap, type User } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { Dialog } from '../common/Dialog';
import { useClient } from '../hooks/useClient';

/** What a form in this section reports: a failure, or what went well. */
interface Outcome {
  error?: string;
  notice?: string;
}

/** Runs one account action, then reports its outcome (an error in words, or `notice`). */
function useAction(): [Outcome, boolean, (work: () => Promise<string | undefined>) => Promise<void>] {
  const [outcome, setOutcome] = useState<Outcome>({});
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<string | undefined>) {
    setBusy(true);
    setOutcome({});
    try {
      const notice = await work();
      setOutcome(notice ? { notice } : {});
    } catch (err) {
      setOutcome({ error: errorText(err) });
    }
    setBusy(false);
  }
  return [outcome, busy, run];
}

function OutcomeText({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <p role="alert" className="error">
        {outcome.error}
      </p>
      <p role="status">{outcome.notice}</p>
    </>
  );
}

/**
 * The account in "Profile": whether the email is verified ("Verify email" mails a link), "Change password",
 * "Download my data" (GET /users/me/export, saved as a zip) and "Delete account" (DELETE /users/me, then signed out).
 */
export function AccountSection({ me, onSignOut }: { me: User; onSignOut: () => Promise<void> }) {
  const [deleting, setDeleting] = useState(false);
  return (
    <section className="panel-form" aria-labelledby="account-title">
      <h3 id="account-title">Account</h3>
      {me.email && <EmailStatus email={me.email} verified={me.emailVerified === true} />}
      <ChangePassword />
      <DownloadData />
      <button type="button" className="text-button danger" onClick={() => setDeleting(true)}>
        Delete account
      </button>
      {deleting && <DeleteAccountDialog onDeleted={onSignOut} onClose={() => setDeleting(false)} />}
    </section>
  );
}

function EmailStatus({ email, verified }: { email: string; verified: boolean }) {
  const client = useClient();
  const [outcome, busy, run] = useAction();
  return (
    <div>
      <p>
        {email}: {verified ? 'verified' : 'not verified'}
      </p>
      {!verified && (
        <button
          type="button"
          className="text-button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await client.account.requestEmailVerification();
              return `We sent a link to ${email}. Open it to verify your email.`;
            })
          }
        >
          Verify email
        </button>
      )}
      <OutcomeText outcome={outcome} />
    </div>
  );
}

/** "Current password", "New password" and "Change password": the other sessions end, this one goes on. */
function ChangePassword() {
  const client = useClient();
  const [outcome, busy, run] = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const text = (key: string) => {
      const v = form.get(key);
      return typeof v === 'string' ? v : '';
    };
    void run(async () => {
      await client.account.changePassword(text('current'), text('new'));
      formEl.reset();
      return 'Password changed. Your other devices are signed out.';
    });
  }
  return (
    <form className="panel-form" onSubmit={submit} aria-labelledby="change-password-title">
      <h4 id="change-password-title">Change password</h4>
      <label>
        Current password
        <input name="current" type="password" autoComplete="current-password" required />
      </label>
      <label>
        New password
        <input name="new" type="password" autoComplete="new-password" required />
      </label>
      <OutcomeText outcome={outcome} />
      <button type="submit" className="text-button primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}

/** "Download my data": the export zip, fetched with this session's token and saved as a download. */
function DownloadData() {
  const client = useClient();
  const [outcome, busy, run] = useAction();
  const download = () =>
    run(async () => {
      const blob = unwrap(await client.rest.GET('/users/me/export', { parseAs: 'blob' })) as Blob;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'parley-data.zip';
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return undefined;
    });
  return (
    <div>
      <button type="button" className="text-button" disabled={busy} onClick={() => void download()}>
        Download my data
      </button>
      <OutcomeText outcome={outcome} />
    </div>
  );
}

/** "Delete account": asks "Password", then "Delete my account" (DELETE /users/me); on 204 this client signs out. */
function DeleteAccountDialog({ onDeleted, onClose }: { onDeleted: () => Promise<void>; onClose: () => void }) {
  const client = useClient();
  const [outcome, busy, run] = useAction();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get('password');
    void run(async () => {
      unwrap(await client.rest.DELETE('/users/me', { body: typeof password === 'string' && password ? { password } : {} }));
      await onDeleted();
      return undefined;
    });
  }
  return (
    <Dialog title="Delete account" onClose={onClose}>
      <form className="panel-form" onSubmit={submit}>
        <p>This erases your account, your messages and your media for everyone. It cannot be undone.</p>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" />
        </label>
        <OutcomeText outcome={outcome} />
        <button type="submit" className="text-button danger" disabled={busy}>
          Delete my account
        </button>
      </form>
    </Dialog>
  );
}
