import { useCallback } from 'react';
import { useLoad } from '../groups/useLoad';
import { useClient } from '../hooks/useClient';
import { getStats } from './adminApi';
import { formatBytes } from './describe';

/** "Stats": users, messages per day (the last 7 UTC days), connected sockets and the storage media take. */
export function StatsPanel() {
  const client = useClient();
  const read = useCallback(() => getStats(client), [client]);
  const { data, error, reload } = useLoad(read);
  return (
    <div className="admin-panel">
      <p role="alert" className="error">
        {error}
      </p>
      {data && (
        <>
          <dl className="admin-stats">
            <div>
              <dt>Users</dt>
              <dd>{data.users.total}</dd>
            </div>
            <div>
              <dt>Admins</dt>
              <dd>{data.users.admins}</dd>
            </div>
            <div>
              <dt>Suspended</dt>
              <dd>{data.users.suspended}</dd>
            </div>
            <div>
              <dt>Deleted accounts</dt>
              <dd>{data.users.deleted}</dd>
            </div>
            <div>
              <dt>Connected sockets</dt>
              <dd>
                {data.sockets.connected} <span className="role">({data.sockets.scope === 'cluster' ? 'every node' : 'this node'})</span>
              </dd>
            </div>
            <div>
              <dt>Storage</dt>
              <dd>
                {formatBytes(data.storage.bytes)} <span className="role">({data.storage.mediaCount} files)</span>
              </dd>
            </div>
          </dl>
          <table className="admin-table">
            <caption>Messages per day</caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Messages</th>
              </tr>
            </thead>
            <tbody>
              {data.messagesPerDay.map((d) => (
                <tr key={d.day}>
                  <th scope="row">
                    <time dateTime={d.day}>{d.day}</time>
                  </th>
                  <td>{d.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div>
        <button type="button" className="text-button" onClick={reload}>
          Refresh stats
        </button>
      </div>
    </div>
  );
}
