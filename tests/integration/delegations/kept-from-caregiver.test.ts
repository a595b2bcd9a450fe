import { describe, expect, it } from "vitest";
import type { Bundle } from "@medplum/fhirtypes";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sessionOf, warmUpValidator } from "../fhir-api/http";
import { personWithAccount } from "./world";

const db = useTestDatabase();

/**
 * Case 25 through the API a caregiver can call: a document the patient made secret (level V)
 * stays hers alone, by id, version, history, file and search, even for a caregiver who reads
 * documents and manages the sharing; and the caregiver cannot erase or rewrite the trail of
 * what she did (AuditEvent is read-only, nothing in it changes).
 */
describe("a caregiver against what the patient keeps from her, and against her own trace", () => {
  it("reaches nothing of a secret document and changes nothing in the trail", async () => {
    warmUpValidator();
    const system = await systemRepository("kept-from-caregiver-tests");
    const camille = await personWithAccount(system, "Camille", "Secrete", "female");
    const lea = await personWithAccount(system, "Lea", "Aidante", "female");
    await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, scopes: ["documents:read", "documents:write", "privacy:manage", "audit:read"] }));
    const open = await system.create(aDocument({ patientId: camille.patientId, title: "Bilan ordinaire" }));
    const secret = await system.create(aDocument({ patientId: camille.patientId, title: "Consultation secrète", confidentiality: "V" }));
    const { cookie } = await sessionOf(lea.account, camille.patientId);

    expect((await fhir("GET", `DocumentReference/${open.id}`, { cookie })).status).toBe(200);
    const binary = secret.content?.[0]?.attachment?.url ?? "";
    for (const path of [`DocumentReference/${secret.id}`, `DocumentReference/${secret.id}/_history`, `DocumentReference/${secret.id}/_history/1`, binary]) {
      expect((await fhir("GET", path, { cookie })).status, path).toBe(404);
    }
    for (const query of ["DocumentReference?_count=100", `DocumentReference?patient=${camille.patientId}`, "DocumentReference?title=secr%C3%A8te", "DocumentReference?_security=V"]) {
      const ids = ((await fhir("GET", query, { cookie })).json() as Bundle).entry?.map((entry) => entry.resource?.id) ?? [];
      expect(ids, query).not.toContain(secret.id);
    }
    expect((await fhir("PUT", `DocumentReference/${secret.id}`, { cookie, body: { ...secret, description: "Lu" } })).status).toBe(404);

    const trail = async () => (await db().sql.query<{ n: string }>("SELECT count(*)::text AS n FROM audit_event WHERE patient_id = $1::uuid", [camille.patientId]))[0]?.n;
    const events = (await fhir("GET", "AuditEvent?_count=100", { cookie })).json() as Bundle;
    const first = events.entry?.[0]?.resource;
    expect(first?.id).toBeTruthy();
    const before = await trail();
    for (const [method, body] of [["DELETE", undefined], ["PUT", { ...first, outcome: "0" }]] as const) {
      expect((await fhir(method, `AuditEvent/${first!.id}`, { cookie, body })).status, method).toBeGreaterThanOrEqual(400);
    }
    expect((await fhir("POST", "AuditEvent", { cookie, body: { resourceType: "AuditEvent" } })).status).toBeGreaterThanOrEqual(400);
    // Refusals are written to the trail, never rows taken out of it.
    expect(Number(await trail())).toBeGreaterThanOrEqual(Number(before));
    const again = (await fhir("GET", `AuditEvent/${first!.id}`, { cookie })).json() as { id?: string; outcome?: string };
    expect(again).toMatchObject({ id: first!.id, outcome: (first as { outcome?: string }).outcome });
  });
});
