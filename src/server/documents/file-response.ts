import "@/server/server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import type { StoredFile } from "../fhir/file-store";
import { titleOf } from "./document-summary";
import { contentDisposition } from "./safe-file-name";
import { ACCEPTED_TYPES, isAcceptedType } from "./upload-policy";

/**
 * The response that carries a stored file. Whatever the file holds, the browser must not run
 * it: the type is the one checked at upload (never sniffed again: nosniff), the file gets a CSP
 * of its own that allows nothing and sandboxes it (Chromium's PDF viewer still shows a PDF under
 * it), and nothing is cached. A type outside the accepted ones is only ever a download of
 * opaque bytes. Inline display (the document page's viewer) may be framed by our own pages only.
 * The proxy leaves this route alone so these headers are the ones sent (src/proxy.ts).
 */
export function fileResponse(document: DocumentReference, file: StoredFile, wantInline: boolean): Response {
  const accepted = isAcceptedType(file.contentType);
  const contentType = accepted ? file.contentType : "application/octet-stream";
  const extension = accepted ? ACCEPTED_TYPES[file.contentType as keyof typeof ACCEPTED_TYPES] : "bin";
  const inline = wantInline && accepted;
  const csp = `default-src 'none'; sandbox; frame-ancestors ${inline ? "'self'" : "'none'"}`;
  const headers = new Headers({
    "Content-Type": contentType,
    "Content-Length": String(file.bytes.length),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", titleOf(document) ?? "document", extension),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": csp,
    "X-Frame-Options": inline ? "SAMEORIGIN" : "DENY",
    "Cache-Control": "no-store, max-age=0",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Referrer-Policy": "no-referrer",
  });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
}

/** The answer for anything the actor may not see, and for what does not exist: the same bytes. */
export function fileNotFound(): Response {
  return new Response("Document introuvable", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
