import type { User } from '@parley/client';
import { Avatar } from '../common/Avatar';

/** The user's uploaded avatar (`avatarUrl`, a same-origin image), else their initials on their colour. Decorative. */
export function ProfileAvatar({ user }: { user: User }) {
  if (user.avatarUrl) return <img className="avatar-img" src={user.avatarUrl} alt="" />;
  return <Avatar text={user.initials} color={user.avatarColor} />;
}
