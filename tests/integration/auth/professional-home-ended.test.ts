import { describe, expect, it } from "vitest";
import type { Patient } from "@medplum/fhirtypes";
import { systemRepository } from "@/server/fhir/repository";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import * as proHome from "@/pages/pro";
import { signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";

const db = useTestDatabase();

/**
 * The professional's home listed the patients whose access had ended under their name and birth
 * date as the record holds them today, read after the access ended: a patient who withdrew her
 * authorisation, or blocked the professional, then changed her name (a marriage, a divorce, a
 * gender transition) had her new name shown to someone she had shut out (found by the rules
 * review, on this page). The home now lists only the patients who let the professional in, and
 * says how many others' access ended, reading nothing of their records.
 */
describe("the home page and the patients whose access ended", () => {
  it("shows none of their names, old or new, nor birth dates; says their access ended; reads nothing of their records", async () => {
    const system = await systemRepository("pro-home-ended-tests");
    const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Fin" }))).id!;
    const tag = newId().slice(0, 6);
    const current = await system.create(aPatient({ given: "Anna", family: `Présente${tag}`, birthDate: "1961-03-04" }));
    await system.create(anAuthorisation({ patientId: current.id!, practitionerId: doctor }));
    const people: Patient[] = [];
    for (const [given, birthDate] of [["Bruno", "1972-05-06"], ["Chloé", "1983-07-08"], ["Denis", "1994-09-10"]] as const) {
      people.push(await system.create(aPatient({ given, family: `Avant${tag}`, birthDate })));
    }
    const [withdrawn, blocked, expired] = people as [Patient, Patient, Patient];
    const grant = await system.create(anAuthorisation({ patientId: withdrawn.id!, practitionerId: doctor }));
    await system.create(anAuthorisation({ patientId: blocked.id!, practitionerId: doctor }));
    const limited = await system.create(anAuthorisation({ patientId: expired.id!, practitionerId: doctor, until: new Date(Date.now() + 60_000).toISOString() }));
    const cookie = (await signIn(`Practitioner/${doctor}`, { name: "Dr Sophie Fin" })).cookie;
    const html = async () => (await servePage(proHome, "/pro", { cookie })).html!.replace(/&#x27;/g, "'");
    expect(await html()).toContain(`Bruno Avant${tag}`);

    // Access ends three ways; then each patient changes her name.
    await system.update({ ...grant, status: "inactive" });
    await system.create(aBlock({ patientId: blocked.id!, practitionerId: doctor }));
    await system.update({ ...limited, provision: { ...limited.provision, period: { ...limited.provision?.period, end: new Date(Date.now() - 1000).toISOString() } } });
    for (const person of people) {
      const stored = await system.read<Patient>("Patient", person.id!);
      await system.update({ ...stored, name: [{ use: "official", given: stored.name![0]!.given, family: `Après${tag}` }] });
    }
    const auditBefore = await auditRowsOf(people.map((p) => p.id!));

    const page = await html();
    expect(page).toContain(`Anna Présente${tag}`);
    for (const word of [`Avant${tag}`, `Après${tag}`, "1972", "1983", "1994"]) expect(page).not.toContain(word);
    expect(page).toContain("Votre accès aux dossiers de 3 patients a pris fin ; ils n'apparaissent plus dans cette liste.");
    expect(page).toContain("1 patient vous autorise actuellement.");
    // Searching by the new name finds nothing either.
    const search = (await servePage(proHome, `/pro?q=${encodeURIComponent(`Après${tag}`)}`, { cookie })).html!;
    for (const given of ["Bruno", "Chloé", "Denis"]) expect(search).not.toContain(given);
    expect(await auditRowsOf(people.map((p) => p.id!))).toBe(auditBefore);
  });
});

async function auditRowsOf(patientIds: string[]): Promise<number> {
  const rows = await db().sql.query<{ n: number | string }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = ANY($1::uuid[])", [patientIds]);
  return Number(rows[0]?.n ?? 0);
}
