import { ParleyError } from './errors.js';
import { unwrap, type RestClient } from './rest.js';

/** What the SDK needs of a browser push subscription (`PushSubscription`). */
export interface PushSubscriptionLike {
  readonly endpoint: string;
  readonly options?: { readonly applicationServerKey: ArrayBuffer | null };
  toJSON(): { endpoint?: string; keys?: Record<string, string> };
  unsubscribe(): Promise<boolean>;
}

/** What the SDK needs of a service worker registration (`ServiceWorkerRegistration`): its push manager. */
export interface PushRegistrationLike {
  readonly pushManager: {
    getSubscription(): Promise<PushSubscriptionLike | null>;
    subscribe(options: { userVisibleOnly: true; applicationServerKey: Uint8Array<ArrayBuffer> }): Promise<PushSubscriptionLike>;
  };
}

export interface PushSettings {
  previews: 'full' | 'name' | 'none';
}

export interface PushDevice {
  id: string;
  platform: 'webpush' | 'fcm' | 'apns' | 'apns-voip';
  createdAt: string;
}

const fromBase64Url = (s: string): Uint8Array<ArrayBuffer> => {
  const binary = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

const sameKey = (a: ArrayBuffer | null | undefined, b: Uint8Array): boolean =>
  a != null && a.byteLength === b.length && new Uint8Array(a).every((byte, i) => byte === b[i]);

/**
 * Push devices of the signed-in session (docs/push.md): Web Push from a service worker
 * registration, or an FCM / APNs token from a native app. A device belongs to the session and
 * goes with it (sign-out, revoke).
 */
export class PushDevices {
  constructor(private readonly rest: RestClient) {}

  /**
   * Subscribes the registration with the server's VAPID key (replacing a subscription made with
   * another key, which could never be delivered to) and registers it: asks the browser's
   * permission if not yet given. Calling it again is harmless (the same device).
   */
  async enableWebPush(registration: PushRegistrationLike): Promise<PushDevice> {
    const { publicKey } = unwrap(await this.rest.GET('/push/vapid-public-key'));
    const key = fromBase64Url(publicKey);
    let subscription = await registration.pushManager.getSubscription();
    if (subscription && subscription.options && !sameKey(subscription.options.applicationServerKey, key)) {
      await subscription.unsubscribe();
      subscription = null;
    }
    subscription ??= await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    return this.registerSubscription(subscription);
  }

  /** Removes this registration's device from the server and ends the browser's subscription. */
  async disableWebPush(registration: PushRegistrationLike): Promise<void> {
    const subscription = await registration.pushManager.getSubscription();
    if (!subscription) return;
    // Registering again is idempotent and names the device this subscription is.
    const device = await this.registerSubscription(subscription);
    await this.remove(device.id);
    await subscription.unsubscribe();
  }

  /** Registers a native app's token (FCM registration token, APNs device token). */
  async registerToken(platform: 'fcm' | 'apns' | 'apns-voip', token: string): Promise<PushDevice> {
    return unwrap(await this.rest.POST('/push/devices', { body: { platform, token } })).device;
  }

  /** The push devices of all your sessions. */
  async list(): Promise<PushDevice[]> {
    return unwrap(await this.rest.GET('/push/devices')).devices;
  }

  async remove(deviceId: string): Promise<void> {
    unwrap(await this.rest.DELETE('/push/devices/{id}', { params: { path: { id: deviceId } } }));
  }

  /** What pushes to your devices show: `previews` 'full' (sender and text), 'name' (sender only) or 'none'. */
  async settings(): Promise<PushSettings> {
    return unwrap(await this.rest.GET('/push/settings'));
  }

  async updateSettings(settings: PushSettings): Promise<PushSettings> {
    return unwrap(await this.rest.PATCH('/push/settings', { body: settings }));
  }

  private async registerSubscription(subscription: PushSubscriptionLike): Promise<PushDevice> {
    const { endpoint, keys } = subscription.toJSON();
    if (!endpoint || !keys?.p256dh || !keys.auth)
      throw new ParleyError({ code: 'client.push_unsupported', detail: 'the push subscription has no endpoint or keys' });
    const body = { platform: 'webpush' as const, subscription: { endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } } };
    return unwrap(await this.rest.POST('/push/devices', { body })).device;
  }
}
