import type { Message } from '@parley/client';
import { useMediaUrl } from './media/useMediaBlob';

/**
 * A message's link preview, under its text: what the sender's server found at the link. The image
 * comes from Parley (its media URL, with the token), never from the site.
 */
export function LinkPreviewCard({ preview }: { preview: NonNullable<Message['linkPreview']> }) {
  const title = preview.title ?? preview.url;
  return (
    <a className="link-preview" href={preview.url} target="_blank" rel="noopener noreferrer nofollow" aria-label={`Link preview: ${title}`}>
      {preview.image && <PreviewImage mediaId={preview.image.mediaId} />}
      <span className="link-preview-text">
        {preview.siteName && <span className="link-preview-site">{preview.siteName}</span>}
        <span className="link-preview-title">{title}</span>
        {preview.description && <span className="link-preview-description">{preview.description}</span>}
      </span>
    </a>
  );
}

function PreviewImage({ mediaId }: { mediaId: string }) {
  const url = useMediaUrl(mediaId, true);
  return url ? <img className="link-preview-image" src={url} alt="" /> : null;
}
