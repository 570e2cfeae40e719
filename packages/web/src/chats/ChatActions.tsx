import type { Conversation } from '@parley/client';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';

/**
 * "Chat options for <name>": a small menu with "Pin chat" / "Unpin chat" and "Archive chat" /
 * "Unarchive chat" (`client.conversations.updateSettings`; the store, and so the list, follows).
 * Escape or a choice closes it and focus returns to the button.
 */
export function ChatActions({ conversation: c, title }: { conversation: Conversation; title: string }) {
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector('button')?.focus();
    const outside = (e: PointerEvent) => {
      if (!menu.current?.contains(e.target as Node) && e.target !== button.current) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const change = (patch: { isPinned?: boolean; isArchived?: boolean }) => {
    close();
    setError(undefined);
    client.conversations.updateSettings(c.id, patch).catch((err: unknown) => setError(errorText(err)));
  };

  return (
    <div className="chat-actions">
      <button
        ref={button}
        type="button"
        className="chat-actions-button"
        aria-label={`Chat options for ${title}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        ⋮
      </button>
      {open && (
        <div ref={menu} className="chat-actions-menu" onKeyDown={(e) => e.key === 'Escape' && close()}>
          <button type="button" onClick={() => change({ isPinned: !c.isPinned })}>
            {c.isPinned ? 'Unpin chat' : 'Pin chat'}
          </button>
          <button type="button" onClick={() => change({ isArchived: !c.isArchived })}>
            {c.isArchived ? 'Unarchive chat' : 'Archive chat'}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </div>
  );
}
