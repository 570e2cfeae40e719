import type { Message } from '@parley/client';
import { useState, type FormEvent } from 'react';
import { lookOf, previewOf } from '../chats/look';
import { Dialog } from '../common/Dialog';
import { errorText } from '../common/errorText';
import { useClient } from '../hooks/useClient';
import { useStore } from '../hooks/useStore';

/** Most chats one forward goes to (the server's limit). */
const MAX_TARGETS = 10;

/** Why the server refused one target, in words. */
const refusal: Record<string, string> = {
  'user.blocked': 'blocked',
  'conversation.not_found': 'you are not in this chat',
  rate_limited: 'too many messages, try again later',
};

/**
 * The dialog "Forward": the chats to send a copy to (up to 10), then "Forward" (POST /messages/:id/forward). Each chat is
 * answered alone; the ones refused are listed with why, the others are sent.
 */
export function ForwardDialog(props: { message: Message; onClose: () => void }) {
  const { message, onClose } = props;
  const client = useClient();
  const chats = useStore((store) => store.conversations());
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [refused, setRefused] = useState<string[]>();

  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(0, MAX_TARGETS)));
  const titleOf = (id: string) => {
    const c = chats.find((x) => x.id === id);
    return c ? lookOf(c).title : 'a chat';
  };

  async function forward(e: FormEvent) {
    e.preventDefault();
    if (chosen.length === 0) return setError('Pick at least one chat.');
    setBusy(true);
    setError(undefined);
    try {
      const results = await client.messages.forward(message.id, chosen);
      const failed = results.flatMap((r) =>
        'error' in r ? [`${titleOf(r.conversationId)}: ${refusal[r.error.code] ?? r.error.message}`] : [],
      );
      if (failed.length === 0) onClose();
      else setRefused(failed);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog title="Forward" className="sheet forward-dialog" onClose={onClose}>
      <p className="forward-subject">{previewOf(message)}</p>
      {refused ? (
        <>
          <p role="status">Not forwarded to:</p>
          <ul className="forward-refused">
            {refused.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div className="sheet-actions">
            <button type="button" className="primary" onClick={onClose}>
              Done
            </button>
          </div>
        </>
      ) : (
        <form onSubmit={(e) => void forward(e)}>
          <fieldset className="forward-chats" disabled={busy}>
            <legend>Chats (up to {MAX_TARGETS})</legend>
            {chats.map((c) => (
              <label key={c.id}>
                <input type="checkbox" checked={chosen.includes(c.id)} onChange={() => toggle(c.id)} />
                {lookOf(c).title}
              </label>
            ))}
          </fieldset>
          <p role="alert" className="error">
            {error}
          </p>
          <div className="sheet-actions">
            <button type="submit" className="primary" disabled={busy}>
              Forward
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
