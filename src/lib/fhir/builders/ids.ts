import { createHash, randomUUID } from "node:crypto";

/**
 * A UUID derived from a name (the layout of RFC 4122 version 5, SHA-1 over a fixed namespace),
 * so the seed writes the same ids on every machine and tests can name a seeded resource
 * (`stableId("camille/document/asthma-consult-2021")`) without looking it up.
 */
const NAMESPACE = "espace-sante-demo";

export function stableId(name: string): string {
  const hash = createHash("sha1").update(`${NAMESPACE}:${name}`).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh id for builders used by tests that do not care which. */
export function newId(): string {
  return randomUUID();
}
