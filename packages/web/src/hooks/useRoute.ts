import { useSyncExternalStore } from 'react';

const CHAT_PATH = /^\/chat\/([^/]+)$/;
const NAVIGATED = 'parley:navigate';

/** Opens a chat (or the list, with undefined) as a page of its own: /chat/:id, so back and reload work. */
export function navigate(conversationId: string | undefined, opts: { replace?: boolean } = {}): void {
  const path = conversationId ? `/chat/${encodeURIComponent(conversationId)}` : '/';
  if (path === window.location.pathname) return;
  if (opts.replace) window.history.replaceState(null, '', path);
  else window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATED));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATED, onChange);
  };
}

/** The open chat's id from the address, and the function that opens another. */
export function useOpenChat(): [string | undefined, (conversationId: string | undefined) => void] {
  const path = useSyncExternalStore(subscribe, () => window.location.pathname);
  const match = CHAT_PATH.exec(path);
  return [match ? decodeURIComponent(match[1]!) : undefined, navigate];
}
