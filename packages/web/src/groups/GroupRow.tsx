import type { GroupSummary } from '@parley/client';
import type { ReactNode } from 'react';
import { Avatar } from '../common/Avatar';

/** A group in a list: its icon, name, about (or `note`), and the buttons given. */
export function GroupRow({ group, note, children }: { group: GroupSummary; note: string; children: ReactNode }) {
  const name = group.name ?? 'Group';
  return (
    <li>
      <Avatar text={group.icon ?? Array.from(name)[0] ?? '#'} color="var(--accent)" size="sm" />
      <span className="grow">
        <span className="chat-name">{name}</span>
        <br />
        <span className="role">{group.about ? `${group.about} · ${note}` : note}</span>
      </span>
      {children}
    </li>
  );
}
