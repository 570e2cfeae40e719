import type { Media } from '@parley/client';
import { useEffect, useRef } from 'react';
import { useMediaUrl } from './useMediaBlob';

/** The image at full size in a modal dialog; Escape or "Close" closes it and focus goes back to the thumbnail (the dialog's own). */
export function Lightbox({ media, onClose }: { media: Media; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const url = useMediaUrl(media.id, false);
  const name = media.name ?? 'Image';

  useEffect(() => {
    // No close() on cleanup: its close event comes later, and would shut the dialog a remount (StrictMode) opened again.
    // Unmounting removes the element, which ends the modal state anyway.
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  return (
    <dialog ref={dialog} className="lightbox" aria-label={name} onClose={onClose} onClick={(e) => e.target === dialog.current && onClose()}>
      <div className="lightbox-bar">
        <span>{name}</span>
        <button type="button" className="icon-button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      {url ? <img src={url} alt={name} width={media.width ?? undefined} height={media.height ?? undefined} /> : <p>Loading…</p>}
    </dialog>
  );
}
