import type { Message } from '@parley/client';
import { describe, expect, it } from 'vitest';
import type { CallStart } from './callState';
import { endedText, missedCallText } from './callText';

const outgoing: CallStart = { kind: 'outgoing', peerId: 'b', peerName: 'Bo', media: 'audio' };
const incoming = { kind: 'incoming', peerName: 'Ada' } as CallStart;
const missed = (text: string) => ({ text }) as Message;

describe('the call screens’ words', () => {
  it('missedCallText: voice unless the server said video', () => {
    expect(missedCallText(missed('Missed call from Ada'))).toBe('Missed voice call');
    expect(missedCallText(missed('Missed video call from Ada'))).toBe('Missed video call');
  });

  it('endedText: from the side that reads it', () => {
    expect(endedText('declined', outgoing)).toBe('Bo declined the call');
    expect(endedText('missed', outgoing)).toBe('No answer from Bo');
    expect(endedText('missed', incoming)).toBe('Missed call from Ada');
    expect(endedText('cancelled', incoming)).toBe('Missed call from Ada');
    expect(endedText('answered_elsewhere', incoming)).toBe('Answered on another device');
    expect(endedText('hangup', incoming)).toBe('Call with Ada ended');
  });
});
