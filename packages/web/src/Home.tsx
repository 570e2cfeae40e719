import type { User } from '@parley/client';
import { useState } from 'react';
import { CallLayer } from './calls/CallLayer';
import { ChatList } from './chats/ChatList';
import { NewChat } from './chats/NewChat';
import { SidebarHeader } from './chats/SidebarHeader';
import { ConnectionBanner } from './common/ConnectionBanner';
import { Conversation } from './conversation/Conversation';
import { useOpenChat } from './hooks/useRoute';
import { useLiveClient } from './hooks/useLiveClient';
import { useCloseReadNotifications } from './notifications/useCloseReadNotifications';

/** The signed-in app: the chat list (or the people search) beside the open conversation; one pane at a time on a phone. */
export function Home({ me, onSignOut }: { me: User | undefined; onSignOut: () => Promise<void> }) {
  useLiveClient();
  useCloseReadNotifications();
  const [openId, open] = useOpenChat();
  const [searching, setSearching] = useState(false);

  return (
    <div className="app" data-pane={openId ? 'conversation' : 'list'}>
      <ConnectionBanner />
      <CallLayer />
      <aside className="sidebar">
        <SidebarHeader me={me} onNewChat={() => setSearching(true)} onSignOut={onSignOut} />
        {searching ? (
          <NewChat
            onClose={() => setSearching(false)}
            onOpen={(id) => {
              setSearching(false);
              open(id);
            }}
          />
        ) : (
          <ChatList openId={openId} onOpen={open} />
        )}
      </aside>
      <main className="main">
        {openId ? (
          <Conversation key={openId} id={openId} onBack={() => open(undefined)} />
        ) : (
          <div className="no-chat">
            <h2>Parley</h2>
            <p>Pick a chat, or start one with New chat.</p>
          </div>
        )}
      </main>
    </div>
  );
}
