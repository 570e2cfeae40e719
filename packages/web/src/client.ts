import { createParleyClient, webStorage, type ParleyClient } from '@parley/client';

/**
 * A client on this page's origin (the server that serves this app) keeping its session, cursor and
 * outbox in localStorage, so a reload stays signed in and unsent messages survive it. The tabs of
 * one browser share that storage (see docs/client.md, "Tabs").
 */
export function createWebClient(): ParleyClient {
  return createParleyClient({ url: window.location.origin, storage: webStorage() });
}

/** The browser knows it is offline before a ping times out: go offline at once, and back when the network returns. */
export function followBrowserNetwork(client: ParleyClient): () => void {
  const offline = () => client.disconnect();
  const online = () => client.connect();
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return () => {
    window.removeEventListener('offline', offline);
    window.removeEventListener('online', online);
  };
}

/** One id per browser: signing in again here replaces this browser's session instead of adding one. */
export function deviceId(): string {
  const key = 'parley-web:device';
  const known = window.localStorage.getItem(key);
  if (known) return known;
  const id = crypto.randomUUID();
  window.localStorage.setItem(key, id);
  return id;
}
