import { useStore } from '../hooks/useStore';
import { ChatListItem } from './ChatListItem';

/** The region "Chats": every conversation, pinned first, then by last activity (the store's order). */
export function ChatList({ openId, onOpen }: { openId: string | undefined; onOpen: (id: string) => void }) {
  const chats = useStore((store) => store.conversations());
  return (
    <section className="chat-list" aria-label="Chats">
      {chats.length === 0 ? (
        <p className="empty">No chats yet. Start one with New chat.</p>
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
