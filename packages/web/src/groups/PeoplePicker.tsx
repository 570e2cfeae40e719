import type { User } from '@parley/client';
import { useState } from 'react';
import { usePeopleSearch } from '../chats/usePeopleSearch';
import { Avatar } from '../common/Avatar';

/** "Search people", then a button per person found: `action` names what picking does ("Add", "Invite"). */
export function PeoplePicker({ action, skip, onPick }: { action: string; skip: ReadonlySet<string>; onPick: (user: User) => void }) {
  const [query, setQuery] = useState('');
  const search = usePeopleSearch(query);
  const found = search.users?.filter((u) => !skip.has(u.id));
  return (
    <div className="people-picker">
      <input
        type="search"
        aria-label="Search people"
        placeholder="Search people"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p role="alert" className="error">
        {search.error}
      </p>
      {found && found.length === 0 && <p className="empty">No one found.</p>}
      {found && found.length > 0 && (
        <ul className="picked">
          {found.map((u) => (
            <li key={u.id}>
              <Avatar text={u.initials} color={u.avatarColor} size="sm" />
              <span className="grow">
                {u.name} <span className="username">@{u.username}</span>
              </span>
              <button type="button" className="text-button" onClick={() => onPick(u)}>
                {action} {u.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
