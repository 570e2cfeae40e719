import type { Conversation } from '@parley/client';
import { CallButtons } from '../calls/CallButtons';
import { lookOf } from '../chats/look';
import { Avatar } from '../common/Avatar';
import { BackIcon, SearchIcon } from '../common/icons';
import { GroupInfoButton } from '../groups/GroupInfoButton';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { lastSeenText } from './lastSeen';
import { ChatNotificationsButton } from '../notifications/ChatNotificationsButton';
import { ReportUserButton } from '../reports/ReportUserButton';

/**
 * Back (on a phone), who the chat is with, whether they are typing, online or when last seen; search in the chat;
 * in a direct chat, "Voice call", "Video call" and "Report <name>".
 */
export function ConversationHeader(props: { conversation: Conversation; onBack: () => void; onSearch: () => void }) {
  const { conversation, onBack, onSearch } = props;
  const me = useClient().userId;
  const look = lookOf(conversation);
  const other = conversation.otherUser;
  const typing = useStore((store) => store.typing(conversation.id).some((id) => id !== me));
  const online = useStore((store) => (other ? (store.presence(other.id)?.isOnline ?? other.isOnline) : false));
  const lastActive = useStore((store) => (other ? (store.presence(other.id)?.lastActive ?? other.lastActive) : null));
  const status = typing ? 'typing…' : online ? 'online' : lastActive ? lastSeenText(lastActive) : '';

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
      {conversation.type === 'group' && <GroupInfoButton conversation={conversation} />}
      <button type="button" className="icon-button header-search" onClick={onSearch} title="Search messages">
        <SearchIcon />
        <span className="visually-hidden">Search messages</span>
      </button>
      <ChatNotificationsButton conversation={conversation} />
      {conversation.type === 'direct' && other && <CallButtons user={other} />}
      {conversation.type === 'direct' && other && <ReportUserButton user={other} />}
    </header>
  );
}
