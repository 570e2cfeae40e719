import { unwrap, type Conversation } from '@parley/client';
import { useCallback, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { navigate } from '../hooks/useRoute';
import { Dialog } from '../common/Dialog';
import { GroupRow } from './GroupRow';
import { useLoad } from './useLoad';

/** "Groups": your pending invitations (accept or decline) and the public groups you could join (GET /groups' discover). */
export function GroupsDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const read = useCallback(async () => {
    const [groups, invitations] = await Promise.all([
      client.rest.GET('/groups', { params: { query: { limit: 100 } } }).then(unwrap),
      client.rest.GET('/invitations', { params: { query: { limit: 100 } } }).then(unwrap),
    ]);
    return { discover: groups.discover, invitations: invitations.invitations };
  }, [client]);
  const { data, error, reload } = useLoad(read);
  const [failure, setFailure] = useState<string>();

  async function act(run: () => Promise<{ conversation: Conversation } | undefined>) {
    setFailure(undefined);
    try {
      const answer = await run();
      if (answer?.conversation) {
        client.store.putConversations([answer.conversation]);
        onClose();
        navigate(answer.conversation.id);
      } else reload();
    } catch (err) {
      setFailure(errorText(err));
    }
  }

  const path = (id: string) => ({ params: { path: { id } } });
  return (
    <Dialog title="Groups" onClose={onClose}>
      <p role="alert" className="error">
        {failure ?? error}
      </p>
      {!data && !error && <p className="empty">Loading…</p>}
      {data && (
        <>
          <section aria-label="Invitations">
            <h3>Invitations</h3>
            {data.invitations.length === 0 && <p className="empty">No invitations.</p>}
            <ul className="picked">
              {data.invitations.map((inv) => (
                <GroupRow key={inv.id} group={inv.group} note={`from ${inv.inviter.name}`}>
                  <button
                    type="button"
                    className="text-button primary"
                    onClick={() => void act(async () => unwrap(await client.rest.POST('/invitations/{id}/accept', path(inv.id))))}
                  >
                    Accept invitation to {inv.group.name}
                  </button>
                  <button
                    type="button"
                    className="text-button"
                    onClick={() => void act(async () => void unwrap(await client.rest.POST('/invitations/{id}/decline', path(inv.id))))}
                  >
                    Decline invitation to {inv.group.name}
                  </button>
                </GroupRow>
              ))}
            </ul>
          </section>
          <section aria-label="Discover">
            <h3>Discover public groups</h3>
            {data.discover.length === 0 && <p className="empty">You are in every public group.</p>}
            <ul className="picked">
              {data.discover.map((g) => (
                <GroupRow key={g.id} group={g} note={`${g.memberCount} member${g.memberCount === 1 ? '' : 's'}`}>
                  <button
                    type="button"
                    className="text-button primary"
                    onClick={() => void act(async () => unwrap(await client.rest.POST('/groups/{id}/join', path(g.id))))}
                  >
                    Join {g.name}
                  </button>
                </GroupRow>
              ))}
            </ul>
          </section>
        </>
      )}
    </Dialog>
  );
}
