import { useId, useState, type FormEvent } from 'react';
import { localToIso } from './describe';

/** The form "Suspend": a "Reason" (required) and an optional "Until" (local time); `onSuspend` says whether it worked. */
export function SuspendForm({ onSuspend }: { onSuspend: (reason: string, until?: string) => Promise<boolean> }) {
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [busy, setBusy] = useState(false);
  const hint = useId();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const done = await onSuspend(reason.trim(), localToIso(until));
    setBusy(false);
    if (done) {
      setReason('');
      setUntil('');
    }
  }

  return (
    <form className="panel-form admin-suspend" aria-label="Suspend" onSubmit={(e) => void submit(e)}>
      <label>
        Reason
        <input required maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        Until
        <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} aria-describedby={hint} />
      </label>
      <p id={hint} className="role">
        Leave empty to suspend until lifted.
      </p>
      <div>
        <button type="submit" className="text-button danger" disabled={busy || !reason.trim()}>
          Suspend
        </button>
      </div>
    </form>
  );
}
