export type Role = 'owner' | 'admin' | 'member';

/** What the viewer may do to one member, as docs/api.md's roles say (the server checks again and answers 403 otherwise). */
export function allowedOn(viewer: Role | undefined, target: Role, self: boolean): { promote: boolean; demote: boolean; remove: boolean } {
  const admin = viewer === 'owner' || viewer === 'admin';
  if (self) return { promote: false, demote: viewer === 'admin', remove: false };
  return {
    promote: admin && target === 'member',
    demote: viewer === 'owner' && target === 'admin',
    remove: target !== 'owner' && (viewer === 'owner' || (viewer === 'admin' && target === 'member')),
  };
}

/** Whether the viewer may invite: members to public groups, admins to private ones. */
export function mayInvite(viewer: Role | undefined, visibility: 'public' | 'private' | null): boolean {
  if (!viewer) return false;
  return visibility === 'public' || viewer !== 'member';
}
