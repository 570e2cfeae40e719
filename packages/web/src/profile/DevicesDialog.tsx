import { unwrap } from '@parley/client';
import { useCallback, useState } from 'react';
import { errorText } from '../common/errorText';
import { Dialog } from '../common/Dialog';
import { useLoad } from '../groups/useLoad';
import { listTime } from '../format';
import { useClient } from '../hooks/useClient';

/** "Devices": your signed-in sessions (GET /auth/sessions), this one marked; revoking another signs it out at once. */
export function DevicesDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const read = useCallback(async () => unwrap(await client.rest.GET('/auth/sessions')).sessions, [client]);
  const { data, error, reload } = useLoad(read);
  const [failure, setFailure] = useState<string>();

  async function revoke(id: string) {
    setFailure(undefined);
    try {
      unwrap(await client.rest.DELETE('/auth/sessions/{id}', { params: { path: { id } } }));
      reload();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  return (
    <Dialog title="Devices" onClose={onClose}>
      <p role="alert" className="error">
        {failure ?? error}
      </p>
      {data && (
        <ul className="picked" aria-label="Signed-in devices">
          {data.map((s) => {
            const name = s.deviceName ?? s.deviceId;
            const since = listTime(s.createdAt);
            return (
              <li key={s.id}>
                <span className="grow">
                  {name}
                  {s.current && <strong> (this device)</strong>}
                  <br />
                  <span className="role">
                    signed in {since}, last used {listTime(s.lastUsedAt)}
                  </span>
                </span>
                {!s.current && (
                  <button type="button" className="text-button danger" onClick={() => void revoke(s.id)}>
                    Sign out {name} (since {since})
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
