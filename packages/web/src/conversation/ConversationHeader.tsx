import type { Conversation } from '@parley/client';
import { lookOf } from '../chats/look';
import { Avatar } from '../common/Avatar';
import { BackIcon } from '../common/icons';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { ChatNotificationsButton } from '../notifications/ChatNotificationsButton';

/** Back (on a phone), who the chat is with, and whether they are typing or online. */
export function ConversationHeader({ conversation, onBack }: { conversation: Conversation; onBack: () => void }) {
  const me = useClient().userId;
  const look = lookOf(conversation);
  const other = conversation.otherUser;
  const typing = useStore((store) => store.typing(conversation.id).some((id) => id !== me));
  const online = useStore((store) => (other ? (store.presence(other.id)?.isOnline ?? other.isOnline) : false));
  const status = typing ? 'typing…' : online ? 'online' : '';

  return (
    <header className="pane-header conversation-header">
      <button type="button" className="icon-button back" onClick={onBack} title="Back to chats">
        <BackIcon />
        <span className="visually-hidden">Back to chats</span>
      </button>
      <Avatar text={look.avatarText} color={look.avatarColor} />
      <div className="conversation-title">
        <h2 className="pane-title">{look.title}</h2>
        <p className="presence" aria-live="polite">
          {status}
        </p>
      </div>
      <ChatNotificationsButton conversation={conversation} />
    </header>
  );
}
