import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { isMutedNow } from './chatMute';
import { ChatNotifications } from './ChatNotifications';
import { BellIcon, MutedIcon } from './icons';

/** "Chat notifications" in the conversation header (its bell is crossed out while the chat is muted). */
export function ChatNotificationsButton({ conversation }: { conversation: Conversation }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="icon-button" onClick={() => setOpen(true)} title="Chat notifications" aria-haspopup="dialog">
        {isMutedNow(conversation) ? <MutedIcon /> : <BellIcon />}
        <span className="visually-hidden">Chat notifications</span>
      </button>
      {open && <ChatNotifications conversation={conversation} onClose={() => setOpen(false)} />}
    </>
  );
}
