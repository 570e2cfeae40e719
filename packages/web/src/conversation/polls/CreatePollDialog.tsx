import { useState, type FormEvent } from 'react';
import { Dialog } from '../../common/Dialog';
import { useClient } from '../../hooks/useClient';

/** Most options a poll has (the server's limit, MAX_POLL_OPTIONS). */
const MAX_OPTIONS = 12;

/**
 * The dialog "Create poll": a question, 2 to 12 options, "Allow multiple answers", "Anonymous", then "Send poll".
 * The poll goes through the outbox like any message (`send(id, { poll })`), so it waits out being offline.
 */
export function CreatePollDialog(props: { conversationId: string; onClose: () => void }) {
  const { conversationId, onClose } = props;
  const client = useClient();
  const [question, setQuestion] = useState('');
  const [options, setOptions] = useState(['', '']);
  const [multipleChoice, setMultipleChoice] = useState(false);
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string>();

  const setOption = (i: number, text: string) => setOptions((o) => o.map((x, j) => (j === i ? text : x)));

  function submit(e: FormEvent) {
    e.preventDefault();
    e.stopPropagation(); // React bubbles it through the portal to the composer's form otherwise
    const filled = options.map((o) => o.trim()).filter(Boolean);
    if (!question.trim()) return setError('Write a question.');
    if (filled.length < 2) return setError('Give at least two options.');
    // A refusal is told by the composer (the SDK's sendFailed), like any other send.
    void client.send(conversationId, { poll: { question: question.trim(), options: filled, multipleChoice, anonymous } }).catch(() => {});
    onClose();
  }

  return (
    <Dialog title="Create poll" className="sheet poll-dialog" onClose={onClose}>
      <form onSubmit={submit}>
        <label className="poll-field">
          Question
          <input type="text" value={question} maxLength={300} onChange={(e) => setQuestion(e.target.value)} />
        </label>
        {options.map((o, i) => (
          <label key={i} className="poll-field">
            Option {i + 1}
            <input type="text" value={o} maxLength={100} onChange={(e) => setOption(i, e.target.value)} />
          </label>
        ))}
        {options.length < MAX_OPTIONS && (
          <button type="button" className="text-button" onClick={() => setOptions((o) => [...o, ''])}>
            Add option
          </button>
        )}
        <label className="poll-check">
          <input type="checkbox" checked={multipleChoice} onChange={(e) => setMultipleChoice(e.target.checked)} />
          Allow multiple answers
        </label>
        <label className="poll-check">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          Anonymous
        </label>
        <p role="alert" className="error">
          {error}
        </p>
        <div className="sheet-actions">
          <button type="submit" className="primary">
            Send poll
          </button>
        </div>
      </form>
    </Dialog>
  );
}
