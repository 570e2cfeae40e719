import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { useClient } from '../hooks/useClient';
import { useConnection } from '../hooks/useConnection';
import { useMemberNames } from '../groups/useMemberNames';
import { useStore } from '../hooks/useStore';
import { groupByDay } from './days';
import { MessageBubble } from './MessageBubble';
import { rowsOf, type Row } from './rows';
import { useStickToBottom } from './useStickToBottom';

/** The list "Messages": the conversation's window from the store and its unsent messages from the outbox, by day. */
export function MessageList({ conversation }: { conversation: Conversation }) {
  const client = useClient();
  const online = useConnection() === 'online';
  const window = useStore((store) => store.messages(conversation.id));
  const pending = useStore(() => client.pending.filter((e) => e.conversationId === conversation.id));
  const rows = rowsOf(window.messages, pending, client.userId, online);
  const { ref, onScroll } = useStickToBottom(rows);
  const [loading, setLoading] = useState(false);
  const names = useMemberNames(
    conversation,
    window.messages.map((m) => m.senderId),
  );
  const group = conversation.type === 'group';
  const senderOf = (row: Row) =>
    group ? ((row.senderId && names.get(row.senderId)) ?? 'A member') : (conversation.otherUser?.name ?? 'Deleted account');

  const loadOlder = () => {
    setLoading(true);
    void client.messages
      .list(conversation.id, { before: window.messages[0]!.seq })
      .catch(() => {})
      .finally(() => setLoading(false));
  };

  return (
    <div className="messages-pane">
      {window.hasMore && window.messages.length > 0 && (
        <button type="button" className="load-older" onClick={loadOlder} disabled={loading}>
          Load older messages
        </button>
      )}
      <ul className="messages" aria-label="Messages" tabIndex={0} ref={ref} onScroll={onScroll}>
        {groupByDay(rows, (r) => r.createdAt).map((day) =>
          day.items.map((row, i) => (
            <MessageBubble
              key={row.key}
              row={row}
              sender={senderOf(row)}
              showSender={group && !row.system}
              dayLabel={i === 0 ? day.label : undefined}
            />
          )),
        )}
      </ul>
    </div>
  );
}
