import { useState } from 'react';
import { BellIcon } from './icons';
import { NotificationSettings } from './NotificationSettings';

/** "Notifications" in the sidebar header: opens the settings dialog. */
export function NotificationsButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="icon-button" onClick={() => setOpen(true)} title="Notifications" aria-haspopup="dialog">
        <BellIcon />
        <span className="visually-hidden">Notifications</span>
      </button>
      {open && <NotificationSettings onClose={() => setOpen(false)} />}
    </>
  );
}
