/**
 * A message's text cut into plain text and web links, so the page can make links clickable
 * without ever treating the text as markup. Only http and https addresses become links (never
 * javascript:, data: or anything else); the parts put back together are exactly the text.
 */
export type TextPart = { kind: "text"; value: string } | { kind: "link"; value: string; href: string };

const CANDIDATE = /https?:\/\/[^\s<>"'`]+/giu;
/** Punctuation that ends a sentence rather than an address. */
const TRAILING = /[.,;:!?)\]}»]+$/u;

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING, "");
    const href = safeHref(raw);
    if (!href) continue;
    if (start > last) parts.push({ kind: "text", value: text.slice(last, start) });
    parts.push({ kind: "link", value: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: "text", value: text.slice(last) });
  return parts;
}

function safeHref(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}
