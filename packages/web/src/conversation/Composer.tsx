import './conversation.css';
import type { User } from '@parley/client';
import { useEffect, useState, type DragEvent, type FormEvent, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { errorText } from '../common/errorText';
import { SendIcon } from '../common/icons';
import { useClient } from '../hooks/useClient';
import { useDraft } from './draft';
import { AttachButton } from './media/AttachButton';
import { UploadList } from './media/UploadList';
import { useUploads } from './media/useUploads';
import { MentionPicker } from './MentionPicker';
import { CreatePollDialog } from './polls/CreatePollDialog';
import { ReplyPreview } from './ReplyPreview';
import { useComposer } from './useComposer';

interface ComposerProps {
  conversationId: string;
  /** Who `@` offers (groups only; empty elsewhere). */
  mentionable: readonly User[];
  nameOf: (userId: string) => string;
}

/** "Message" and "Send": a send goes into the SDK's outbox (stored first), so it waits out being offline. Enter sends. */
export function Composer({ conversationId, mentionable, nameOf }: ComposerProps) {
  const client = useClient();
  const draft = useDraft();
  const [refused, setRefused] = useState<string>();
  const { text, box, change, moveCaret, send, pickMention, mention } = useComposer(conversationId, setRefused);
  const uploads = useUploads(conversationId);
  const [pollOpen, setPollOpen] = useState(false);

  useEffect(
    () => client.on('sendFailed', (send, reason) => send.conversationId === conversationId && setRefused(`Not sent: ${errorText(reason)}`)),
    [client, conversationId],
  );

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    send();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
    if (e.key === 'Escape' && draft.editing) draft.edit(undefined);
    else if (e.key === 'Escape' && draft.replyTo) draft.reply(undefined);
  };
  const onDrop = (e: DragEvent<HTMLFormElement>) => {
    if (e.dataTransfer.files.length === 0) return;
    e.preventDefault();
    uploads.add([...e.dataTransfer.files]);
  };

  return (
    <form className="composer" onSubmit={submit} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
      <p role="alert" className="error">
        {refused}
      </p>
      <ReplyPreview nameOf={nameOf} />
      <UploadList items={uploads.items} onCancel={uploads.cancel} />
      {mention && mentionable.length > 0 && <MentionPicker members={mentionable} query={mention.query} onPick={pickMention} />}
      <AttachButton onFiles={uploads.add} />
      <button type="button" className="icon-button poll-button" title="Create poll" onClick={() => setPollOpen(true)}>
        <span aria-hidden="true">📊</span>
        <span className="visually-hidden">Create poll</span>
      </button>
      {/* In a portal: the dialog's form must not sit inside the composer's. */}
      {pollOpen && createPortal(<CreatePollDialog conversationId={conversationId} onClose={() => setPollOpen(false)} />, document.body)}
      <textarea
        ref={box}
        aria-label="Message"
        placeholder="Message"
        rows={1}
        value={text}
        onChange={(e) => change(e.target.value, e.target.selectionStart)}
        onSelect={(e) => moveCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      <button type="submit" className="send" disabled={!text.trim()} title="Send">
        <SendIcon />
        <span className="visually-hidden">Send</span>
      </button>
    </form>
  );
}
