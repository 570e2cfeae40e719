import { useEffect } from 'react';
import { useClient } from '../hooks/useClient';
import { useConnection } from '../hooks/useConnection';

const PAUSE_MS = 300;

/**
 * While the app is open and in sync: a notification the service worker shows for a chat (its tag is
 * the conversation id) is closed once that chat has nothing unread, whether it was read here or on
 * another device (the store hears the read either way). Asked again a moment after each store change.
 */
export function useCloseReadNotifications(): void {
  const client = useClient();
  const online = useConnection() === 'online';

  useEffect(() => {
    if (!online || !('serviceWorker' in navigator)) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sweep = async () => {
      const registration = await navigator.serviceWorker.getRegistration('/');
      if (!registration) return;
      for (const n of await registration.getNotifications()) {
        const chat = n.tag ? client.store.conversation(n.tag) : undefined;
        if (chat && chat.unreadCount === 0) n.close();
      }
    };
    const soon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void sweep().catch(() => undefined), PAUSE_MS);
    };
    soon();
    const off = client.store.subscribe(soon);
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [client, online]);
}
