import type { Conversation } from '@parley/client';
import { useEffect, useState } from 'react';
import { previewOf } from '../chats/look';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';

/**
 * Under the header, the chat's pinned messages ("Pinned message", the latest first): one at a time, the next one on a
 * click when there are more. Loaded when the chat opens, then kept by message:pinned / message:unpinned.
 */
export function PinnedBar({ conversation }: { conversation: Conversation }) {
  const client = useClient();
  const pins = useStore((store) => store.pins(conversation.id));
  const [at, setAt] = useState(0);

  useEffect(() => {
    client.messages.pins(conversation.id).catch(() => {});
  }, [client, conversation.id]);

  if (pins.length === 0) return null;
  const shown = pins[at % pins.length]!;
  const text = shown.message ? previewOf(shown.message) : 'A pinned message';
  return (
    <aside className="pinned-bar" aria-label="Pinned messages">
      <button type="button" className="pinned-next" onClick={() => setAt((i) => (i + 1) % pins.length)} title="Next pinned message">
        <span className="pinned-label">
          {pins.length > 1 ? `Pinned message ${(at % pins.length) + 1} of ${pins.length}` : 'Pinned message'}
        </span>
        <span className="pinned-text">{text}</span>
      </button>
    </aside>
  );
}
