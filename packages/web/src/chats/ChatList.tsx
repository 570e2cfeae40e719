import { useState } from 'react';
import { useStore } from '../hooks/useStore';
import { ChatListItem } from './ChatListItem';
import { chatFilters, emptyText, filterChats, type ChatFilter } from './filters';

/**
 * The region "Chats": "Search chats" (by name), the filters "All", "Unread", "Groups" and "Archived"
 * (radio buttons in the group "Show"; archived chats show only under "Archived"), then the chats, pinned first, then by
 * last activity (the store's order).
 */
export function ChatList({ openId, onOpen }: { openId: string | undefined; onOpen: (id: string) => void }) {
  const all = useStore((store) => store.conversations());
  const [filter, setFilter] = useState<ChatFilter>('All');
  const [search, setSearch] = useState('');
  const chats = filterChats(all, filter, search);
  const archived = all.filter((c) => c.isArchived).length;

  return (
    <section className="chat-list" aria-label="Chats">
      <div className="chat-tools">
        <input
          type="search"
          className="chat-search"
          aria-label="Search chats"
          placeholder="Search chats"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <fieldset className="chat-filters">
          <legend className="visually-hidden">Show</legend>
          {chatFilters.map((f) => (
            <label key={f}>
              <input type="radio" name="chat-filter" checked={filter === f} onChange={() => setFilter(f)} />
              <span>
                {f}
                {f === 'Archived' && archived > 0 && <span className="filter-count"> {archived}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      {chats.length === 0 ? (
        <p className="empty">{search.trim() ? 'No chats match.' : all.length === 0 ? emptyText.All : emptyText[filter]}</p>
      ) : (
        <ul>
          {chats.map((c) => (
            <ChatListItem key={c.id} conversation={c} active={c.id === openId} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}
