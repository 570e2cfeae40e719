import type { ParleyClient, PushSettings } from '@parley/client';

export type Previews = PushSettings['previews'];

/** Whether this browser can take Web Push at all (a service worker, the Push API, notifications). */
export function webPushSupported(): boolean {
  return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

const deviceKey = (userId: string) => `parley-web:push-device:${userId}`;

/** The worker at /sw.js, registered (scope /) and active: a subscription needs an active worker. */
async function activeRegistration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register('/sw.js');
  return navigator.serviceWorker.ready;
}

/**
 * Whether pushes come to this browser for this account: a device registered by this session, still on
 * the server's list (a sign-out removes it there), and the browser's permission still given.
 */
export async function webPushEnabled(client: ParleyClient): Promise<boolean> {
  const id = client.userId && window.localStorage.getItem(deviceKey(client.userId));
  if (!id || !webPushSupported() || Notification.permission !== 'granted') return false;
  return (await client.push.list()).some((d) => d.id === id);
}

/** Asks the browser's permission, subscribes and registers the device. 'denied' when the person (or the browser) says no. */
export async function enableWebPush(client: ParleyClient): Promise<'enabled' | 'denied'> {
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const device = await client.push.enableWebPush(await activeRegistration());
  if (client.userId) window.localStorage.setItem(deviceKey(client.userId), device.id);
  return 'enabled';
}

/** Removes the device from the server (also when the browser has lost its subscription) and ends the browser's subscription. */
export async function disableWebPush(client: ParleyClient): Promise<void> {
  const key = client.userId && deviceKey(client.userId);
  const id = key && window.localStorage.getItem(key);
  const registration = await navigator.serviceWorker.getRegistration('/');
  const subscribed = (await registration?.pushManager.getSubscription()) != null;
  if (registration && subscribed) await client.push.disableWebPush(registration);
  else if (id) await client.push.remove(id);
  if (key) window.localStorage.removeItem(key);
}
