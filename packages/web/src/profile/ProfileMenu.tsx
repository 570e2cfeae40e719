import type { User } from '@parley/client';
import { lazy, Suspense, useState } from 'react';
import { DevicesDialog } from './DevicesDialog';
import { ProfileDialog } from './ProfileDialog';

// Only admins open it: its code is a chunk of its own, fetched on the first open.
const AdminDialog = lazy(() => import('../admin/AdminDialog'));

/** "Profile" and "Devices" in the sidebar, and "Administration" for admins; a saved profile is handed to `onSaved`. */
export function ProfileMenu(props: { me: User | undefined; onSaved: (user: User) => void; onSignOut: () => Promise<void> }) {
  const { me, onSaved, onSignOut } = props;
  const [open, setOpen] = useState<'profile' | 'devices' | 'admin'>();
  const close = () => setOpen(undefined);
  return (
    <>
      <button type="button" className="text-button" onClick={() => setOpen('profile')} disabled={!me}>
        Profile
      </button>
      <button type="button" className="text-button" onClick={() => setOpen('devices')}>
        Devices
      </button>
      {me?.role === 'admin' && (
        <button type="button" className="text-button" onClick={() => setOpen('admin')}>
          Administration
        </button>
      )}
      {open === 'profile' && me && <ProfileDialog me={me} onSaved={onSaved} onClose={close} onSignOut={onSignOut} />}
      {open === 'devices' && <DevicesDialog onClose={close} />}
      {open === 'admin' && (
        <Suspense fallback={<p role="status">Loading…</p>}>
          <AdminDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
