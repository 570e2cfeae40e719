import type { User } from '@parley/client';
import { formatTime } from '../format';
import { messageElementId } from './draft';
import { LinkPreviewCard } from './LinkPreviewCard';
import { MediaAttachments } from './media/MediaAttachment';
import { MessageActions } from './MessageActions';
import { MessageStatus } from './MessageStatus';
import { MessageText } from './MessageText';
import { Reactions } from './Reactions';
import { ReplyQuote } from './ReplyQuote';
import type { Row } from './rows';
import { repliesLabel, useOpenThread } from './threadContext';

export interface BubblePeople {
  members: readonly User[];
  nameOf: (userId: string) => string;
}

interface BubbleProps {
  row: Row;
  sender: string;
  /** In a group: the sender's name shows above their text (the chat's title says who it is in a direct chat). */
  showSender?: boolean;
  dayLabel: string | undefined;
  people: BubblePeople;
  highlighted: boolean;
  onActionError: (text: string) => void;
}

/** One message: a bubble (own on the right), its time and, for own messages, its ticks; the day's label above the day's first. */
export function MessageBubble({ row, sender, showSender = false, dayLabel, people, highlighted, onActionError }: BubbleProps) {
  const m = row.message;
  const openThread = useOpenThread();
  return (
    <li className={row.mine ? 'message mine' : 'message'} id={m && messageElementId(m.id)} data-highlighted={highlighted}>
      {dayLabel && (
        <span className="day">
          <span>{dayLabel}</span>
        </span>
      )}
      <div className="bubble-row">
        <div className="bubble" data-deleted={row.deleted}>
          {showSender && !row.mine ? (
            <>
              <span className="sender">{sender}</span>
              <span className="visually-hidden">: </span>
            </>
          ) : (
            <span className="visually-hidden">{row.mine ? 'You' : sender}: </span>
          )}
          {m?.forwarded && !row.deleted && <span className="forwarded">Forwarded</span>}
          {m?.replyTo && !row.deleted && <ReplyQuote replyTo={m.replyTo} name={people.nameOf(m.replyTo.senderId)} />}
          {m && <MediaAttachments media={m.media} />}
          {row.text && <MessageText text={row.text} mentionIds={m?.mentions.userIds ?? []} members={people.members} />}
          {m?.linkPreview && !row.deleted && <LinkPreviewCard preview={m.linkPreview} />}
          <span className="meta">
            {row.edited && <span className="edited">edited</span>}
            <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time>
            {row.status && <MessageStatus status={row.status} />}
          </span>
        </div>
        {m && <MessageActions message={m} sender={sender} onError={onActionError} />}
      </div>
      {m && <Reactions message={m} />}
      {m?.thread && m.thread.replyCount > 0 && (
        <button type="button" className="text-button thread-link" onClick={() => openThread(m.id)}>
          {repliesLabel(m.thread.replyCount)}
        </button>
      )}
    </li>
  );
}
