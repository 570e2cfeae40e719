import type { Conversation } from '@parley/client';
import { unwrap } from '@parley/client';
import { useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { navigate } from '../hooks/useRoute';
import { Dialog } from '../common/Dialog';
import { EditGroupForm } from './EditGroupForm';
import { MemberRow } from './MemberRow';
import { InviteSection } from './InviteSection';
import { mayInvite } from './roles';
import { useGroup } from './useGroup';

/** "Group info": edit it (admins), its members and their roles, invite people, leave it. The server's refusals are shown. */
export function GroupInfoDialog({ conversation, onClose }: { conversation: Conversation; onClose: () => void }) {
  const client = useClient();
  const id = conversation.id;
  const { data, error, reload } = useGroup(id);
  const [failure, setFailure] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const me = client.userId;
  const viewer = data?.members.find((m) => m.user.id === me)?.role;
  const admin = viewer === 'owner' || viewer === 'admin';

  async function act(run: () => Promise<unknown>, done?: string): Promise<boolean> {
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
  const member = (userId: string) => ({ params: { path: { id, userId } } });

  async function leave() {
    if (!(await act(async () => unwrap(await client.rest.POST('/groups/{id}/leave', { params: { path: { id } } }))))) return;
    onClose();
    navigate(undefined);
  }

  return (
    <Dialog title="Group info" onClose={onClose}>
      <p role="alert" className="error">
        {failure ?? error}
      </p>
      <p role="status">{notice}</p>
      {admin && <EditGroupForm conversation={conversation} onSaved={() => setNotice('Group saved.')} />}
      {data && (
        <section aria-label="Members">
          <h3>
            {data.memberCount} member{data.memberCount === 1 ? '' : 's'}
          </h3>
          <ul className="picked">
            {data.members.map((m) => (
              <MemberRow
                key={m.user.id}
                member={m}
                viewer={viewer}
                self={m.user.id === me}
                onRole={(role) =>
                  void act(async () =>
                    unwrap(await client.rest.PATCH('/groups/{id}/members/{userId}', { ...member(m.user.id), body: { role } })),
                  )
                }
                onRemove={() => void act(async () => unwrap(await client.rest.DELETE('/groups/{id}/members/{userId}', member(m.user.id))))}
              />
            ))}
          </ul>
        </section>
      )}
      {data && mayInvite(viewer, conversation.visibility) && (
        <InviteSection
          members={data.members}
          onInvite={(u) =>
            void act(
              async () => unwrap(await client.rest.POST('/groups/{id}/invitations', { params: { path: { id } }, body: { userId: u.id } })),
              `Invited ${u.name}.`,
            )
          }
        />
      )}
      {viewer && (
        <button type="button" className="text-button danger" onClick={() => void leave()}>
          Leave group
        </button>
      )}
    </Dialog>
  );
}
