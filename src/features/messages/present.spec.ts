import { describe, expect, it } from 'vitest';
import { statusFor } from './present.js';

const sender = 'sender';
const msg = { seq: 5, senderId: sender };
const mark = (userId: string, read: number, delivered: number, readReceipts?: boolean) => ({
  userId,
  lastReadSeq: read,
  lastDeliveredSeq: delivered,
  readReceipts,
});

describe('statusFor', () => {
  it('is read once every other member read it, delivered once delivered, else sent', () => {
    expect(statusFor(msg, [mark(sender, 5, 5), mark('a', 5, 5), mark('b', 5, 5)])).toBe('read');
    expect(statusFor(msg, [mark(sender, 5, 5), mark('a', 5, 5), mark('b', 4, 5)])).toBe('delivered');
    expect(statusFor(msg, [mark(sender, 5, 5), mark('a', 4, 4)])).toBe('sent');
  });

  it('stops at delivered when the sender or any other member has read receipts off', () => {
    expect(statusFor(msg, [mark(sender, 5, 5), mark('a', 5, 5, false)])).toBe('delivered');
    expect(statusFor(msg, [mark(sender, 5, 5, false), mark('a', 5, 5, true)])).toBe('delivered');
    expect(statusFor(msg, [mark(sender, 5, 5, false), mark('a', 4, 4)])).toBe('sent');
  });
});
