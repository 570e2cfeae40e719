import type { Conversation } from '@parley/client';
import { useState } from 'react';
import { GroupInfoDialog } from './GroupInfoDialog';

/** "Group info" in a group's header: opens its members, roles, invitations and settings. */
export function GroupInfoButton({ conversation }: { conversation: Conversation }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="text-button" onClick={() => setOpen(true)}>
        Group info
      </button>
      {open && <GroupInfoDialog conversation={conversation} onClose={() => setOpen(false)} />}
    </>
  );
}
