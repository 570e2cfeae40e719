import type { User } from '@parley/client';

/** The members matching the typed `@query`, as a list of buttons; choosing one inserts `@Name`. */
export function MentionPicker({ members, query, onPick }: { members: readonly User[]; query: string; onPick: (user: User) => void }) {
  const q = query.toLowerCase();
  const matches = members.filter((u) => u.name.toLowerCase().includes(q) || u.username.toLowerCase().startsWith(q)).slice(0, 8);
  if (matches.length === 0) return null;
  return (
    <ul className="mention-picker" aria-label="Mention someone">
      {matches.map((u) => (
        <li key={u.id}>
          <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => onPick(u)}>
            {u.name} <span className="mention-username">@{u.username}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
