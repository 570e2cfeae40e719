/** The first http(s) URL of a text (what a preview is made of), without trailing punctuation; null when there is none. */
export function firstUrl(text: string | null): string | null {
  if (!text) return null;
  const match = /\bhttps?:\/\/[^\s<>"]+/i.exec(text);
  if (!match) return null;
  // "see https://x.example/a." or "(https://x.example/a)": the sentence's punctuation is not part of the link.
  const trimmed = match[0].replace(/[.,;:!?'")\]}]+$/, '');
  try {
    return new URL(trimmed).href;
  } catch {
    return null;
  }
}
