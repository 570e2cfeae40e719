import type { ParleyClient } from '@parley/client';
import { useEffect, useState } from 'react';
import { useClient } from '../../hooks/useClient';

/** A media item's bytes (or its thumbnail's) with the bearer token, as a blob: the page never puts the token in a URL. */
export async function fetchMediaBlob(client: ParleyClient, id: string, thumbnail: boolean): Promise<Blob> {
  const params = { path: { id } };
  const { data, response } = thumbnail
    ? await client.rest.GET('/media/{id}/thumbnail', { params, parseAs: 'blob' })
    : await client.rest.GET('/media/{id}', { params, parseAs: 'blob' });
  if (!response.ok || !(data instanceof Blob)) throw new Error(`media ${id}: ${response.status}`);
  return data;
}

/** An object URL for a media item while the component shows it (revoked after), or undefined until loaded or if it failed. */
export function useMediaUrl(id: string, thumbnail: boolean): string | undefined {
  const client = useClient();
  const [url, setUrl] = useState<string>();

  useEffect(() => {
    let made: string | undefined;
    let live = true;
    fetchMediaBlob(client, id, thumbnail)
      .then((blob) => {
        if (!live) return;
        made = URL.createObjectURL(blob);
        setUrl(made);
      })
      .catch(() => {});
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [client, id, thumbnail]);
  return url;
}
