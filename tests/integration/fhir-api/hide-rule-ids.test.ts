import { beforeAll, describe, expect, it } from "vitest";
import * as sharingPage from "@/pages/espace/partage";
import * as recordPage from "@/pages/pro/patients/[patientId]";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "../pages/pages-route";
import { fhir, idsOf, sameOrigin, signIn, warmUpValidator } from "./http";

useTestDatabase();

/**
 * A hide rule is a Consent the patient writes, through the API too, and nothing makes its
 * references name real documents. One naming ids that are not UUIDs ("DocumentReference/0")
 * made every search of the record by a professional fail with a 500 (the hidden ids were cast to
 * uuid[] in the search's SQL): the patient, or a caregiver managing her sharing, could shut her
 * doctors out of her record by mistake or on purpose. Such a rule hides nothing; the real
 * document it names beside them stays hidden.
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

describe("a hide rule naming ids that are not UUIDs, written through the API", () => {
  it("hides nothing more, and the professional still searches the record", async () => {
    const rule = aHiddenDocument({ patientId: camille, documentIds: ["0", "not-a-uuid", hidden] });
    const written = await fhir("POST", "Consent", { cookie: camilleCookie, body: rule, headers: sameOrigin() });
    expect(written.status, written.text.slice(0, 300)).toBe(201);

    const search = await fhir("GET", `DocumentReference?patient=${camille}`, { cookie: bernardCookie });
    expect(search.status, search.text.slice(0, 300)).toBe(200);
    expect(idsOf(search)).toEqual([shown]);

    // The professional's view of the record, and the patient's sharing page, which lists the
    // documents she hides: both answer, the hidden one listed only on hers.
    const record = await servePage(recordPage, `/pro/patients/${camille}`, { cookie: bernardCookie, params: { patientId: camille } });
    expect(record.status).toBe(200);
    expect(record.html).toContain("Bilan");
    expect(record.html).not.toContain("Sérologie");
    const sharing = await servePage(sharingPage, "/espace/partage", { cookie: camilleCookie });
    expect(sharing.status).toBe(200);
    expect(sharing.html).toContain("Sérologie");
  });
});
