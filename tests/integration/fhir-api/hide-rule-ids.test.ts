import { beforeAll, describe, expect, it } from "vitest";
import * as sharingPage from "@/pages/espace/partage";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { fhir, idsOf, isOutcome, sameOrigin, signIn, warmUpValidator } from "./http";

const db = useTestDatabase();

/**
 * A hide rule is a Consent the patient writes, through the API too. One naming ids that are not
 * UUIDs ("DocumentReference/0") was stored, and made every search of the record by a
 * professional fail with a 500 (the hidden ids were cast to uuid[] in the search's SQL), her own
 * sharing page too: the patient, or a caregiver managing her sharing, could shut her doctors out
 * of her record by mistake or on purpose. Such a rule is now refused with an OperationOutcome;
 * one stored before that still hides nothing more and breaks nothing.
 */
let camille = "";
let camilleCookie = "";
let bernardCookie = "";
let shown = "";
let hidden = "";

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("hide-rule-ids-tests");
  camille = (await system.create(aPatient({ given: "Camille", family: "Règles" }))).id!;
  const bernard = (await system.create(aPractitioner({ family: "Bernard" }))).id!;
  await system.create(anAuthorisation({ patientId: camille, practitionerId: bernard }));
  shown = (await system.create(aDocument({ patientId: camille, kind: "lab", title: "Bilan" }))).id!;
  hidden = (await system.create(aDocument({ patientId: camille, kind: "lab", title: "Sérologie" }))).id!;
  camilleCookie = (await signIn(`Patient/${camille}`)).cookie;
  bernardCookie = (await signIn(`Practitioner/${bernard}`)).cookie;
}, 60_000);

const consents = async () =>
  (await db().sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM fhir_resource WHERE resource_type = 'Consent' AND patient_id = $1::uuid`, [camille]))[0]?.n;

describe("a hide rule naming ids that are not UUIDs", () => {
  it("is refused through the API with an OperationOutcome, and nothing is stored", async () => {
    const before = await consents();
    const rule = aHiddenDocument({ patientId: camille, documentIds: ["0", "not-a-uuid", hidden] });
    const written = await fhir("POST", "Consent", { cookie: camilleCookie, body: rule, headers: sameOrigin() });
    expect(written.status, written.text.slice(0, 300)).toBe(422);
    expect(isOutcome(written)).toBe(true);
    expect(written.text).toContain("provision.data[0]");
    expect(await consents()).toBe(before);
  });

  it("stored before that check, hides nothing more: the professional still searches the record, the patient's sharing page answers", async () => {
    const rule = await fhir("POST", "Consent", { cookie: camilleCookie, body: aHiddenDocument({ patientId: camille, documentIds: [hidden] }), headers: sameOrigin() });
    expect(rule.status, rule.text.slice(0, 300)).toBe(201);
    const id = (rule.json() as { id: string }).id;
    // As an older version of the portal let it be stored: the same rule, with ids that are not UUIDs beside the real one.
    await db().sql.query(
      `UPDATE fhir_resource SET content = jsonb_set(content, '{provision,data}', content->'provision'->'data' || $2::jsonb) WHERE id = $1::uuid`,
      [id, JSON.stringify([{ meaning: "instance", reference: { reference: "DocumentReference/0" } }, { meaning: "instance", reference: { reference: "DocumentReference/not-a-uuid" } }])],
    );

    const search = await fhir("GET", `DocumentReference?patient=${camille}`, { cookie: bernardCookie });
    expect(search.status, search.text.slice(0, 300)).toBe(200);
    expect(idsOf(search)).toEqual([shown]);
    const record = await servePage(recordPage, `/pro/patients/${camille}`, { cookie: bernardCookie, params: { patientId: camille } });
    expect(record.status).toBe(200);
    expect(record.html).toContain("Bilan");
    expect(record.html).not.toContain("Sérologie");
    // The patient's sharing page lists the documents she hides (it searches them by id).
    const sharing = await servePage(sharingPage, "/espace/partage", { cookie: camilleCookie });
    expect(sharing.status).toBe(200);
    expect(sharing.html).toContain("Sérologie");
  });
});
