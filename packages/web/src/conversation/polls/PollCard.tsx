import type { Message, Poll } from '@parley/client';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { errorText } from '../../common/errorText';
import { useClient } from '../../hooks/useClient';
import { useStore } from '../../hooks/useStore';

const votesLabel = (n: number) => (n === 1 ? '1 vote' : `${n} votes`);

/**
 * A poll message: its question, the options (radio buttons, or checkboxes when several answers are allowed) with
 * their live counts (the store applies `poll:updated`), "Vote", and "Close poll" for its author. Closed: "Poll closed".
 */
export function PollCard({ message, poll }: { message: Message; poll: Poll }) {
  const client = useClient();
  const name = useId();
  const myVote = useStore((store) => store.myVote(message));
  const [chosen, setChosen] = useState<string[]>(myVote ?? []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const mine = message.senderId === client.userId;

  // An anonymous poll names no voters: ask the server once for this user's own vote.
  useEffect(() => {
    if (poll.anonymous && myVote === undefined) void client.getPoll(message.id).catch(() => {});
  }, [client, message.id, poll.anonymous, myVote]);
  const known = myVote?.join();
  useEffect(() => setChosen(known ? known.split(',') : []), [known]);

  const toggle = (id: string) => setChosen((c) => (poll.multipleChoice ? (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]) : [id]));

  async function run(action: () => Promise<unknown>) {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }
  const vote = (e: FormEvent) => {
    e.preventDefault();
    void run(() => client.vote(message.id, chosen));
  };

  return (
    <form className="poll" onSubmit={vote} aria-labelledby={`${name}-q`}>
      <fieldset disabled={busy || poll.closed}>
        <legend id={`${name}-q`} className="poll-question">
          {poll.question}
        </legend>
        {poll.options.map((o) => (
          <label key={o.id} className="poll-option">
            <input
              type={poll.multipleChoice ? 'checkbox' : 'radio'}
              name={name}
              checked={chosen.includes(o.id)}
              onChange={() => toggle(o.id)}
            />
            <span className="poll-option-text">{o.text}</span>
            <span className="poll-votes">{votesLabel(o.votes)}</span>
          </label>
        ))}
      </fieldset>
      <p className="poll-meta">
        {poll.multipleChoice ? 'Multiple answers' : 'One answer'}
        {poll.anonymous && ' · Anonymous'} · {poll.voterCount === 1 ? '1 voter' : `${poll.voterCount} voters`}
      </p>
      {poll.closed ? (
        <p className="poll-closed">Poll closed</p>
      ) : (
        <div className="poll-actions">
          <button type="submit" className="primary" disabled={busy || chosen.length === 0}>
            Vote
          </button>
          {mine && (
            <button type="button" className="text-button" disabled={busy} onClick={() => void run(() => client.closePoll(message.id))}>
              Close poll
            </button>
          )}
        </div>
      )}
      <p role="alert" className="error">
        {error}
      </p>
    </form>
  );
}
