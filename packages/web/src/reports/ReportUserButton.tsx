import type { User } from '@parley/client';
import { useState } from 'react';
import { FlagIcon } from '../common/icons';
import { ReportDialog } from './ReportDialog';

/** "Report <name>": opens the dialog "Report" about a user (the direct chat's header, a group's member list). */
export function ReportUserButton({ user, variant = 'icon' }: { user: User; variant?: 'icon' | 'text' }) {
  const [open, setOpen] = useState(false);
  const label = `Report ${user.name}`;
  return (
    <>
      {variant === 'icon' ? (
        <button type="button" className="icon-button" onClick={() => setOpen(true)} title={label}>
          <FlagIcon />
          <span className="visually-hidden">{label}</span>
        </button>
      ) : (
        <button type="button" className="text-button" onClick={() => setOpen(true)}>
          {label}
        </button>
      )}
      {open && <ReportDialog target={{ userId: user.id }} subject={`${user.name} (@${user.username})`} onClose={() => setOpen(false)} />}
    </>
  );
}
