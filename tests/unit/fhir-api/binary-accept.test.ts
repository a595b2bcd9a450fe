import { describe, expect, it } from "vitest";
import { binaryForm, type BinaryForm } from "@/server/fhir-api/binary-accept";

/** Which form of a stored file a client gets from Binary/<id>, by its Accept header and `_format`. */
const CASES: [accept: string | null, format: string | null, contentType: string, expected: BinaryForm][] = [
  [null, null, "application/pdf", "raw"],
  ["", null, "application/pdf", "raw"],
  ["*/*", null, "application/pdf", "raw"],
  ["application/pdf", null, "application/pdf", "raw"],
  ["application/*", null, "application/pdf", "raw"],
  ["image/*", null, "image/png", "raw"],
  ["image/*", null, "application/pdf", "none"],
  ["image/png", null, "image/jpeg", "none"],
  ["text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", null, "application/pdf", "raw"],
  ["application/fhir+json", null, "application/pdf", "fhir"],
  ["application/json", null, "image/png", "fhir"],
  ["application/fhir+json, */*;q=0.1", null, "application/pdf", "fhir"],
  ["application/fhir+json;q=0.5, application/pdf", null, "application/pdf", "raw"],
  ["application/fhir+json;q=0", null, "application/pdf", "none"],
  ["APPLICATION/PDF", null, "application/pdf", "raw"],
  ["text/html", null, "application/pdf", "none"],
  ["*/*", "json", "application/pdf", "fhir"],
  [null, "application/fhir+json", "application/pdf", "fhir"],
  ["*/*", "xml", "application/pdf", "none"],
  ["*/*;q=nonsense", null, "application/pdf", "none"],
];

describe("binaryForm", () => {
  it.each(CASES)("Accept %j, _format %j, a %s file → %s", (accept, format, contentType, expected) => {
    expect(binaryForm(accept, format, contentType)).toBe(expected);
  });
});
