import type { Message } from '@parley/client';
import { useMemo, useState } from 'react';
import type { Draft } from './draft';

/** The draft's state for one open conversation: a reply and an edit exclude each other. */
export function useDraftState(): Draft {
  const [replyTo, setReplyTo] = useState<Message>();
  const [editing, setEditing] = useState<Message>();
  const [highlighted, highlight] = useState<string>();
  return useMemo(
    () => ({
      replyTo,
      editing,
      highlighted,
      reply: (m: Message | undefined) => {
        setEditing(undefined);
        setReplyTo(m);
      },
      edit: (m: Message | undefined) => {
        setReplyTo(undefined);
        setEditing(m);
      },
      highlight,
    }),
    [replyTo, editing, highlighted],
  );
}
