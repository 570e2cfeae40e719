import type { Message } from '@parley/client';
import { createContext, useContext } from 'react';

/** What the open conversation's bubbles ask of its composer and list: a reply or an edit to start, a message to show. */
export interface Draft {
  replyTo: Message | undefined;
  editing: Message | undefined;
  /** The message a search result points at, outlined in the list. */
  highlighted: string | undefined;
  reply(message: Message | undefined): void;
  edit(message: Message | undefined): void;
  highlight(messageId: string | undefined): void;
}

export const DraftContext = createContext<Draft | null>(null);

export function useDraft(): Draft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error('useDraft outside <DraftContext.Provider>');
  return draft;
}

/** The element id of a message's list item (a search result scrolls to it). */
export const messageElementId = (messageId: string): string => `message-${messageId}`;
