import type { ServerPayload, StoredEventType, StoredPayload } from '@parley/protocol';

interface DraftFields {
  conversationId?: string | null;
  userId?: string | null;
  messageId?: string | null;
  origin?: string | null;
  /** Conversation events: users it is withheld from, known when it is recorded (see `StoredEvent.hiddenFrom`). */
  hiddenFrom?: string[] | null;
}

/**
 * What a command records; `userId` makes it private to that user, else it goes to the
 * conversation. Its payload is the protocol's for its type, checked here at compile time: what
 * is stored is what clients are promised.
 */
export type EventDraft = { [E in StoredEventType]: DraftFields & { type: E; payload: StoredPayload<E> } }[StoredEventType];

export interface StoredEvent {
  id: number;
  type: StoredEventType;
  conversationId: string | null;
  userId: string | null;
  messageId: string | null;
  payload: Record<string, unknown>;
  origin: string | null;
  /** Users its live emit to the conversation leaves out (see `withholdFromNonReaders`); never on the wire. */
  hiddenFrom: string[] | null;
  /**
   * When it was written (its transaction's start, by the database clock, in ms since the epoch):
   * set by `readRange` only, for the emitter's lag metric.
   */
  createdAtMs?: number;
}

/**
 * The shape clients see in a live emit and in `sync:request`. Read back from the log, a payload
 * is what an `EventDraft` of its type wrote (typed by the protocol), so it is that type's payload.
 */
export const wirePayload = (e: StoredEvent) => ({ ...e.payload, eventId: e.id }) as ServerPayload<StoredEventType>;
