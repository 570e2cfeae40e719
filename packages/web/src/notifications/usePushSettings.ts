import { useCallback, useEffect, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { disableWebPush, enableWebPush, webPushEnabled, webPushSupported, type Previews } from './webPush';

export type DeviceState = 'loading' | 'on' | 'off' | 'denied' | 'unsupported' | 'busy';

/** This browser's push device (on or off) and the account's preview choice, with the calls that change them. */
export function usePushSettings() {
  const client = useClient();
  const [device, setDevice] = useState<DeviceState>('loading');
  const [previews, setPreviews] = useState<Previews>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    const supported = webPushSupported();
    void Promise.all([supported ? webPushEnabled(client) : false, client.push.settings()])
      .then(([on, settings]) => {
        if (!live) return;
        setDevice(!supported ? 'unsupported' : on ? 'on' : Notification.permission === 'denied' ? 'denied' : 'off');
        setPreviews(settings.previews);
      })
      .catch((err: unknown) => live && setError(errorText(err)));
    return () => {
      live = false;
    };
  }, [client]);

  const guarded = useCallback(async (work: () => Promise<void>) => {
    setError(undefined);
    try {
      await work();
    } catch (err) {
      setError(errorText(err));
    }
  }, []);

  const turnOn = () =>
    guarded(async () => {
      setDevice('busy');
      try {
        setDevice((await enableWebPush(client)) === 'enabled' ? 'on' : 'denied');
      } catch (err) {
        setDevice('off');
        throw err;
      }
    });
  const turnOff = () =>
    guarded(async () => {
      setDevice('busy');
      await disableWebPush(client).finally(() => setDevice('off'));
    });
  const choosePreviews = (next: Previews) =>
    guarded(async () => {
      const before = previews;
      setPreviews(next);
      try {
        setPreviews((await client.push.updateSettings({ previews: next })).previews);
      } catch (err) {
        setPreviews(before);
        throw err;
      }
    });

  return { device, previews, error, turnOn, turnOff, choosePreviews };
}
