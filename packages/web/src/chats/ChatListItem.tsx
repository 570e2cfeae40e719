import type { Conversation } from '@parley/client';
import type { MouseEvent } from 'react';
import { Avatar } from '../common/Avatar';
import { MessageStatus } from '../conversation/MessageStatus';
import { listTime } from '../format';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { isMutedNow } from '../notifications/chatMute';
import { MutedMark } from '../notifications/MutedMark';
import { lookOf, previewOf } from './look';

interface Props {
  conversation: Conversation;
  active: boolean;
  onOpen: (id: string) => void;
}

/** One chat: avatar, name, last message (or "typing…"), its time, and the unread count. A link: it opens /chat/:id. */
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
    <li>
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
    </li>
  );
}
