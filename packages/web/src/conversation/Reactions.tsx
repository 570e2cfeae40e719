import type { Message } from '@parley/client';
import { useClient } from '../hooks/useClient';
import { toggleReaction } from './messageOps';

/** The reactions under a bubble, one chip per emoji with its count; pressing one sets or takes back your own. */
export function Reactions({ message }: { message: Message }) {
  const client = useClient();
  if (message.reactions.length === 0) return null;
  const counts = new Map<string, { count: number; mine: boolean }>();
  for (const r of message.reactions) {
    const c = counts.get(r.emoji) ?? { count: 0, mine: false };
    counts.set(r.emoji, { count: c.count + 1, mine: c.mine || r.userId === client.userId });
  }
  return (
    <ul className="reactions" aria-label="Reactions">
      {[...counts].map(([emoji, { count, mine }]) => (
        <li key={emoji}>
          <button
            type="button"
            className="reaction"
            aria-pressed={mine}
            aria-label={`${emoji} ${count}${mine ? ', yours' : ''}`}
            onClick={() => void toggleReaction(client, message, emoji).catch(() => {})}
          >
            {emoji} {count}
          </button>
        </li>
      ))}
    </ul>
  );
}
