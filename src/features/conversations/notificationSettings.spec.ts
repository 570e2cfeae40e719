import { describe, expect, it } from 'vitest';
import { muteColumns, notificationSettings } from './notificationSettings.js';

const now = new Date('2026-12-01T12:00:00Z');
const later = new Date('2026-12-01T13:00:00Z');
const earlier = new Date('2026-12-01T11:00:00Z');

describe('notificationSettings', () => {
  it('shows isMuted as muted now: without an end, or until a time still ahead', () => {
    expect(notificationSettings({ isMuted: false, mutedUntil: later, notifications: 'all' }, now)).toEqual({
      isMuted: true,
      mutedUntil: later.toISOString(),
      notifications: 'all',
    });
    expect(notificationSettings({ isMuted: false, mutedUntil: earlier, notifications: 'none' }, now)).toEqual({
      isMuted: false,
      mutedUntil: null,
      notifications: 'none',
    });
    expect(notificationSettings({ isMuted: true, mutedUntil: null, notifications: 'mentions' }, now).isMuted).toBe(true);
  });
});

describe('muteColumns', () => {
  it('mutes without an end, unmutes, mutes until a time ahead, and ends a timed mute with null or a past time', () => {
    expect(muteColumns({ isMuted: true }, now)).toEqual({ isMuted: true, mutedUntil: null });
    expect(muteColumns({ isMuted: false }, now)).toEqual({ isMuted: false, mutedUntil: null });
    expect(muteColumns({ mutedUntil: later }, now)).toEqual({ isMuted: false, mutedUntil: later });
    expect(muteColumns({ mutedUntil: earlier }, now)).toEqual({ mutedUntil: null });
    expect(muteColumns({ mutedUntil: null }, now)).toEqual({ mutedUntil: null });
    expect(muteColumns({}, now)).toEqual({});
  });
});
