import { useId, useState } from 'react';
import { listTime } from '../format';
import { reasonLabel } from '../reports/reasons';
import type { Report, ResolveAction } from './adminApi';
import { resolutionText } from './describe';

interface Props {
  report: Report;
  onResolve: (action: ResolveAction, note: string) => Promise<void>;
  onOpenUser: (userId: string) => void;
}

/** One report: reason, when, the member's note, what was reported as it was then; while open, "Dismiss", "Delete message", "Suspend user". */
export function ReportItem({ report: r, onResolve, onOpenUser }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const { message, user } = r.snapshot;
  const who = user ? `${user.name} (@${user.username})` : 'an account';
  const act = (action: ResolveAction) => {
    setBusy(true);
    void onResolve(action, note).finally(() => setBusy(false));
  };

  return (
    <li className="admin-report">
      <p className="admin-report-head">
        <strong>{reasonLabel(r.reason)}</strong> <span className="role">reported {listTime(r.createdAt)}</span>
      </p>
      {message ? (
        <blockquote className="admin-snapshot">
          <span className="role">Message from {who}:</span>{' '}
          {message.text ?? `(${message.mediaIds.length} attachment${message.mediaIds.length === 1 ? '' : 's'})`}
        </blockquote>
      ) : (
        <p className="admin-snapshot">User {who}</p>
      )}
      {r.note && <p className="admin-note">Note: {r.note}</p>}
      {r.status === 'resolved' && <p className="role">{resolutionText(r.action, r.resolutionNote)}</p>}
      <div className="admin-actions">
        {r.userId && (
          <button type="button" className="text-button" onClick={() => onOpenUser(r.userId!)}>
            Open {user?.name ?? 'user'}
          </button>
        )}
        {r.status === 'open' && (
          <>
            <label htmlFor={noteId} className="visually-hidden">
              Resolution note
            </label>
            <input
              id={noteId}
              className="admin-input"
              placeholder="Resolution note (optional)"
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <button type="button" className="text-button" disabled={busy} onClick={() => act('dismiss')}>
              Dismiss
            </button>
            {r.messageId && (
              <button type="button" className="text-button danger" disabled={busy} onClick={() => act('delete_message')}>
                Delete message
              </button>
            )}
            {r.userId && (
              <button type="button" className="text-button danger" disabled={busy} onClick={() => act('suspend_user')}>
                Suspend user
              </button>
            )}
          </>
        )}
      </div>
    </li>
  );
}
