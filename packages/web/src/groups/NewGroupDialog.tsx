import { unwrap, type User } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { navigate } from '../hooks/useRoute';
import { Dialog } from '../common/Dialog';
import { GroupFields, readGroupFields } from './GroupFields';
import { PeoplePicker } from './PeoplePicker';

/** "New group": name, about, an emoji icon, private or public, and its first members (POST /groups); then it opens. */
export function NewGroupDialog({ onClose }: { onClose: () => void }) {
  const client = useClient();
  const [members, setMembers] = useState<User[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const fields = readGroupFields(new FormData(event.currentTarget));
      const { group } = unwrap(await client.rest.POST('/groups', { body: { ...fields, memberIds: members.map((m) => m.id) } }));
      client.store.putConversations([group]);
      onClose();
      navigate(group.id);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  }

  return (
    <Dialog title="New group" onClose={onClose}>
      <form className="panel-form" onSubmit={(e) => void create(e)}>
        <GroupFields withVisibility />
        <h3>Members</h3>
        {members.length > 0 && (
          <ul className="picked" aria-label="New members">
            {members.map((m) => (
              <li key={m.id}>
                <span className="grow">{m.name}</span>
                <button type="button" className="text-button" onClick={() => setMembers(members.filter((x) => x.id !== m.id))}>
                  Remove {m.name}
                </button>
              </li>
            ))}
          </ul>
        )}
        <PeoplePicker action="Add" skip={new Set(members.map((m) => m.id))} onPick={(u) => setMembers([...members, u])} />
        <p role="alert" className="error">
          {error}
        </p>
        <button type="submit" className="text-button primary" disabled={busy}>
          Create group
        </button>
      </form>
    </Dialog>
  );
}
