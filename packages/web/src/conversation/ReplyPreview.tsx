import { useDraft } from './draft';
import { ReplyQuote } from './ReplyQuote';

/** Above the composer: the message being answered or edited, and the button that stops that. */
export function ReplyPreview({ nameOf }: { nameOf: (userId: string) => string }) {
  const draft = useDraft();
  const { replyTo, editing } = draft;
  const target = editing ?? replyTo;
  if (!target) return null;
  const label = editing ? 'Editing' : `Replying to ${nameOf(target.senderId)}`;
  return (
    <div className="reply-preview" role="group" aria-label={label}>
      <ReplyQuote replyTo={{ ...target, text: target.text }} name={label} />
      <button type="button" className="icon-button" onClick={() => (editing ? draft.edit(undefined) : draft.reply(undefined))}>
        {editing ? 'Cancel edit' : 'Cancel reply'}
      </button>
    </div>
  );
}
