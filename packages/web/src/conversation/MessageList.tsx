import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { useClient } from '../hooks/useClient';
import { useConnection } from '../hooks/useConnection';
import { useStore } from '../hooks/useStore';
import { groupByDay } from './days';
import { useDraft } from './draft';
import { MessageBubble, type BubblePeople } from './MessageBubble';
import { rowsOf } from './rows';
import { useStickToBottom } from './useStickToBottom';

/** The list "Messages": the conversation's window from the store and its unsent messages from the outbox, by day. */
export function MessageList({ conversation, people }: { conversation: Conversation; people: BubblePeople }) {
  const client = useClient();
  const online = useConnection() === 'online';
  const { highlighted } = useDraft();
  const window = useStore((store) => store.messages(conversation.id));
  const pending = useStore(() => client.pending.filter((e) => e.conversationId === conversation.id));
  // Replies in a thread show in its panel (ThreadPanel), not in the chat.
  const rows = rowsOf(
    window.messages.filter((m) => m.threadRootId === null),
    pending.filter((e) => !e.input.threadRootId),
    client.userId,
    online,
  );
  const [loading, setLoading] = useState(false);
  const loadOlder = () => {
    setLoading(true);
    void client.messages
      .list(conversation.id, { before: window.messages[0]!.seq })
      .catch(() => {})
      .finally(() => setLoading(false));
  };
  const canLoadOlder = window.hasMore && window.messages.length > 0;
  const { ref, onScroll } = useStickToBottom(rows, canLoadOlder && !loading ? loadOlder : undefined);
  const [actionError, setActionError] = useState<string>();
  const fallback = conversation.type === 'direct' ? (conversation.otherUser?.name ?? 'Deleted account') : 'A member';
  const senderOf = (senderId: string | undefined) => (senderId && conversation.type === 'group' ? people.nameOf(senderId) : fallback);

  return (
    <div className="messages-pane">
      <p role="alert" className="error">
        {actionError}
      </p>
      {canLoadOlder && (
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
              sender={senderOf(row.message?.senderId)}
              showSender={conversation.type === 'group' && !row.system}
              dayLabel={i === 0 ? day.label : undefined}
              people={people}
              highlighted={row.message !== undefined && row.message.id === highlighted}
              onActionError={setActionError}
            />
          )),
        )}
      </ul>
    </div>
  );
}
