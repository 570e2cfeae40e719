import type { User } from '@parley/client';
import { useState } from 'react';
import { DevicesDialog } from './DevicesDialog';
import { ProfileDialog } from './ProfileDialog';

/** "Profile" and "Devices" in the sidebar; a saved profile is handed to `onSaved` (the header shows it). */
export function ProfileMenu(props: { me: User | undefined; onSaved: (user: User) => void; onSignOut: () => Promise<void> }) {
  const { me, onSaved, onSignOut } = props;
  const [open, setOpen] = useState<'profile' | 'devices'>();
  const close = () => setOpen(undefined);
  return (
    <>
      <button type="button" className="text-button" onClick={() => setOpen('profile')} disabled={!me}>
        Profile
      </button>
      <button type="button" className="text-button" onClick={() => setOpen('devices')}>
        Devices
      </button>
      {open === 'profile' && me && <ProfileDialog me={me} onSaved={onSaved} onClose={close} onSignOut={onSignOut} />}
      {open === 'devices' && <DevicesDialog onClose={close} />}
    </>
  );
}
