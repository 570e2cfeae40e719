import { lookOf } from '../chats/look';
import { BackIcon } from '../common/icons';
import { useStore } from '../hooks/useStore';
import { Composer } from './Composer';
import { ConversationHeader } from './ConversationHeader';
import { MessageList } from './MessageList';
import { useConversationLoad } from './useConversationLoad';
import { useMarkRead } from './useMarkRead';

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
  return (
    <section className="conversation" aria-label={lookOf(conversation).title}>
      <ConversationHeader conversation={conversation} onBack={onBack} />
      <MessageList conversation={conversation} />
      <Composer conversationId={id} />
    </section>
  );
}
