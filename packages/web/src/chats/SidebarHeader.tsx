import type { User } from '@parley/client';
import { Avatar } from '../common/Avatar';
import { NewChatIcon, SignOutIcon } from '../common/icons';
import { useMe } from '../hooks/useMe';
import { NotificationsButton } from '../notifications/NotificationsButton';

/** The signed-in person, "New chat" and "Sign out". */
export function SidebarHeader({
  me: known,
  onNewChat,
  onSignOut,
}: {
  me: User | undefined;
  onNewChat: () => void;
  onSignOut: () => Promise<void>;
}) {
  const me = useMe(known);
  return (
    <header className="pane-header">
      {me && <Avatar text={me.initials} color={me.avatarColor} />}
      <h1 className="pane-title">{me?.name ?? 'Parley'}</h1>
      <button type="button" className="icon-button" onClick={onNewChat} title="New chat">
        <NewChatIcon />
        <span className="visually-hidden">New chat</span>
      </button>
      <NotificationsButton />
      <button type="button" className="icon-button" onClick={() => void onSignOut()} title="Sign out">
        <SignOutIcon />
        <span className="visually-hidden">Sign out</span>
      </button>
    </header>
  );
}
