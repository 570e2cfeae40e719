import { useCallback, useEffect, useRef } from 'react';
import { useClient } from '../hooks/useClient';

/** typing:start again this often while typing goes on: others' stores forget a typing after 6 s. */
const RENEW_MS = 3_000;
/** A pause this long ends it. */
const IDLE_MS = 4_000;

/** Tells the conversation when this person types (and stops: on a pause, a send, an empty box, leaving the chat). */
export function useTypingSignal(conversationId: string): { changed: (text: string) => void; stop: () => void } {
  const client = useClient();
  const state = useRef<{ since: number; idle?: ReturnType<typeof setTimeout> }>({ since: 0 });

  const stop = useCallback(() => {
    clearTimeout(state.current.idle);
    if (state.current.since === 0) return;
    state.current.since = 0;
    client.setTyping(conversationId, false);
  }, [client, conversationId]);

  const changed = useCallback(
    (text: string) => {
      if (!text.trim()) return stop();
      const now = Date.now();
      if (now - state.current.since > RENEW_MS) {
        state.current.since = now;
        client.setTyping(conversationId, true);
      }
      clearTimeout(state.current.idle);
      state.current.idle = setTimeout(stop, IDLE_MS);
    },
    [client, conversationId, stop],
  );

  useEffect(() => stop, [stop]);
  return { changed, stop };
}
