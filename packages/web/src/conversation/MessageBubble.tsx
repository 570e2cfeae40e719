import { formatTime } from '../format';
import { MessageStatus } from './MessageStatus';
import type { Row } from './rows';

interface Props {
  row: Row;
  sender: string;
  /** In a group: the sender's name shows above their text (the chat's title says who it is in a direct chat). */
  showSender?: boolean;
  dayLabel: string | undefined;
}

/** One message: a bubble (own on the right), its time and, for own messages, its ticks; the day's label above the day's first. */
export function MessageBubble({ row, sender, showSender = false, dayLabel }: Props) {
  return (
    <li className={row.mine ? 'message mine' : 'message'}>
      {dayLabel && (
        <span className="day">
          <span>{dayLabel}</span>
        </span>
      )}
      <div className="bubble" data-deleted={row.deleted}>
        {showSender && !row.mine ? (
          <>
            <span className="sender">{sender}</span>
            <span className="visually-hidden">: </span>
          </>
        ) : (
          <span className="visually-hidden">{row.mine ? 'You' : sender}: </span>
        )}
        <span className="text">{row.text}</span>
        <span className="meta">
          {row.edited && <span className="edited">edited</span>}
          <time dateTime={row.createdAt}>{formatTime(row.createdAt)}</time>
          {row.status && <MessageStatus status={row.status} />}
        </span>
      </div>
    </li>
  );
}
