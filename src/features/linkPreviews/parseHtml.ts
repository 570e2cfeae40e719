import { Parser } from 'htmlparser2';

/** What a page says about itself (Open Graph first, then `<title>` and the description meta). */
export interface PageFacts {
  title: string | null;
  description: string | null;
  siteName: string | null;
  /** og:image, resolved against the page's URL. */
  image: string | null;
}

const MAX_TEXT = 300;

/**
 * Reads the head of an HTML page with htmlparser2 (a streaming, forgiving parser: no DOM is built,
 * and it stops at `<body>`, where no metadata is).
 */
export function parsePage(html: string, pageUrl: URL): PageFacts {
  const meta = new Map<string, string>();
  let title = '';
  let inTitle = false;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'body') parser.pause();
        if (name !== 'meta') return;
        const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
        if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
      },
      ontext(text) {
        if (inTitle) title += text;
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return {
    title: clean(meta.get('og:title') ?? title),
    description: clean(meta.get('og:description') ?? meta.get('description')),
    siteName: clean(meta.get('og:site_name')),
    image: resolved(meta.get('og:image') ?? meta.get('og:image:url'), pageUrl),
  };
}

function clean(text: string | undefined): string | null {
  const t = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!t) return null;
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…` : t;
}

function resolved(ref: string | undefined, base: URL): string | null {
  if (!ref?.trim()) return null;
  try {
    const u = new URL(ref.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
