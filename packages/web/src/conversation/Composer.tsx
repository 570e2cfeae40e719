import { type Message, type ParleyClient } from '@parley/client';
import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { errorText } from '../common/errorText';
import { SendIcon } from '../common/icons';
import { useClient } from '../hooks/useClient';
import { useTypingSignal } from './useTypingSignal';

/**
 * The acked message into the open window at once, if the stream has not brought it yet: between the
 * ack (the send leaves the outbox) and its echo on the stream it would otherwise vanish for a moment.
 */
function showStored(client: ParleyClient, message: Message): void {
  const { messages } = client.store.messages(message.conversationId);
  if (!messages.some((m) => m.seq === message.seq)) client.store.putMessages(message.conversationId, [message], undefined);
}

/** "Message" and "Send": a send goes into the SDK's outbox (stored first), so it waits out being offline. Enter sends. */
export function Composer({ conversationId }: { conversationId: string }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [refused, setRefused] = useState<string>();
  const typing = useTypingSignal(conversationId);

  useEffect(
    () => client.on('sendFailed', (send, reason) => send.conversationId === conversationId && setRefused(`Not sent: ${errorText(reason)}`)),
    [client, conversationId],
  );

  function send(event?: FormEvent) {
    event?.preventDefault();
    const body = text.trim();
    if (!body) return;
    setRefused(undefined);
    client
      .send(conversationId, { text: body })
      .then((message) => showStored(client, message))
      .catch(() => {});
    setText('');
    typing.stop();
  }

  const enterSends = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) send(e);
  };

  return (
    <form className="composer" onSubmit={send}>
      <p role="alert" className="error">
        {refused}
      </p>
      <textarea
        aria-label="Message"
        placeholder="Message"
        rows={1}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          typing.changed(e.target.value);
        }}
        onKeyDown={enterSends}
      />
      <button type="submit" className="send" disabled={!text.trim()} title="Send">
        <SendIcon />
        <span className="visually-hidden">Send</span>
      </button>
    </form>
  );
}
