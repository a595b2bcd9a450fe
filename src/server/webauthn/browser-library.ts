import "@/server/server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * SimpleWebAuthn's browser library, as the file its authors publish for a <script> tag (its
 * package's `unpkg` entry: 13 kB, 3.8 kB gzipped), served by the portal itself at
 * /js/simplewebauthn.js. The passkey buttons (passkey-button.tsx) use it from an inline script,
 * so the pages that carry them (sign-in, « Mon compte ») load this file and no React or Next
 * runtime (about 140 kB gzipped). The WebAuthn encoding (base64url options to ArrayBuffers and
 * back, the browsers' error names) stays the library's, not ours.
 *
 * Read from node_modules by path: the package's `exports` lists only its module entry, so the
 * bundle cannot be resolved by name. The file's hash goes into the URL, so the browser may keep
 * it for a year and a new version is a new address.
 */
export const WEBAUTHN_LIBRARY_PATH = "/js/simplewebauthn.js";
const FILE = path.join(process.cwd(), "node_modules", "@simplewebauthn", "browser", "dist", "bundle", "index.umd.min.js");

type Library = { body: string; hash: string };
let library: Library | undefined;

export function webauthnLibrary(): Library {
  if (!library) {
    const body = readFileSync(FILE, "utf8");
    library = { body, hash: createHash("sha256").update(body).digest("hex").slice(0, 16) };
  }
  return library;
}

/** The address a page's <script src> uses: the current file's, by its hash. */
export function webauthnLibraryUrl(): string {
  return `${WEBAUTHN_LIBRARY_PATH}?v=${webauthnLibrary().hash}`;
}
