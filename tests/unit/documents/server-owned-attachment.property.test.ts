import type { Attachment, DocumentReference } from "@medplum/fhirtypes";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { prepareForWrite } from "@/server/fhir/prepare-write";

/**
 * SECURITY-CASES 39, the general rule: whatever a client (patient, guardian, caregiver,
 * professional) sends in a DocumentReference's content, the attachment's url, size, hash, type
 * and data end up as the server set them: absent on create, the stored ones on update.
 */
const P = "a0000000-0000-4000-8000-000000000001";
const ACTORS: Actor[] = [
  { kind: "patient", accountId: "a", patientId: P },
  { kind: "guardian", accountId: "a", selfPatientId: "g", patientId: P, relatedPersonId: "r" },
  { kind: "delegate", accountId: "a", selfPatientId: "d", patientId: P, relatedPersonId: "r" },
  { kind: "practitioner", accountId: "a", practitionerId: "b0000000-0000-4000-8000-000000000001" },
];
const SERVER_FIELDS = ["url", "size", "hash", "contentType", "data"] as const;

const arbAttachment: fc.Arbitrary<Attachment> = fc.record(
  {
    url: fc.oneof(fc.uuid().map((id) => `Binary/${id}`), fc.string(), fc.webUrl()),
    size: fc.integer(),
    hash: fc.base64String(),
    contentType: fc.constantFrom("application/pdf", "text/html", "image/svg+xml"),
    data: fc.base64String(),
    title: fc.string(),
    language: fc.constantFrom("fr-FR", "en"),
    creation: fc.constant("2024-01-01T00:00:00Z"),
  },
  { requiredKeys: [] },
);
const arbContent = fc.array(fc.record({ attachment: arbAttachment }), { maxLength: 4 });

const stored: DocumentReference = {
  resourceType: "DocumentReference",
  id: "d0000000-0000-4000-8000-000000000001",
  meta: { versionId: "1" },
  status: "current",
  subject: { reference: `Patient/${P}` },
  content: [{ attachment: { url: "Binary/e0000000-0000-4000-8000-000000000001", size: 10, hash: "c3RvcmVk", contentType: "application/pdf", title: "stocké.pdf" } }],
};

const serverPart = (attachment: Attachment) => Object.fromEntries(SERVER_FIELDS.map((field) => [field, attachment[field]]));

describe("a document's attachments written by a client", () => {
  it("carry nothing of a file on create", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTORS), arbContent, (actor, content) => {
        const written = prepareForWrite(actor, { ...stored, id: undefined, content }, { id: "x", versionId: 1, now: new Date() });
        expect(written.content).toHaveLength(content.length);
        for (const entry of written.content) for (const field of SERVER_FIELDS) expect(entry.attachment[field]).toBeUndefined();
      }),
    );
  });

  it("keep the stored file on update, whatever the body says", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ACTORS), arbContent, (actor, content) => {
        const written = prepareForWrite(actor, { ...stored, content }, { id: stored.id!, versionId: 2, now: new Date(), stored });
        expect(written.content.map((entry) => serverPart(entry.attachment))).toEqual(stored.content.map((entry) => serverPart(entry.attachment)));
      }),
    );
  });

  it("are the system's own as written (seed, jobs)", () => {
    const written = prepareForWrite({ kind: "system", purpose: "seed" }, stored, { id: stored.id!, versionId: 1, now: new Date() });
    expect(written.content).toEqual(stored.content);
  });
});
