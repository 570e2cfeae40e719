import type { Message } from '@parley/client';
import type { CallStart } from './callState';

type EndReason = 'hangup' | 'declined' | 'cancelled' | 'missed' | 'disconnected' | 'answered_elsewhere';

/**
 * The missed-call system message in words. Its system info carries no media, so the server's own text
 * ("Missed video call from …") tells a video call apart.
 */
export function missedCallText(m: Message): string {
  return /^Missed video call/.test(m.text ?? '') ? 'Missed video call' : 'Missed voice call';
}

/** The status line after another device ended the call (or stopped its ringing here). */
export function endedText(reason: EndReason, start: CallStart): string {
  const name = start.peerName;
  const outgoing = start.kind === 'outgoing';
  switch (reason) {
    case 'declined':
      return outgoing ? `${name} declined the call` : 'Call declined';
    case 'missed':
      return outgoing ? `No answer from ${name}` : `Missed call from ${name}`;
    case 'cancelled':
      return `Missed call from ${name}`;
    case 'answered_elsewhere':
      return 'Answered on another device';
    case 'disconnected':
      return `Call with ${name} ended: the connection was lost`;
    case 'hangup':
      return `Call with ${name} ended`;
  }
}
