import { useCallback, useId, useState, type FormEvent } from 'react';
import { useClient } from '../hooks/useClient';
import { listAuditLog, type AuditEntry, type AuditQuery } from './adminApi';
import { AuditList } from './AuditList';
import { usePages } from './usePages';

// A Record, so that the type check fails when the API gains an action this list lacks.
const ACTIONS: Record<AuditEntry['action'], true> = {
  'auth.signed_in': true,
  'auth.sign_in_failed': true,
  'session.revoked': true,
  'password.reset': true,
  'password.changed': true,
  'user.role_changed': true,
  'user.suspended': true,
  'user.unsuspended': true,
  'report.resolved': true,
  'message.deleted': true,
  'server_key.created': true,
  'server_key.revoked': true,
  'account.deleted': true,
  'backup.downloaded': true,
};
const actions = Object.keys(ACTIONS) as AuditEntry['action'][];

/** "Audit log": every entry, newest first, filtered by "Action" and "Target ID", a page at a time. */
export function AuditLog() {
  const client = useClient();
  const [filters, setFilters] = useState<AuditQuery>({});
  const [target, setTarget] = useState('');
  const ids = useId();
  const read = useCallback(
    async (cursor?: string) => {
      const page = await listAuditLog(client, filters, cursor);
      return { items: page.entries, nextCursor: page.nextCursor, hasMore: page.hasMore };
    },
    [client, filters],
  );
  const { items, hasMore, loading, error, more } = usePages(read);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilters((f) => ({ ...f, targetId: target.trim() || undefined }));
  };

  return (
    <div className="admin-panel">
      <form className="admin-filters" aria-label="Filter the audit log" onSubmit={apply}>
        <div>
          <label htmlFor={`${ids}-action`}>Action</label>
          <select
            id={`${ids}-action`}
            className="admin-input"
            value={filters.action ?? ''}
            onChange={(e) => setFilters((f) => ({ ...f, action: (e.target.value || undefined) as AuditEntry['action'] | undefined }))}
          >
            <option value="">Any</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${ids}-target`}>Target ID</label>
          <input id={`${ids}-target`} className="admin-input" value={target} maxLength={100} onChange={(e) => setTarget(e.target.value)} />
        </div>
        <button type="submit" className="text-button">
          Filter
        </button>
      </form>
      <p role="alert" className="error">
        {error}
      </p>
      {!loading && items.length === 0 && !error && <p className="empty">No entries.</p>}
      <AuditList entries={items} label="Audit log entries" me={client.userId} />
      {hasMore && (
        <button type="button" className="text-button" disabled={loading} onClick={more}>
          Load more entries
        </button>
      )}
    </div>
  );
}
