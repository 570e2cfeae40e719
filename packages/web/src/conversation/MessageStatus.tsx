import { ClockIcon, TickIcon } from '../common/icons';

/** An own message's state: queued in the outbox (offline), sending, or as the server reports it. */
export type Delivery = 'queued' | 'sending' | 'sent' | 'delivered' | 'read';

const label: Record<Delivery, string> = { queued: 'Queued', sending: 'Sending', sent: 'Sent', delivered: 'Delivered', read: 'Read' };

/** Ticks (a clock while not yet stored), with the state as text for screen readers and tests. */
export function MessageStatus({ status }: { status: Delivery }) {
  return (
    <span className={`status status-${status}`}>
      {status === 'queued' || status === 'sending' ? <ClockIcon /> : <TickIcon double={status !== 'sent'} />}
      <span className="visually-hidden">{label[status]}</span>
    </span>
  );
}
