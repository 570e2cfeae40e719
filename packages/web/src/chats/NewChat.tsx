import { unwrap, type User } from '@parley/client';
import { useState, type KeyboardEvent } from 'react';
import { Avatar } from '../common/Avatar';
import { errorText } from '../common/errorText';
import { BackIcon } from '../common/icons';
import { useClient } from '../hooks/useClient';
import { usePeopleSearch } from './usePeopleSearch';

/** "Search people" (GET /users?search=), then the direct chat with whoever is picked: found, or created (POST /conversations). */
export function NewChat({ onClose, onOpen }: { onClose: () => void; onOpen: (conversationId: string) => void }) {
  const client = useClient();
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(query);
  const [error, setError] = useState<string>();

  async function start(user: User) {
    setError(undefined);
    try {
      const { conversation } = unwrap(await client.rest.POST('/conversations', { body: { userId: user.id } }));
      client.store.putConversations([conversation]);
      onOpen(conversation.id);
    } catch (err) {
      setError(errorText(err));
    }
  }

  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') onClose();
  };

  return (
    <section className="new-chat" aria-label="New chat" onKeyDown={escape}>
      <header className="pane-header">
        <button type="button" className="icon-button" onClick={onClose} title="Back to chats">
          <BackIcon />
          <span className="visually-hidden">Back to chats</span>
        </button>
        <h2 className="pane-title">New chat</h2>
      </header>
      <div className="search">
        <input
          type="search"
          aria-label="Search people"
          placeholder="Search people by name or username"
          autoFocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <p role="alert" className="error">
        {error ?? search.error}
      </p>
      {search.users && search.users.length === 0 && <p className="empty">No one found for “{query.trim()}”.</p>}
      {search.users && search.users.length > 0 && (
        <ul className="people" aria-label="People">
          {search.users.map((u) => (
            <li key={u.id}>
              <button type="button" className="person" onClick={() => void start(u)}>
                <Avatar text={u.initials} color={u.avatarColor} />
                <span className="person-body">
                  <span className="chat-name">{u.name}</span>
                  <span className="username">@{u.username}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
