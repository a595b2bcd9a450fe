import type { DocumentReference } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { systemRepository } from "@/server/fhir/repository";
import { SYSTEMS } from "@/lib/fhir/systems";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, isOutcome, outcomeOf, resourceOf, sameOrigin, signIn, warmUpValidator } from "./http";

useTestDatabase();

/**
 * Security labels (meta.security) change only through their own door (the document's
 * « Niveau de confidentialité », setSecurityLabels). A PUT stating other labels was answered 200
 * with them silently dropped: the client believed its document restricted when it was not. It is
 * refused (422, an OperationOutcome on meta.security) with nothing written; a PUT that leaves
 * the labels out, or states the stored ones, still goes through.
 */
let camilleId = "";
let camille = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("label-updates-tests");
  camilleId = (await system.create(aPatient({ given: "Camille" }))).id!;
  camille = (await signIn(`Patient/${camilleId}`)).cookie;
}, 60_000);

const label = (code: "N" | "R" | "V", display?: string) => ({ system: SYSTEMS.confidentiality, code, ...(display ? { display } : {}) });

async function created(labels: ReturnType<typeof label>[] = []): Promise<DocumentReference> {
  const { id: _id, meta: _meta, ...document } = aDocument({ patientId: camilleId, kind: "personal", date: "2025-02-03T10:00:00Z" });
  const answer = await fhir("POST", "DocumentReference", { cookie: camille, body: { ...document, ...(labels.length > 0 ? { meta: { security: labels } } : {}) }, headers: sameOrigin() });
  expect(answer.status, answer.text).toBe(201);
  return resourceOf<DocumentReference>(answer);
}

const read = async (id: string) => resourceOf<DocumentReference>(await fhir("GET", `DocumentReference/${id}`, { cookie: camille }));

describe("security labels in an update", () => {
  it("refuses a PUT that states other labels than the stored ones, and writes nothing", async () => {
    const plain = await created();
    const restricted = await created([label("R")]);
    const attempts: [DocumentReference, ReturnType<typeof label>[]][] = [
      [plain, [label("R")]],
      [restricted, [label("N")]],
      [restricted, [label("R"), label("V")]],
    ];
    for (const [document, security] of attempts) {
      const answer = await fhir("PUT", `DocumentReference/${document.id}`, { cookie: camille, body: { ...document, description: "Changé", meta: { security } }, headers: sameOrigin() });
      expect(answer.status, answer.text).toBe(422);
      expect(isOutcome(answer)).toBe(true);
      const issue = outcomeOf(answer).issue?.[0];
      expect(issue?.expression).toEqual(["DocumentReference.meta.security"]);
      expect(issue?.diagnostics).toContain("meta.security");
      const after = await read(document.id!);
      expect(after.meta?.versionId).toBe("1");
      expect(after.description).toBe(document.description);
      expect(after.meta?.security).toEqual(document.meta?.security);
    }
  });

  it("takes a PUT that leaves the labels out or states the stored ones, whatever their display, and keeps them", async () => {
    const restricted = await created([label("R")]);
    const path = `DocumentReference/${restricted.id}`;
    const { meta: _meta, ...withoutMeta } = restricted;
    const left = await fhir("PUT", path, { cookie: camille, body: { ...withoutMeta, description: "Sans meta" }, headers: sameOrigin() });
    expect(left.status, left.text).toBe(200);
    const same = await fhir("PUT", path, { cookie: camille, body: { ...restricted, description: "Mêmes étiquettes", meta: { security: [label("R", "restricted")] } }, headers: sameOrigin() });
    expect(same.status, same.text).toBe(200);
    const after = await read(restricted.id!);
    expect(after.description).toBe("Mêmes étiquettes");
    expect(after.meta?.security).toEqual([label("R")]);
  });
});
