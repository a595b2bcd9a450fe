import { describe, expect, it } from "vitest";
import { systemRepository, createRepository } from "@/server/fhir/repository";
import { sharingOverview } from "@/server/privacy/sharing-overview";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, aGuardianship, aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { newId } from "@/lib/fhir/builders/ids";
import { recordStatements } from "../../setup/record-statements";
import { useTestDatabase } from "../../setup/test-database";

const db = useTestDatabase();

/**
 * "En un coup d'œil" lists the people who can act for the patient from the rules the access gate
 * applies: a guardianship that ended at majority (children/majority.ts) is not shown as if the
 * parent could still see the record, while a caregiver the young adult invited is.
 */
describe("the sharing overview's caregivers and guardians", () => {
  it("does not list a parent's guardianship once the child is 18, and lists it before", async () => {
    const system = await systemRepository("sharing-overview-tests");
    const year = new Date().getFullYear();
    const overviewOf = async (birthDate: string) => {
      const childId = (await system.create(aPatient({ given: "Lou", family: "Majeur", birthDate }))).id!;
      const parentId = (await system.create(aPatient({ given: "Ana", family: "Parent" }))).id!;
      const friendId = (await system.create(aPatient({ given: "Eli", family: "Ami" }))).id!;
      await system.create(aGuardianship({ patientId: childId, agentPatientId: parentId, agentName: { given: "Ana", family: "Parent" }, scopes: [] }));
      await system.create(aDelegation({ patientId: childId, agentPatientId: friendId, agentName: { given: "Eli", family: "Ami" }, scopes: ["documents:read"] }));
      const overview = await sharingOverview(await createRepository({ kind: "patient", accountId: `acc-${childId}`, patientId: childId }));
      return overview.delegations.map((d) => `${d.kind} ${d.name}`).sort();
    };
    expect(await overviewOf(`${year - 19}-01-01`)).toEqual(["delegate Eli Ami"]);
    expect(await overviewOf(`${year - 10}-01-01`)).toEqual(["delegate Eli Ami", "guardian Ana Parent"]);
  });
});

/**
 * The professionals' cards and the hidden documents are read from the rules the gate already
 * holds (they came with the session), beside the Consents, not after them (issue 16). What the
 * page shows is still what its own read of the Consents says: a change made between the two
 * reads is neither lost nor shown stale.
 */
describe("the sharing overview's professionals and hidden documents", () => {
  const setUp = async () => {
    const system = await systemRepository("sharing-overview-tests");
    const patientId = (await system.create(aPatient({ given: "Nora", family: "Partage" }))).id!;
    const pro = async (given: string) => (await system.create(aPractitioner({ given, family: "Annuaire" }))).id!;
    const [kept, late, withdrawn] = [await pro("Kim"), await pro("Lou"), await pro("Max")];
    const [keptDocument, lateDocument] = [
      (await system.create(aDocument({ patientId, title: "Lettre déjà masquée" }))).id!,
      (await system.create(aDocument({ patientId, title: "Lettre masquée entre-temps" }))).id!,
    ];
    await system.create(anAuthorisation({ patientId, practitionerId: kept }));
    const toWithdraw = await system.create(anAuthorisation({ patientId, practitionerId: withdrawn }));
    await system.create(aHiddenDocument({ patientId, documentIds: [keptDocument] }));
    return { system, patientId, kept, late, withdrawn, toWithdraw, keptDocument, lateDocument };
  };

  it("reads the cards beside the Consents, not after them", async () => {
    const { patientId, keptDocument } = await setUp();
    const repo = await createRepository({ kind: "patient", accountId: `acc-${patientId}`, patientId });
    await repo.rules(patientId);
    const kindOf = (text: string) => (text.includes("resource_type = 'Consent'") ? "consents" : text.includes("AS practitioner") ? "cards" : text.includes("resource_type = 'DocumentReference'") ? "hidden" : "other");
    const { result: overview, events } = await recordStatements(db(), kindOf, () => sharingOverview(repo));
    expect(overview.authorised.map((a) => a.card.name)).toEqual([expect.stringContaining("Kim Annuaire"), expect.stringContaining("Max Annuaire")]);
    expect(overview.hidden).toEqual([{ id: keptDocument, title: "Lettre déjà masquée" }]);
    const consentsAnswered = events.indexOf("answered consents");
    expect(consentsAnswered).toBeGreaterThan(-1);
    expect(events.indexOf("sent cards")).toBeGreaterThan(-1);
    expect(events.indexOf("sent cards")).toBeLessThan(consentsAnswered);
    expect(events.indexOf("sent hidden")).toBeLessThan(consentsAnswered);
    expect(events.filter((event) => event === "sent cards")).toHaveLength(1);
  });

  it("shows what its own read of the Consents says when the rules changed since the gate read them", async () => {
    const { system, patientId, late, withdrawn, toWithdraw, lateDocument, keptDocument } = await setUp();
    const repo = await createRepository({ kind: "patient", accountId: `acc-${patientId}`, patientId });
    // The gate's rules as the session brought them; then, before the page's read, the patient
    // authorises Lou, withdraws Max and hides a second letter (another tab, another process).
    await repo.rules(patientId);
    await system.create(anAuthorisation({ patientId, practitionerId: late }));
    await system.update({ ...toWithdraw, status: "inactive" });
    await system.create(aHiddenDocument({ patientId, documentIds: [lateDocument] }));
    const overview = await sharingOverview(repo);
    const names = overview.authorised.map((a) => a.card.name);
    expect(names).toEqual([expect.stringContaining("Kim Annuaire"), expect.stringContaining("Lou Annuaire")]);
    expect(overview.authorised.some((a) => a.card.id === withdrawn)).toBe(false);
    expect(overview.hidden.map((h) => h.id).sort()).toEqual([keptDocument, lateDocument].sort());
    expect(overview.hidden.find((h) => h.id === lateDocument)?.title).toBe("Lettre masquée entre-temps");
  });
});

describe("the sharing overview's read of the patient's rules", () => {
  it("reads the Consents and RelatedPersons in one search, one line of the history, and every one past the first hundred", async () => {
    const system = await systemRepository("sharing-overview-tests");
    const patientId = (await system.create(aPatient({ given: "Rita", family: "Regles" }))).id!;
    const friendId = (await system.create(aPatient({ given: "Eli", family: "Ami" }))).id!;
    await system.create(aDelegation({ patientId, agentPatientId: friendId, agentName: { given: "Eli", family: "Ami" }, scopes: ["documents:read"] }));
    // More blocks than one page of the search holds.
    const blocked = Array.from({ length: 101 }, () => newId());
    for (const practitionerId of blocked) await system.create(aBlock({ patientId, practitionerId }));
    const repo = await createRepository({ kind: "patient", accountId: `acc-${patientId}`, patientId });
    const overview = await sharingOverview(repo);
    expect(overview.blocked.map((b) => b.card.id).sort()).toEqual([...blocked].sort());
    expect(overview.delegations.map((d) => d.name)).toEqual(["Eli Ami"]);
    await repo.flushAudit();
    const rows = await db().sql.query<{ entity: string }>("SELECT entity FROM audit_event WHERE patient_id = $1::uuid AND interaction = 'search' AND agent = $2 ORDER BY seq", [patientId, `Patient/${patientId}`]);
    expect(rows.map((row) => row.entity)).toEqual(["Consent,RelatedPerson", "Consent"]);
  });
});
