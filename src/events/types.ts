/** Names of the server → client events that are stored in the event log and replayed by sync. */
export type StoredEventType =
  | 'message:new'
  | 'message:updated'
  | 'message:deleted'
  | 'message:status'
  | 'reaction:updated'
  | 'conversation:created'
  | 'conversation:updated'
  | 'group:member-joined'
  | 'group:member-left'
  | 'group:member-updated'
  | 'invitation:new'
  | 'keys:identity-changed';

/** What a command records; `userId` makes it private to that user, else it goes to the conversation. */
export interface EventDraft {
  type: StoredEventType;
  conversationId?: string | null;
  userId?: string | null;
  messageId?: string | null;
  payload: Record<string, unknown>;
  origin?: string | null;
}

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
}

/** The shape clients see in a live emit and in `sync:request`. */
export const wirePayload = (e: StoredEvent) => ({ ...e.payload, eventId: e.id });
