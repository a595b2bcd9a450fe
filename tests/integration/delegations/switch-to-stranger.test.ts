import { describe, expect, it } from "vitest";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sessionOf, warmUpValidator } from "../fhir-api/http";
import { personWithAccount, post } from "./world";

useTestDatabase();

/**
 * Case 24: a caregiver for A and C tries to act in B's space, who delegated nothing to her:
 * the switch answers as for a patient who does not exist, and from A's space or C's, B's
 * resources named by id answer 404 like anything that does not exist.
 */
describe("a caregiver for two patients switching to a third", () => {
  it("is refused as for an unknown patient, and reaches nothing of the third from either space", async () => {
    warmUpValidator();
    const system = await systemRepository("switch-to-stranger-tests");
    const [a, b, c, lea] = await Promise.all([
      personWithAccount(system, "Anne", "Premiere"),
      personWithAccount(system, "Bruno", "Tiers"),
      personWithAccount(system, "Chloe", "Seconde"),
      personWithAccount(system, "Lea", "Aidante"),
    ]);
    for (const patient of [a, c]) await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: lea.patientId, scopes: ["documents:read"] }));
    const bDocument = await system.create(aDocument({ patientId: b.patientId, title: "Bilan de Bruno" }));

    for (const patient of [a, c]) {
      const session = await sessionOf(lea.account, patient.patientId);
      expect((await post("espaceActif", { patientId: b.patientId }, session.cookie)).status).toBe(404);
      expect((await fhir("GET", `DocumentReference/${bDocument.id}`, { cookie: session.cookie })).status).toBe(404);
      expect((await fhir("GET", `Patient/${b.patientId}`, { cookie: session.cookie })).status).toBe(404);
      const search = await fhir("GET", `DocumentReference?patient=${b.patientId}`, { cookie: session.cookie });
      expect((search.json() as { total?: number; entry?: unknown[] }).entry ?? []).toHaveLength(0);
      // The switch to a space she does hold still works, so the refusal above is about B.
      expect((await post("espaceActif", { patientId: patient.patientId }, session.cookie)).status).toBe(303);
    }
  });
});
