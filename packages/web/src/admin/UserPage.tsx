import { useCallback, useState } from 'react';
import { Avatar } from '../common/Avatar';
import { errorText } from '../common/errorText';
import { listTime } from '../format';
import { useLoad } from '../groups/useLoad';
import { useClient } from '../hooks/useClient';
import { getUserAsAdmin, liftSuspension, suspendUser, type AdminUser } from './adminApi';
import { AuditList } from './AuditList';
import { SuspendForm } from './SuspendForm';

/** A user's page: profile, role, suspension ("Suspend", "Lift suspension"), live sessions and the newest audit entries. */
export function UserPage({ userId }: { userId: string }) {
  const client = useClient();
  const read = useCallback(() => getUserAsAdmin(client, userId), [client, userId]);
  const { data, error, reload } = useLoad(read);
  const [failure, setFailure] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function act(run: () => Promise<void>, done: string): Promise<boolean> {
    setFailure(undefined);
    setNotice(undefined);
    try {
      await run();
      setNotice(done);
      reload();
      return true;
    } catch (err) {
      setFailure(errorText(err));
      return false;
    }
  }

  return (
    <section className="admin-user" aria-label={data ? `User ${data.user.name}` : 'User'}>
      <p role="status">{notice}</p>
      <p role="alert" className="error">
        {failure ?? error}
      </p>
      {data && (
        <>
          <Profile data={data} />
          <Suspension data={data} />
          {data.suspension && (
            <div>
              <button
                type="button"
                className="text-button"
                onClick={() => void act(() => liftSuspension(client, userId), 'Suspension lifted.')}
              >
                Lift suspension
              </button>
            </div>
          )}
          <SuspendForm onSuspend={(reason, until) => act(() => suspendUser(client, userId, reason, until), 'User suspended.')} />
          <h3>Sessions</h3>
          {data.sessions.length === 0 ? (
            <p className="empty">No live sessions.</p>
          ) : (
            <ul className="admin-list" aria-label="Sessions">
              {data.sessions.map((s) => (
                <li key={s.id}>
                  {s.deviceName ?? s.deviceId}{' '}
                  <span className="role">
                    signed in {listTime(s.createdAt)}, last used {listTime(s.lastUsedAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h3>Audit entries</h3>
          <AuditList entries={data.auditEntries} label="Audit entries" me={client.userId} />
        </>
      )}
    </section>
  );
}

function Profile({ data }: { data: AdminUser }) {
  const { user, role } = data;
  return (
    <div className="admin-profile">
      <Avatar text={user.initials} color={user.avatarColor} />
      <div>
        <h3 className="admin-name">
          {user.name} <span className="username">@{user.username}</span>
        </h3>
        <p className="role">
          {role === 'admin' ? 'Admin' : 'Member'} since {listTime(user.createdAt)}
          {user.email && ` · ${user.email}`}
          {user.phoneNumber && ` · ${user.phoneNumber}`}
        </p>
      </div>
    </div>
  );
}

function Suspension({ data }: { data: AdminUser }) {
  const s = data.suspension;
  if (!s) return <p className="admin-state">Not suspended</p>;
  return (
    <p className="admin-state suspended">
      Suspended since {listTime(s.since)}
      {s.until ? ` until ${new Date(s.until).toLocaleString()}` : ' until lifted'}
      {s.reason && `: ${s.reason}`}
    </p>
  );
}
