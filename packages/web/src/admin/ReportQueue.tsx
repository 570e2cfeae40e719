import { useCallback, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { listReports, resolveReport, type ReportStatus, type ResolveAction } from './adminApi';
import { ReportItem } from './ReportItem';
import { usePages } from './usePages';

const DONE: Record<ResolveAction, string> = {
  dismiss: 'Report dismissed.',
  delete_message: 'Message deleted for everyone; report resolved.',
  suspend_user: 'User suspended; report resolved.',
};

/** "Reports": the open (or resolved) reports, newest first, each with its snapshot and, while open, the three resolutions. */
export function ReportQueue({ onOpenUser }: { onOpenUser: (userId: string) => void }) {
  const client = useClient();
  const [status, setStatus] = useState<ReportStatus>('open');
  const [notice, setNotice] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const read = useCallback(
    async (cursor?: string) => {
      const page = await listReports(client, status, cursor);
      return { items: page.reports, nextCursor: page.nextCursor, hasMore: page.hasMore };
    },
    [client, status],
  );
  const { items, hasMore, loading, error, more, reload } = usePages(read);

  async function resolve(id: string, action: ResolveAction, note: string) {
    setNotice(undefined);
    setFailure(undefined);
    try {
      await resolveReport(client, id, action, note.trim() || undefined);
      setNotice(DONE[action]);
      reload();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <div className="admin-panel">
      <fieldset className="admin-filter">
        <legend className="visually-hidden">Status</legend>
        {(['open', 'resolved'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="report-status" checked={status === s} onChange={() => setStatus(s)} />
            {s === 'open' ? 'Open' : 'Resolved'}
          </label>
        ))}
      </fieldset>
      <p role="status">{notice}</p>
      <p role="alert" className="error">
        {failure ?? error}
      </p>
      {!loading && items.length === 0 && !error && <p className="empty">No {status} reports.</p>}
      <ul className="admin-list" aria-label="Reports">
        {items.map((r) => (
          <ReportItem key={r.id} report={r} onResolve={(action, note) => resolve(r.id, action, note)} onOpenUser={onOpenUser} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" className="text-button" disabled={loading} onClick={more}>
          Load more reports
        </button>
      )}
    </div>
  );
}
