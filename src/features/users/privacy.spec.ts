import { describe, expect, it } from 'vitest';
import { presenceShown, ROOM } from './privacy.js';

const stranger = { self: false, contact: false, blocked: false };

describe('presenceShown', () => {
  it('follows each audience: everyone, contacts, nobody', () => {
    expect(presenceShown({ online: 'everyone', lastSeen: 'everyone' }, stranger)).toEqual({ online: true, lastSeen: true });
    expect(presenceShown({ online: 'contacts', lastSeen: 'contacts' }, stranger)).toEqual({ online: false, lastSeen: false });
    expect(presenceShown({ online: 'contacts', lastSeen: 'nobody' }, ROOM)).toEqual({ online: true, lastSeen: false });
    expect(presenceShown({ online: 'nobody', lastSeen: 'everyone' }, ROOM)).toEqual({ online: false, lastSeen: true });
  });

  it('shows you everything of yourself and nothing across a block', () => {
    expect(presenceShown({ online: 'nobody', lastSeen: 'nobody' }, { ...stranger, self: true })).toEqual({ online: true, lastSeen: true });
    expect(presenceShown({ online: 'everyone', lastSeen: 'everyone' }, { ...ROOM, blocked: true })).toEqual({
      online: false,
      lastSeen: false,
    });
  });
});
