import { describe, expect, it } from 'vitest';
import { keyOfEntry, objectEntry } from './format.js';

describe('backup entry names', () => {
  it('round-trips the keys Parley writes', () => {
    for (const key of ['media/3f/0190c9a2-7d1e-7000-8000-000000000001', 'avatars/0190c9a2-7d1e-7000-8000-000000000001.webp']) {
      expect(keyOfEntry(objectEntry(key))).toBe(key);
    }
  });

  it('refuses names that could leave the media folder or are not objects', () => {
    for (const name of [
      'objects/../etc/passwd',
      'objects/media/../../x',
      'objects//etc/passwd',
      'objects/media/.hidden/x',
      'objects/media\\..\\x',
      'objects/x',
      'database/pglite.tar',
      '/objects/media/a',
    ]) {
      expect(keyOfEntry(name)).toBeNull();
    }
  });
});
