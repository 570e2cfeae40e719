import { describe, expect, it } from 'vitest';
import { firstUrl } from './firstUrl.js';
import { parsePage } from './parseHtml.js';

describe('firstUrl', () => {
  it('takes the first http(s) URL without the sentence around it', () => {
    expect(firstUrl('see https://a.example/x. and http://b.example')).toBe('https://a.example/x');
    expect(firstUrl('(http://a.example/p?q=1)')).toBe('http://a.example/p?q=1');
    expect(firstUrl('ftp://a.example and mailto:x@y')).toBeNull();
    expect(firstUrl(null)).toBeNull();
  });
});

describe('parsePage', () => {
  const base = new URL('https://site.example/post/1');
  it('prefers Open Graph, falls back to <title> and the description meta, resolves og:image', () => {
    const og = parsePage(
      '<html><head><title>T</title><meta property="og:title" content="OG &amp; T"><meta property="og:image" content="/i.png">' +
        '<meta property="og:site_name" content="Site"><meta name="description" content="D"></head></html>',
      base,
    );
    expect(og).toEqual({ title: 'OG & T', description: 'D', siteName: 'Site', image: 'https://site.example/i.png' });
    const plain = parsePage('<title>  Just\n a title </title><META NAME="Description" CONTENT="desc">', base);
    expect(plain).toEqual({ title: 'Just a title', description: 'desc', siteName: null, image: null });
  });

  it('ignores metadata in the body and images that are not http(s)', () => {
    const p = parsePage('<head><meta property="og:image" content="javascript:alert(1)"></head><body><title>x</title></body>', base);
    expect(p).toEqual({ title: null, description: null, siteName: null, image: null });
  });
});
