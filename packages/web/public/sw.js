// The service worker of the Parley web client (served at /sw.js, scope /): it shows a push as a
// notification (docs/push.md, "What a device receives") and opens its chat when clicked.
// Plain JavaScript: it is served as it is, outside the Vite bundle, so its URL stays /sw.js.
/* global self, URL */

self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  event.waitUntil(showPush(event.data));
});

/** A payload that is not our JSON still wakes the user: a push that shows nothing is one browsers penalise. */
async function showPush(data) {
  let p;
  try {
    p = data ? data.json() : {};
  } catch {
    p = {};
  }
  const options = { data: { conversationId: p.conversationId }, icon: '/favicon.svg' };
  if (typeof p.body === 'string') options.body = p.body;
  // One notification per chat: a newer message replaces the one shown.
  if (typeof p.conversationId === 'string') {
    options.tag = p.conversationId;
    options.renotify = true;
  }
  await self.registration.showNotification(typeof p.title === 'string' ? p.title : 'New message', options);
}

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const id = event.notification.data && event.notification.data.conversationId;
  event.waitUntil(openChat(id ? `/chat/${encodeURIComponent(id)}` : '/'));
});

/** Focuses a tab of the app (taking it to the chat) or opens one. */
async function openChat(path) {
  const url = new URL(path, self.location.origin).href;
  const tabs = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const tab = tabs.find((c) => new URL(c.url).origin === self.location.origin);
  if (!tab) return self.clients.openWindow(url);
  const focused = await tab.focus();
  return focused.url === url ? focused : focused.navigate(url);
}
