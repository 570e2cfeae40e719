import type { Message, ParleyClient, User } from '@parley/client';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { useDraft } from './draft';
import { editText } from './messageOps';
import { mentionedIds, mentionQuery } from './mentions';
import { useTypingSignal } from './useTypingSignal';

/**
 * The acked message into the open window at once, if the stream has not brought it yet: between the
 * ack (the send leaves the outbox) and its echo on the stream it would otherwise vanish for a moment.
 */
function showStored(client: ParleyClient, message: Message): void {
  const { messages } = client.store.messages(message.conversationId);
  if (!messages.some((m) => m.seq === message.seq)) client.store.putMessages(message.conversationId, [message], undefined);
}

/** The composer's text and what sending it does: a new message (a reply, with its mentions) into the outbox, or an edit. */
export function useComposer(conversationId: string, setRefused: (why: string | undefined) => void) {
  const client = useClient();
  const draft = useDraft();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const chosen = useRef<User[]>([]);
  const box = useRef<HTMLTextAreaElement>(null);
  const typing = useTypingSignal(conversationId);
  const { editing, replyTo } = draft;

  // An edit starting takes the message's text into the box (set while rendering: React's pattern for state that follows a prop).
  const [editingId, setEditingId] = useState<string>();
  if (editing?.id !== editingId) {
    setEditingId(editing?.id);
    if (editing) setText(editing.text ?? '');
  }
  useEffect(() => {
    if (editing || replyTo) box.current?.focus();
  }, [editing, replyTo]);

  const change = (value: string, at: number) => {
    setText(value);
    setCaret(at);
    if (!editing) typing.changed(value);
  };

  const pickMention = (user: User) => {
    const q = mentionQuery(text, caret);
    if (!q) return;
    const inserted = `@${user.name} `;
    chosen.current.push(user);
    change(text.slice(0, q.start) + inserted + text.slice(caret), q.start + inserted.length);
    box.current?.focus();
  };

  const send = () => {
    const body = text.trim();
    if (!body) return;
    setRefused(undefined);
    const userIds = mentionedIds(body, chosen.current);
    if (editing) {
      editText(client, editing.id, body, userIds.length > 0 ? userIds : undefined).catch((err: unknown) =>
        setRefused(`Not edited: ${errorText(err)}`),
      );
      draft.edit(undefined);
    } else {
      const input = { text: body, ...(replyTo && { replyToId: replyTo.id }), ...(userIds.length > 0 && { mentions: { userIds } }) };
      client
        .send(conversationId, input)
        .then((message) => showStored(client, message))
        .catch(() => {});
      draft.reply(undefined);
      typing.stop();
    }
    chosen.current = [];
    setText('');
  };

  return { text, box, change, moveCaret: setCaret, send, pickMention, mention: mentionQuery(text, caret) };
}
