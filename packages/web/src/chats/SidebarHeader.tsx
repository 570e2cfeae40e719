import type { User } from '@parley/client';
import { useState } from 'react';
import { NewChatIcon, SignOutIcon } from '../common/icons';
import { GroupsMenu } from '../groups/GroupsMenu';
import { useMe } from '../hooks/useMe';
import { ProfileAvatar } from '../profile/ProfileAvatar';
import { ProfileMenu } from '../profile/ProfileMenu';
import { NotificationsButton } from '../notifications/NotificationsButton';

/** The signed-in person, "New chat" and "Sign out"; below it the groups' and the profile's buttons. */
export function SidebarHeader({
  me: known,
  onNewChat,
  onSignOut,
}: {
  me: User | undefined;
  onNewChat: () => void;
  onSignOut: () => Promise<void>;
}) {
  const fetched = useMe(known);
  const [saved, setSaved] = useState<User>();
  const me = saved ?? fetched;
  return (
    <>
      <header className="pane-header">
        {me && <ProfileAvatar user={me} />}
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
      <nav className="sidebar-actions" aria-label="Groups and profile">
        <GroupsMenu />
        <ProfileMenu me={me} onSaved={setSaved} onSignOut={onSignOut} />
      </nav>
    </>
  );
}
