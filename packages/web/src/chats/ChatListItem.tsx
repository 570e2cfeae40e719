import type { Conversation } from '@parley/client';
import type { MouseEvent } from 'react';
import { Avatar } from '../common/Avatar';
import { MessageStatus } from '../conversation/MessageStatus';
import { listTime } from '../format';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { isMutedNow } from '../notifications/chatMute';
import { MutedMark } from '../notifications/MutedMark';
import { ChatActions } from './ChatActions';
import { lookOf, previewOf } from './look';

interface Props {
  conversation: Conversation;
  active: boolean;
  onOpen: (id: string) => void;
}

/**
 * One chat: avatar, name, last message (or "typing…"), its time, the unread count, and marks read as
 * "Pinned", "Muted", "Archived". A link: it opens /chat/:id; beside it, "Chat options for <name>".
 */
export function ChatListItem({ conversation: c, active, onOpen }: Props) {
  const me = useClient().userId;
  const typing = useStore((store) => store.typing(c.id).some((id) => id !== me));
  const look = lookOf(c);
  const last = c.lastMessage;
  const open = (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    onOpen(c.id);
  };

  return (
    <li className="chat-row">
      <a href={`/chat/${c.id}`} className="chat-item" aria-current={active ? 'page' : undefined} onClick={open}>
        <Avatar text={look.avatarText} color={look.avatarColor} />
        <span className="chat-item-body">
          <span className="chat-item-line">
            <span className="chat-name">{look.title}</span>
            {last && (
              <time className="chat-time" dateTime={last.createdAt} data-unread={c.unreadCount > 0}>
                {listTime(last.createdAt)}
              </time>
            )}
          </span>
          <span className="chat-item-line">
            {typing ? (
              <span className="typing">typing…</span>
            ) : (
              <span className="preview">
                {last && last.senderId === me && <MessageStatus status={last.status} />}
                {last ? previewOf(last) : ''}
              </span>
            )}
            {c.isPinned && (
              <span className="pin-mark" title="Pinned">
                <PinIcon />
                <span className="visually-hidden">Pinned</span>
              </span>
            )}
            {c.isArchived && <span className="visually-hidden">Archived</span>}
            {isMutedNow(c) && <MutedMark />}
            {c.unreadCount > 0 && (
              <span className="badge">
                {c.unreadCount}
                <span className="visually-hidden"> unread</span>
              </span>
            )}
          </span>
        </span>
      </a>
      <ChatActions conversation={c} title={look.title} />
    </li>
  );
}

const PinIcon = () => (
  <svg aria-hidden focusable={false} viewBox="0 0 24 24" width={16} height={16}>
    <path fill="currentColor" d="M16 3v2h-1v6l3 3v2h-5v5l-1 1-1-1v-5H6v-2l3-3V5H8V3Z" />
  </svg>
);
