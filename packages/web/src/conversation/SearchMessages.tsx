import { unwrap, type Message } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { errorText } from '../common/errorText';
import { formatTime } from '../format';
import { useClient } from '../hooks/useClient';
import { useDraft } from './draft';
import { jumpToMessage } from './jumpTo';
import './conversation.css';

/** "Search in this chat": the server's full-text search over this conversation; a result jumps to its message and outlines it. */
export function SearchMessages({
  conversationId,
  nameOf,
  onClose,
}: {
  conversationId: string;
  nameOf: (id: string) => string;
  onClose: () => void;
}) {
  const client = useClient();
  const draft = useDraft();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Message[]>();
  const [note, setNote] = useState<string>();

  const search = async (e: FormEvent) => {
    e.preventDefault();
    if (!q.trim()) return;
    setNote(undefined);
    try {
      const page = unwrap(await client.rest.GET('/messages/search', { params: { query: { q: q.trim(), conversationId } } }));
      setResults(page.messages);
    } catch (err) {
      setNote(errorText(err));
    }
  };
  const open = async (m: Message) => {
    draft.highlight(m.id);
    if (!(await jumpToMessage(client, m).catch(() => false))) setNote('That message is too far back to show here.');
  };

  return (
    <div className="search-messages">
      <form role="search" aria-label="Search in this chat" onSubmit={(e) => void search(e)}>
        <input
          type="search"
          aria-label="Search in this chat"
          placeholder="Search in this chat"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoFocus
        />
        <button type="submit">Search</button>
        <button type="button" onClick={onClose}>
          Close search
        </button>
      </form>
      <p role="status">{note ?? (results && `${results.length} result${results.length === 1 ? '' : 's'}`)}</p>
      {results && results.length > 0 && (
        <ul className="search-results" aria-label="Search results">
          {results.map((m) => (
            <li key={m.id}>
              <button type="button" onClick={() => void open(m)}>
                <span className="result-name">{nameOf(m.senderId)}</span> {m.text}{' '}
                <time dateTime={m.createdAt}>{formatTime(m.createdAt)}</time>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
