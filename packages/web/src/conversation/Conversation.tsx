import type { Conversation as Chat } from '@parley/client';
import { useEffect, useState } from 'react';
import { lookOf } from '../chats/look';
import { BackIcon } from '../common/icons';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { DraftContext } from './draft';
import { MessageList } from './MessageList';
import { PinnedBar } from './PinnedBar';
import { SearchMessages } from './SearchMessages';
import { ThreadContext } from './threadContext';
import { ThreadPanel } from './ThreadPanel';
import { useConversationLoad } from './useConversationLoad';
import { useDraftState } from './useDraftState';
import { useMarkRead } from './useMarkRead';
import { nameOf, useMembers } from './useMembers';

/** The open chat: header, messages, composer. Opening it loads its newest page and reads it. */
export function Conversation({ id, onBack }: { id: string; onBack: () => void }) {
  const conversation = useStore((store) => store.conversation(id));
  const missing = useConversationLoad(id);
  useMarkRead(conversation);

  if (!conversation) {
    return (
      <section className="conversation" aria-label="Chat">
        <header className="pane-header">
          <button type="button" className="icon-button back" onClick={onBack} title="Back to chats">
            <BackIcon />
            <span className="visually-hidden">Back to chats</span>
          </button>
        </header>
        <p className="empty">{missing ? 'This chat does not exist, or you are not in it.' : 'Loading…'}</p>
      </section>
    );
  }
  return <OpenConversation conversation={conversation} onBack={onBack} />;
}

function OpenConversation({ conversation, onBack }: { conversation: Chat; onBack: () => void }) {
  const client = useClient();
  const me = client.userId;
  const draft = useDraftState();
  // Which messages are starred shows in their menus ("Star message" or "Unstar message"): the latest 100 of them.
  useEffect(() => {
    client.messages.starred({ limit: 100 }).catch(() => {});
  }, [client]);
  const members = useMembers(conversation);
  const [searching, setSearching] = useState(false);
  const [threadRoot, setThreadRoot] = useState<string>();
  const root = useStore((store) => store.messages(conversation.id).messages.find((m) => m.id === threadRoot));
  const people = { members, nameOf: (userId: string) => nameOf(members, userId, me) };
  const mentionable = conversation.type === 'group' ? members.filter((u) => u.id !== me) : [];

  return (
    <DraftContext.Provider value={draft}>
      <ThreadContext.Provider value={setThreadRoot}>
        <section className="conversation" aria-label={lookOf(conversation).title}>
          <ConversationHeader conversation={conversation} onBack={onBack} onSearch={() => setSearching((s) => !s)} />
          <PinnedBar conversation={conversation} />
          {searching && <SearchMessages conversationId={conversation.id} nameOf={people.nameOf} onClose={() => setSearching(false)} />}
          <MessageList conversation={conversation} people={people} />
          {conversation.postPermission === 'admins' && conversation.role === 'member' ? (
            <p className="empty composer-note" role="note">
              Only admins can send messages in this group.
            </p>
          ) : (
            <Composer conversationId={conversation.id} mentionable={mentionable} nameOf={people.nameOf} />
          )}
          {root && <ThreadPanel root={root} nameOf={people.nameOf} onClose={() => setThreadRoot(undefined)} />}
        </section>
      </ThreadContext.Provider>
    </DraftContext.Provider>
  );
}
