import '../conversation.css';
import type { Media } from '@parley/client';
import { useRef, useState } from 'react';
import { useClient } from '../../hooks/useClient';
import { Lightbox } from './Lightbox';
import { fetchMediaBlob, useMediaUrl } from './useMediaBlob';

const sizeText = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** An image's thumbnail, a button that opens it in the lightbox. */
function ImageThumbnail({ media }: { media: Media }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const url = useMediaUrl(media.id, media.thumbnailUrl !== null);
  const name = media.name ?? 'image';
  return (
    <>
      <button type="button" ref={button} className="thumbnail" onClick={() => setOpen(true)} aria-label={`Open image ${name}`}>
        {url ? <img src={url} alt={name} /> : <span className="thumbnail-loading">Loading image…</span>}
      </button>
      {open && (
        <Lightbox
          media={media}
          onClose={() => {
            setOpen(false);
            button.current?.focus();
          }}
        />
      )}
    </>
  );
}

/** A file: its name and size, and a button that downloads it (fetched with the token, saved under its name). */
function FileDownload({ media }: { media: Media }) {
  const client = useClient();
  const name = media.name ?? 'file';
  const download = async () => {
    const url = URL.createObjectURL(await fetchMediaBlob(client, media.id, false));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };
  return (
    <button type="button" className="file-download" onClick={() => void download().catch(() => {})}>
      <span aria-hidden="true">📄</span> Download {name} <span className="file-size">({sizeText(media.size)})</span>
    </button>
  );
}

/** A message's media, in order. */
export function MediaAttachments({ media }: { media: readonly Media[] }) {
  if (media.length === 0) return null;
  return (
    <div className="attachments">
      {media.map((m) => (m.kind === 'image' ? <ImageThumbnail key={m.id} media={m} /> : <FileDownload key={m.id} media={m} />))}
    </div>
  );
}
