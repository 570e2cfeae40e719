import type { Media } from '@parley/protocol';
import type { Upload } from 'tus-js-client';
import { ParleyError } from './errors.js';
import { apiBase, createRestClient, unwrap, type RestAuth } from './rest.js';
import { bytesSource, shouldRetry, tusAuth, uploadError, type Bytes } from './tusRequests.js';

export interface UploadOptions {
  /** The file name the media keeps (default: a File's own name). */
  name?: string;
  /** The declared MIME type (default: the Blob's type); the server sniffs the bytes either way. */
  type?: string;
  /** Bytes the server has, never decreasing; the last call is `(total, total)`. */
  onProgress?(sent: number, total: number): void;
  /** Aborting rejects with ParleyError `upload.aborted`; what the server has is kept, to resume. */
  signal?: AbortSignal;
  /** Bytes per PATCH (default: all in one; a cut request keeps what arrived, so resuming works either way). */
  chunkSize?: number;
  /**
   * Resuming: the upload URL an earlier attempt at the same data reported through `onUploadUrl`.
   * Only the bytes the server does not have yet are sent; a URL the server no longer knows starts
   * a new upload. Store it (with the file's identity) where it survives a reload to resume then too.
   */
  resumeFrom?: string;
  /**
   * Called when the server has created the upload, with the URL `resumeFrom` takes (not when resuming
   * `resumeFrom` itself; again if the server had forgotten it and a new upload began).
   */
  onUploadUrl?(url: string): void;
  /** Waits between attempts after a network failure, a 5xx or a 429 (tus-js-client's `retryDelays`). */
  retryDelays?: number[];
}

export interface UploadTarget {
  /** The server's origin, as for the REST client. */
  url: string;
  auth: RestAuth;
  data: Blob | Uint8Array;
  fetch?: typeof fetch;
}

type TusOptions = NonNullable<ConstructorParameters<typeof Upload>[1]>;
type Settle = { resolve(mediaId: string): void; reject(err: unknown): void; uploadUrl(): string | null };

/**
 * Uploads media resumably over tus 1.0 (`/api/v1/media/tus`, with tus-js-client, loaded only
 * when the first upload starts) and resolves with the Media, ready for `send(…, { mediaIds })`.
 * Refusals (quota, type, size) reject with their problem's code as a ParleyError.
 */
export async function uploadMedia(opts: UploadTarget & UploadOptions): Promise<Media> {
  if (opts.signal?.aborted) throw aborted();
  const tus = await import('tus-js-client');
  if (opts.signal?.aborted) throw aborted();
  let abort = () => {};
  const mediaId = await new Promise<string>((resolve, reject) => {
    const settle: Settle = { resolve, reject, uploadUrl: () => upload.url };
    // tus-js-client's types name its own sources; tusOptions gives it a fileReader that reads this data.
    const upload = new tus.Upload(opts.data as Blob, tusOptions(opts, settle));
    abort = () => {
      void upload.abort(false);
      reject(aborted());
    };
    opts.signal?.addEventListener('abort', abort, { once: true });
    upload.start();
  }).finally(() => opts.signal?.removeEventListener('abort', abort));
  return describeMedia(opts, mediaId);
}

const aborted = () => new ParleyError({ code: 'upload.aborted', detail: 'the upload was aborted' });

function tusOptions(opts: UploadTarget & UploadOptions, settle: Settle): TusOptions {
  const size = opts.data instanceof Uint8Array ? opts.data.byteLength : opts.data.size;
  const name = opts.name ?? (opts.data as { name?: unknown }).name;
  const type = opts.type ?? (opts.data instanceof Uint8Array ? '' : opts.data.type);
  const auth = tusAuth(opts.auth);
  let reported = opts.resumeFrom;
  let shown = 0;
  const progress = (sent: number) => {
    if (sent <= shown) return;
    shown = sent;
    opts.onProgress?.(sent, size);
  };
  return {
    endpoint: `${apiBase(opts.url)}/media/tus`,
    uploadUrl: opts.resumeFrom ?? null,
    uploadSize: size,
    metadata: { ...(typeof name === 'string' && name ? { filename: name } : {}), ...(type ? { filetype: type } : {}) },
    ...(opts.chunkSize ? { chunkSize: opts.chunkSize } : {}),
    retryDelays: opts.retryDelays ?? [0, 1000, 3000, 5000],
    // Resuming is the caller's (resumeFrom): nothing is fingerprinted or kept in tus-js-client's storage.
    storeFingerprintForResuming: false,
    fileReader: { openFile: async (input: Bytes) => bytesSource(input) },
    onBeforeRequest: auth.beforeRequest,
    onAfterResponse: auth.afterResponse,
    onShouldRetry: (err) => auth.expired(err) || shouldRetry(err),
    onUploadUrlAvailable: () => {
      const url = settle.uploadUrl();
      if (url && url !== reported) opts.onUploadUrl?.((reported = url));
    },
    onProgress: (sent) => progress(sent),
    onSuccess: ({ lastResponse }) => {
      progress(size);
      const id = lastResponse.getHeader('Media-Id');
      if (id) settle.resolve(id);
      else settle.reject(new ParleyError({ code: 'upload.failed', detail: 'the upload finished without a Media-Id' }));
    },
    onError: (err) => settle.reject(uploadError(err)),
  };
}

/** The Media of a finished upload (its last answer carries only `Media-Id`). */
async function describeMedia(opts: UploadTarget, id: string): Promise<Media> {
  const rest = createRestClient({ url: opts.url, auth: opts.auth, ...(opts.fetch ? { fetch: opts.fetch } : {}) });
  return unwrap(await rest.GET('/media/{id}/info', { params: { path: { id } } })).media;
}
