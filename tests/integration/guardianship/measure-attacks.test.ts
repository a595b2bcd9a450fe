import type { Extension, RelatedPerson } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { SYSTEMS } from "@/lib/fhir/systems";
import { useTestDatabase } from "../../setup/test-database";
import { noticeOf, personWithAccount, postId } from "../delegations/world";
import { fhir, resourceOf, sameOrigin, sessionOf } from "../fhir-api/http";
import { DECISION, measureWorld } from "./world";

const db = useTestDatabase();

const MARK: Extension = { url: SYSTEMS.protectionMeasure, valueString: DECISION };
const GUARD = { coding: [{ system: SYSTEMS.roleCode, code: "GUARD", display: "guardian" }], text: "Représentant légal" };

/** Paul's measure over Ines, and Lea, Ines's caregiver who may manage her sharing. */
async function world() {
  const base = await measureWorld("measure-attacks");
  const lea = await personWithAccount(base.system, "Lea", "Aidante", "female");
  const leaTie = await base.system.create(
    aDelegation({ patientId: base.ines.patientId, agentPatientId: lea.patientId, agentName: { given: "Lea", family: "Aidante" }, scopes: ["documents:read", "privacy:manage"], start: new Date(Date.now() - 86_400_000).toISOString(), end: addDaysToDay(parisDayOf(new Date()), 20) }),
  );
  return { ...base, lea, leaTie };
}

const put = (cookie: string, resource: RelatedPerson) => fhir("PUT", `RelatedPerson/${resource.id}`, { cookie, body: resource, headers: sameOrigin() });

async function stored(id: string): Promise<RelatedPerson> {
  const rows = await db().sql.query<{ content: RelatedPerson }>("SELECT content FROM fhir_resource WHERE id = $1::uuid", [id]);
  return rows[0]!.content;
}

/** The refusals the repository wrote in the adult's trail for a measure written from a request. */
async function measureRefusals(patientId: string): Promise<number> {
  const rows = await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND outcome = 'denied' AND reason = 'protection-measure'", [patientId]);
  return rows[0]!.n;
}

describe("a protection measure is the assistance's alone, whatever the door (case 40)", () => {
  it("the protected adult neither ends, unmarks, extends nor deletes it through the API, nor withdraws it from her relatives page", async () => {
    const { ines, paul, measureId, documentId } = await world();
    const measure = await stored(measureId);

    expect((await put(ines.session.cookie, { ...measure, active: false })).status).toBe(403);
    expect((await put(ines.session.cookie, { ...measure, extension: (measure.extension ?? []).filter((ext) => ext.url !== SYSTEMS.protectionMeasure) })).status).toBe(403);
    expect((await put(ines.session.cookie, { ...measure, period: { ...measure.period, end: "2040-01-01" } })).status).toBe(403);
    expect((await fhir("DELETE", `RelatedPerson/${measureId}`, { cookie: ines.session.cookie, headers: sameOrigin() })).status).toBe(403);
    expect(noticeOf(await postId("retirer", measureId, {}, ines.session.cookie))).toBe("legal");
    expect(noticeOf(await postId("renouveler", measureId, {}, ines.session.cookie))).toBe("legal");

    expect(await stored(measureId)).toEqual(measure);
    expect(await measureRefusals(ines.patientId)).toBe(4);
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(200);
  });

  it("nobody makes a measure through the API: not the adult for a caregiver, not the caregiver for herself, not the representative for another", async () => {
    const { ines, paul, lea, leaTie } = await world();
    const tie = leaTie as RelatedPerson;
    const asMeasure: RelatedPerson = { ...tie, relationship: [GUARD, ...(tie.relationship ?? [])], extension: [...(tie.extension ?? []), MARK] };

    // The adult turns her caregiver's delegation into a measure, or writes a new one.
    expect((await put(ines.session.cookie, asMeasure)).status).toBe(403);
    const { id: _id, meta: _meta, ...fresh } = asMeasure;
    expect((await fhir("POST", "RelatedPerson", { cookie: ines.session.cookie, body: fresh, headers: sameOrigin() })).status).toBe(403);
    // The caregiver, who manages the adult's sharing, rewrites her own delegation.
    const leaInInes = await sessionOf(lea.account, ines.patientId);
    expect((await put(leaInInes.cookie, asMeasure)).status).toBe(403);
    // The representative turns the caregiver's delegation into a measure.
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    expect((await put(paulInInes.cookie, asMeasure)).status).toBe(403);

    expect(await stored(tie.id!)).toEqual(tie);
    const marked = await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'RelatedPerson' AND patient_id = $1::uuid AND content->'extension' @> $2::jsonb", [ines.patientId, JSON.stringify([{ url: SYSTEMS.protectionMeasure }])]);
    expect(marked).toHaveLength(1);
    expect(resourceOf<RelatedPerson>(await fhir("GET", `RelatedPerson/${tie.id}`, { cookie: ines.session.cookie })).relationship).toEqual(tie.relationship);
  });
});
