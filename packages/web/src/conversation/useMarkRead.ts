import type { Conversation } from '@parley/client';
import { useEffect, useRef, useState } from 'react';
import { useClient } from '../hooks/useClient';
import { useConnection } from '../hooks/useConnection';
import { useVisible } from '../hooks/useVisible';

/**
 * Reads the open conversation while the page is in view: its newest message, whenever one arrives
 * that was not read yet. Once per newer message: what the server acked as read is not asked again.
 */
export function useMarkRead(conversation: Conversation | undefined): void {
  const client = useClient();
  const visible = useVisible();
  const connection = useConnection();
  const readUpTo = useRef(0);
  const busy = useRef(false);
  const [done, setDone] = useState(0);
  const id = conversation?.id;
  const unread = conversation?.unreadCount ?? 0;
  const lastSeq = conversation?.lastSeq ?? 0;

  useEffect(() => {
    if (!id || !visible || unread === 0 || lastSeq <= readUpTo.current || busy.current) return;
    busy.current = true;
    client
      .markRead(id)
      .then((read) => {
        readUpTo.current = Math.max(readUpTo.current, read.lastReadSeq);
        setDone((n) => n + 1);
      })
      .catch(() => {})
      .finally(() => {
        busy.current = false;
      });
  }, [client, id, visible, unread, lastSeq, connection, done]);
}
