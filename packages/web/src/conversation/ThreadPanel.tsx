import type { Message } from '@parley/client';
import { useEffect, useState, type FormEvent } from 'react';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errorText';
import { formatTime } from '../format';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';
import { repliesLabel } from './threadContext';

/**
 * The dialog "Thread": the root, its replies (the latest page, then live from the store) in the list "Replies",
 * and a box "Reply in thread" that sends with `threadRootId`. Opening it (and each new reply while open) reads the thread.
 */
export function ThreadPanel(props: { root: Message; nameOf: (userId: string) => string; onClose: () => void }) {
  const { root, nameOf, onClose } = props;
  const client = useClient();
  const replies = useStore((store) => store.thread(root.conversationId, root.id));
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();

  useEffect(() => {
    client.messages.thread(root.id, { limit: 100 }).catch((err: unknown) => setError(errorText(err)));
  }, [client, root.id]);
  const last = replies.at(-1)?.seq;
  useEffect(() => {
    if (last !== undefined) client.messages.readThread(root.id, last).catch(() => {});
  }, [client, root.id, last]);

  function send(e: FormEvent) {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    setText('');
    client.send(root.conversationId, { text: body, threadRootId: root.id }).catch((err: unknown) => setError(errorText(err)));
  }

  return (
    <Dialog title="Thread" className="sheet thread-panel" onClose={onClose}>
      <p className="thread-root">
        <strong>{nameOf(root.senderId)}</strong>: {root.deletedAt ? 'This message was deleted' : root.text}
      </p>
      <p className="thread-count">{repliesLabel(root.thread?.replyCount ?? 0)}</p>
      <ul className="thread-replies" aria-label="Replies">
        {replies.map((m) => (
          <li key={m.id}>
            <strong>{nameOf(m.senderId)}</strong>: {m.deletedAt ? 'This message was deleted' : m.text}{' '}
            <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
          </li>
        ))}
      </ul>
      <p role="alert" className="error">
        {error}
      </p>
      {!root.deletedAt && (
        <form className="thread-composer" onSubmit={send}>
          <input aria-label="Reply in thread" value={text} onChange={(e) => setText(e.target.value)} placeholder="Reply in thread" />
          <button type="submit" className="primary">
            Send
          </button>
        </form>
      )}
    </Dialog>
  );
}
