import type { PushPlatform } from './devices.js';
import type { PushJob } from './lanes.js';
import type { PushOutcome } from './outcome.js';

/** Delivers one push to one platform's provider and says what became of it; the lanes do the rest (retries, circuit, coalescing). */
export interface PushSender {
  send(job: PushJob): Promise<PushOutcome>;
  /** Closes what it keeps open (the APNs HTTP/2 session). */
  close(): Promise<void>;
}

/** The senders of the platforms this node can push to. */
export type PushSenders = Partial<Record<PushPlatform, PushSender>>;
