import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MessageText } from "@/components/messages/message-text";
import { linkParts } from "@/lib/messages/link-parts";
import { messageText } from "@/lib/messages/message-form";
import { MESSAGE_MAX_LENGTH } from "@/lib/messages/message-rules";

/**
 * Any text a person types is kept as typed and rendered as text: the only markup on the page is
 * ours (the paragraph, and links to http/https addresses with rel="noopener noreferrer"), and
 * the text read back from it is exactly what was written. Length bounds give a clear refusal.
 */
const hostile = fc.constantFrom(
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  '"><a href="javascript:alert(1)">x</a>',
  "&lt;b&gt;",
  "https://example.org/a?b=1&c=<2>",
  "http://exemple.fr/chemin.",
  "\r\nBcc: victime@example.org",
  "{{constructor.constructor('alert(1)')()}}",
);
const anyText = fc.array(fc.oneof(fc.string({ unit: "grapheme" }), fc.string(), hostile), { maxLength: 6 }).map((parts) => parts.join(" "));

const OUR_TAGS = /<p class="whitespace-pre-wrap break-words">|<\/p>|<a href="[^"<>]*" rel="noopener noreferrer" class="underline">|<\/a>/g;
const unescape = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");

describe("a message's text on the page", () => {
  it("is rendered as text whatever it holds: no markup but ours, and the same text read back", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const html = renderToStaticMarkup(createElement(MessageText, { text }));
        const withoutOurs = html.replace(OUR_TAGS, "");
        expect(withoutOurs).not.toMatch(/[<>]/);
        expect(unescape(withoutOurs)).toBe(text);
        for (const match of html.matchAll(/<a href="([^"]*)"/g)) expect(unescape(match[1]!)).toMatch(/^https?:\/\//);
      }),
      { numRuns: 1000 },
    );
  });

  it("cuts text into parts that put back together are the text, with links only to http and https", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const parts = linkParts(text);
        expect(parts.map((part) => part.value).join("")).toBe(text);
        for (const part of parts) if (part.kind === "link") expect(new URL(part.href).protocol).toMatch(/^https?:$/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("the bounds of a message's text", () => {
  it("keeps any text of 1 to 5,000 characters (trimmed, line breaks normalised) and refuses the rest with the field named", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ minLength: MESSAGE_MAX_LENGTH - 5, maxLength: MESSAGE_MAX_LENGTH + 5 })), (raw) => {
        const normalised = raw.replace(/\r\n?/g, "\n").trim();
        const parsed = messageText.safeParse(raw);
        const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(normalised);
        const expectedOk = normalised.length >= 1 && normalised.length <= MESSAGE_MAX_LENGTH && !control;
        expect(parsed.success).toBe(expectedOk);
        if (parsed.success) expect(parsed.data).toBe(normalised);
        else expect(parsed.error.issues[0]?.message).toBe("texte");
      }),
      { numRuns: 1000 },
    );
  });
});
