import { unwrap, type Conversation } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { GroupFields, readGroupFields } from './GroupFields';

/** Admins change the group's name, about and icon (PATCH /groups/:id); everyone hears it as `conversation:updated`. */
export function EditGroupForm({ conversation, onSaved }: { conversation: Conversation; onSaved: () => void }) {
  const client = useClient();
  const [error, setError] = useState<string>();

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    try {
      const { name, about, icon } = readGroupFields(new FormData(event.currentTarget));
      const { group } = unwrap(
        await client.rest.PATCH('/groups/{id}', { params: { path: { id: conversation.id } }, body: { name, about, icon } }),
      );
      client.store.putConversations([group]);
      onSaved();
    } catch (err) {
      setError(errorText(err));
    }
  }

  return (
    <form className="panel-form" aria-label="Edit group" onSubmit={(e) => void save(e)}>
      <GroupFields values={conversation} />
      <p role="alert" className="error">
        {error}
      </p>
      <button type="submit" className="text-button primary">
        Save group
      </button>
    </form>
  );
}
