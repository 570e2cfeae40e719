import type { User } from '@parley/client';
import { splitMentions } from './mentions';

/** A bubble's text, with the `@Name` of each person it mentions highlighted. */
export function MessageText({ text, mentionIds, members }: { text: string; mentionIds: readonly string[]; members: readonly User[] }) {
  const names = members.filter((u) => mentionIds.includes(u.id)).map((u) => u.name);
  return (
    <span className="text">
      {splitMentions(text, names).map((part, i) =>
        part.mention ? (
          <mark key={i} className="mention">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </span>
  );
}
