import { ParleyError } from '@parley/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from '../../common/errorText';
import { useClient } from '../../hooks/useClient';

export interface UploadItem {
  key: string;
  name: string;
  sent: number;
  total: number;
  /** Why it stopped (a refusal or the network); shown until dismissed. */
  error?: string;
}

/**
 * Files going up through the SDK's resumable upload (tus), each then sent as a media message. Cancel
 * aborts one; leaving the chat aborts them all.
 */
export function useUploads(conversationId: string) {
  const client = useClient();
  const [items, setItems] = useState<UploadItem[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const patch = useCallback((key: string, change: Partial<UploadItem> | null) => {
    setItems((list) => (change ? list.map((i) => (i.key === key ? { ...i, ...change } : i)) : list.filter((i) => i.key !== key)));
  }, []);

  const add = useCallback(
    (files: Iterable<File>) => {
      for (const file of files) {
        const key = crypto.randomUUID();
        const controller = new AbortController();
        controllers.current.set(key, controller);
        setItems((list) => [...list, { key, name: file.name, sent: 0, total: file.size }]);
        const onProgress = (sent: number, total: number) => patch(key, { sent, total });
        client
          .upload(file, { signal: controller.signal, onProgress })
          .then((media) => client.send(conversationId, { mediaIds: [media.id] }))
          .then(() => patch(key, null))
          .catch((err: unknown) => {
            if (err instanceof ParleyError && err.code === 'upload.aborted') patch(key, null);
            else patch(key, { error: errorText(err) });
          })
          .finally(() => controllers.current.delete(key));
      }
    },
    [client, conversationId, patch],
  );

  const cancel = useCallback(
    (key: string) => {
      controllers.current.get(key)?.abort();
      patch(key, null);
    },
    [patch],
  );

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);
  return { items, add, cancel };
}
