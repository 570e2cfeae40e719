import { unwrap } from '@parley/client';
import { useId, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { REPORT_REASONS, type ReportReason } from './reasons';
import './reports.css';

/** What is reported: a message (its sender goes with it, the server finds them) or a user. */
export type ReportTarget = { messageId: string } | { userId: string };

/**
 * The dialog "Report": a reason ("Reason": spam, abuse, illegal, other) and an optional "Note", sent with "Send report"
 * (POST /reports). The server keeps a copy of what was reported, so the admins see it even after it is deleted.
 */
export function ReportDialog(props: { target: ReportTarget; subject: string; onClose: () => void }) {
  const { target, subject, onClose } = props;
  const client = useClient();
  const legendId = useId();
  const [reason, setReason] = useState<ReportReason>();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [sent, setSent] = useState(false);

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!reason) return setError('Pick a reason.');
    setBusy(true);
    setError(undefined);
    try {
      const text = note.trim();
      unwrap(await client.rest.POST('/reports', { body: { ...target, reason, ...(text ? { note: text } : {}) } }));
      setSent(true);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Report" className="sheet report-dialog" onClose={onClose}>
      <p className="report-subject">{subject}</p>
      {sent ? (
        <>
          <p role="status">Report sent. The admins of this server will look at it.</p>
          <div className="sheet-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form className="report-form" onSubmit={(e) => void send(e)}>
          <fieldset role="radiogroup" aria-labelledby={legendId} disabled={busy}>
            <legend id={legendId}>Reason</legend>
            {REPORT_REASONS.map((r) => (
              <label key={r.value}>
                <input type="radio" name="report-reason" checked={reason === r.value} onChange={() => setReason(r.value)} />
                {r.label}
              </label>
            ))}
          </fieldset>
          <label className="report-note">
            Note
            <textarea value={note} maxLength={1000} rows={3} onChange={(e) => setNote(e.target.value)} placeholder="Optional" />
          </label>
          <p role="alert" className="error">
            {error}
          </p>
          <div className="sheet-actions">
            <button type="submit" className="primary" disabled={busy}>
              Send report
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
