import type { Message } from '@parley/client';

/** The quoted message a reply answers (in its bubble, and above the composer while writing one). */
export function ReplyQuote({ replyTo, name }: { replyTo: NonNullable<Message['replyTo']>; name: string }) {
  return (
    <blockquote className="reply-quote">
      <span className="reply-name">{name}</span>
      <span className="reply-text">{replyTo.text ?? 'A message'}</span>
    </blockquote>
  );
}
