import { linkParts } from "@/lib/messages/link-parts";

/**
 * A message's text, always as text: React escapes it, line breaks are kept by CSS, and web
 * addresses become links that open without giving the other site a handle on this page
 * (rel="noopener noreferrer"). No HTML from users is ever rendered.
 */
export function MessageText({ text }: { text: string }) {
  return (
    <p className="whitespace-pre-wrap break-words">
      {linkParts(text).map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.href} rel="noopener noreferrer" className="underline">
            {part.value}
          </a>
        ) : (
          part.value
        ),
      )}
    </p>
  );
}
