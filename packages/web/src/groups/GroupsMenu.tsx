import './groups.css';
import { useState } from 'react';
import { GroupsDialog } from './GroupsDialog';
import { NewGroupDialog } from './NewGroupDialog';

/** "New group" and "Groups" (invitations and discover) in the sidebar. */
export function GroupsMenu() {
  const [open, setOpen] = useState<'new' | 'groups'>();
  const close = () => setOpen(undefined);
  return (
    <>
      <button type="button" className="text-button" onClick={() => setOpen('new')}>
        New group
      </button>
      <button type="button" className="text-button" onClick={() => setOpen('groups')}>
        Groups
      </button>
      {open === 'new' && <NewGroupDialog onClose={close} />}
      {open === 'groups' && <GroupsDialog onClose={close} />}
    </>
  );
}
