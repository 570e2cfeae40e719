import { describe, expect, it } from 'vitest';
import { detailsText, formatBytes, localToIso, resolutionText } from './describe';

describe('the admin screens’ words', () => {
  it('formatBytes: bytes, then powers of 1024 with one decimal below 10', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatBytes(3 * 1024 ** 5)).toBe('3072 TB');
  });

  it('detailsText: pairs in order, null as none, objects as JSON', () => {
    expect(detailsText({ reason: 'spam', until: null, n: 2, ok: true, ids: ['a'] })).toBe(
      'reason: spam, until: none, n: 2, ok: true, ids: ["a"]',
    );
    expect(detailsText({})).toBe('');
  });

  it('resolutionText names the action and the note', () => {
    expect(resolutionText('suspend_user', 'spam after warnings')).toBe('Resolved: user suspended (spam after warnings)');
    expect(resolutionText('dismiss', null)).toBe('Resolved: dismissed');
    expect(resolutionText(null, null)).toBe('Resolved');
  });

  it('localToIso reads a datetime-local value as local time', () => {
    expect(localToIso('')).toBeUndefined();
    expect(localToIso('not a date')).toBeUndefined();
    expect(localToIso('2030-01-02T03:04')).toBe(new Date(2030, 0, 2, 3, 4).toISOString());
  });
});
