import type { User } from '@parley/client';
import { Avatar } from '../common/Avatar';
import { ReportUserButton } from '../reports/ReportUserButton';
import { allowedOn, type Role } from './roles';

export interface Member {
  user: User;
  role: Role;
}

interface Props {
  member: Member;
  viewer: Role | undefined;
  self: boolean;
  onRole: (role: 'admin' | 'member') => void;
  onRemove: () => void;
}

/** One member: name, role, the actions the viewer's role allows on them, and "Report <name>" (anyone else). */
export function MemberRow({ member, viewer, self, onRole, onRemove }: Props) {
  const { user, role } = member;
  const may = allowedOn(viewer, role, self);
  return (
    <li>
      <Avatar text={user.initials} color={user.avatarColor} size="sm" />
      <span className="grow">
        {self ? `${user.name} (you)` : user.name} <span className="role">{role}</span>
      </span>
      {may.promote && (
        <button type="button" className="text-button" onClick={() => onRole('admin')}>
          Make {user.name} admin
        </button>
      )}
      {may.demote && (
        <button type="button" className="text-button" onClick={() => onRole('member')}>
          {self ? 'Step down as admin' : `Make ${user.name} a member`}
        </button>
      )}
      {may.remove && (
        <button type="button" className="text-button danger" onClick={onRemove}>
          Remove {user.name}
        </button>
      )}
      {!self && <ReportUserButton user={user} variant="text" />}
    </li>
  );
}
