import { describe, expect, it } from "vitest";
import type { Patient } from "@medplum/fhirtypes";
import { practitionerPatients } from "@/server/fhir/practitioner-patients";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { listAuthorisingPatients, PATIENTS_PER_PAGE } from "@/server/practitioners/list-authorising-patients";
import { endOfParisDay } from "@/lib/dates/paris-day";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, anAuthorisation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import * as proHome from "@/pages/pro";
import { signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";

const db = useTestDatabase();

async function auditRowsOf(patientIds: string[]): Promise<number> {
  const { sql } = db();
  const rows = await sql.query<{ n: number | string | bigint }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = ANY($1::uuid[])", [patientIds]);
  return Number(rows[0]?.n ?? 0);
}

describe("a professional's patients", () => {
  it("are those who authorise them now (level, end), those whose access ended only counted, without writing into their histories", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Test" }))).id ?? "";
    // One family name for them all: the list goes by family name, then given names.
    const family = `Test${newId().slice(0, 4)}`;
    const patient = async (given: string) => (await system.create(aPatient({ given, family }))).id ?? "";
    const [standing, limited, blocked, expired, withdrawn, stranger] = await Promise.all(["Zoé", "Anna", "Bruno", "Chloé", "Denis", "Émile"].map(patient));
    const until = new Date(Date.now() + 30 * 86_400_000);
    await system.create(anAuthorisation({ patientId: standing!, practitionerId: doctor }));
    await system.create(anAuthorisation({ patientId: limited!, practitionerId: doctor, until: until.toISOString(), restricted: true }));
    await system.create(anAuthorisation({ patientId: blocked!, practitionerId: doctor }));
    await system.create(aBlock({ patientId: blocked!, practitionerId: doctor }));
    await system.create(anAuthorisation({ patientId: expired!, practitionerId: doctor, until: new Date(Date.now() - 1000).toISOString() }));
    await system.create(anAuthorisation({ patientId: withdrawn!, practitionerId: doctor, status: "inactive" }));
    const ids = [standing!, limited!, blocked!, expired!, withdrawn!];
    const rowsBefore = await auditRowsOf(ids);

    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    const list = await listAuthorisingPatients(repo);
    expect(list.patients.map((p) => p.patientId)).toEqual([limited, standing]);
    expect(list.patients.map((p) => p.patientId)).not.toContain(stranger);
    expect(list).toMatchObject({ total: 2, ended: 3, page: 1, pages: 1 });
    expect(list.patients[0]?.name).toMatch(/^Anna Test/);
    expect(list.patients[0]?.access).toEqual({ until, restricted: true });
    expect(list.patients[1]?.access).toEqual({ until: undefined, restricted: false });
    // The list is the identity that came with each authorisation: no row in anyone's history per visit.
    expect(await auditRowsOf(ids)).toBe(rowsBefore);
  });

  it("pages through every patient, with no ceiling", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Test" }))).id ?? "";
    for (let n = 0; n < PATIENTS_PER_PAGE + 3; n++) {
      const id = (await system.create(aPatient({ given: `P${String(n).padStart(3, "0")}`, family: "Liste" }))).id!;
      await system.create(anAuthorisation({ patientId: id, practitionerId: doctor }));
    }
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    const first = await listAuthorisingPatients(repo, 1);
    const second = await listAuthorisingPatients(repo, 2);
    expect(first).toMatchObject({ total: PATIENTS_PER_PAGE + 3, pages: 2 });
    expect(first.patients).toHaveLength(PATIENTS_PER_PAGE);
    expect(second.patients.map((p) => p.name)).toEqual([0, 1, 2].map((k) => `P${String(PATIENTS_PER_PAGE + k).padStart(3, "0")} Liste`));
    expect((await listAuthorisingPatients(repo, 99)).page).toBe(2);
  });

  // The list is kept between views while nothing it depends on changes (practitioner-patients.ts):
  // every change below shows on the very next view.
  it("shows a block, a withdrawal, a new authorisation and a new name on the very next view", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Kept", family: "Test" }))).id ?? "";
    const anna = await system.create(aPatient({ given: "Anna", family: "Gardée" }));
    const bruno = (await system.create(aPatient({ given: "Bruno", family: "Gardé" }))).id!;
    const chloe = (await system.create(aPatient({ given: "Chloé", family: "Gardée" }))).id!;
    await system.create(anAuthorisation({ patientId: anna.id!, practitionerId: doctor }));
    const brunoGrant = await system.create(anAuthorisation({ patientId: bruno, practitionerId: doctor }));
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    const view = async () => {
      const list = await listAuthorisingPatients(repo);
      return { names: list.patients.map((p) => p.name), ended: list.ended };
    };
    expect(await view()).toEqual({ names: ["Bruno Gardé", "Anna Gardée"], ended: 0 });
    expect(await view()).toEqual({ names: ["Bruno Gardé", "Anna Gardée"], ended: 0 });

    await system.create(aBlock({ patientId: anna.id!, practitionerId: doctor }));
    expect(await view()).toEqual({ names: ["Bruno Gardé"], ended: 1 });

    await system.update({ ...brunoGrant, status: "inactive" });
    expect(await view()).toEqual({ names: [], ended: 2 });

    await system.create(anAuthorisation({ patientId: chloe, practitionerId: doctor }));
    expect(await view()).toEqual({ names: ["Chloé Gardée"], ended: 2 });

    const chloeNow = await system.read<Patient>("Patient", chloe);
    await system.update({ ...chloeNow, name: [{ use: "official", given: ["Chloé"], family: "Renommée" }] });
    expect(await view()).toEqual({ names: ["Chloé Renommée"], ended: 2 });
  });

  it("shows a time-limited authorisation as ended from the instant it ends, with nothing written", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Temps", family: "Test" }))).id ?? "";
    const patient = (await system.create(aPatient({ given: "Denis", family: "Limité" }))).id!;
    const start = Date.now();
    const end = new Date(start + 60_000);
    await system.create(anAuthorisation({ patientId: patient, practitionerId: doctor, until: end.toISOString() }));
    const actor = { kind: "practitioner" as const, accountId: newId(), practitionerId: doctor };
    const at = async (ms: number) => (await practitionerPatients(db().sql, actor, new Date(ms))).patients[0]?.access;
    expect(await at(start)).toEqual({ until: end, restricted: false });
    expect(await at(end.getTime() - 1)).toEqual({ until: end, restricted: false });
    expect(await at(end.getTime())).toBeUndefined();
    // A clock set back (tests) works the list out again rather than reuse one from "later".
    expect(await at(start)).toEqual({ until: end, restricted: false });
  });

  it("is nobody for a professional nobody authorised", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Inès", family: "Test" }))).id ?? "";
    const repo = await createRepository({ kind: "practitioner", accountId: newId(), practitionerId: doctor });
    expect((await listAuthorisingPatients(repo)).patients).toEqual([]);
  });
});

// Found by an exploratory test of the demo: Camille's authorisation of Dr Bernard ended on the
// date she chose, and Dr Bernard's home said « accès retiré », as if Camille had withdrawn it.
// One word for every end (a date reached, a withdrawal, a block), since the list must not tell
// which: « accès terminé ».
describe("the home page's patients whose access ended", () => {
  it("are said to have ended, not to have been withdrawn", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Fin" }))).id!;
    const patientId = (await system.create(aPatient({ given: "Chloé", family: `Fin${newId().slice(0, 4)}` }))).id!;
    await system.create(anAuthorisation({ patientId, practitionerId: doctor, until: new Date(Date.now() - 1000).toISOString() }));
    const page = await servePage(proHome, "/pro", { cookie: (await signIn(`Practitioner/${doctor}`, { name: "Dr Sophie Fin" })).cookie });
    expect(page.html?.replace(/&#x27;/g, "'")).toContain("Votre accès au dossier de 1 patient a pris fin ; il n'apparaît plus dans cette liste.");
    expect(page.html).not.toContain("retiré");
  });
});

// Found walking the journeys: an authorisation's end read « jusqu'au 31 janvier 2027 » where the
// patient's page says the last day is included; one ending on a plain day (FHIR's period.end as a
// date, as a delegation's is) read the day after, its first day without access.
describe("the home page's end of an authorisation", () => {
  it("is its last day, said to be included, whether stored as a day or as that day's last instant", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Jour" }))).id!;
    const now = new Date();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 2, 0));
    const day = last.toISOString().slice(0, 10);
    const months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];
    const said = `jusqu'au ${last.getUTCDate()} ${months[last.getUTCMonth()]} ${last.getUTCFullYear()} inclus`;
    for (const until of [day, endOfParisDay(day).toISOString()]) {
      const patientId = (await system.create(aPatient({ given: "Zoé", family: `Jour${newId().slice(0, 4)}` }))).id!;
      await system.create(anAuthorisation({ patientId, practitionerId: doctor, until }));
    }
    const page = await servePage(proHome, "/pro", { cookie: (await signIn(`Practitioner/${doctor}`, { name: "Dr Paul Jour" })).cookie });
    const html = page.html!.replace(/&#x27;/g, "'");
    expect(html.split(said)).toHaveLength(3);
  });
});

// Found in the browser: « 2 patients vous autorisent actuellement ; 2 au total dans cette liste »
// said the same number twice. The list now holds only those who authorise now; the others are counted apart.
describe("the home page's count of patients", () => {
  it("counts those who authorise now, and apart those whose access ended", async () => {
    const system = await systemRepository("auth-tests");
    const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Compte" }))).id!;
    const cookie = (await signIn(`Practitioner/${doctor}`, { name: "Dr Sophie Compte" })).cookie;
    const text = async () => (await servePage(proHome, "/pro", { cookie })).html!.replace(/&#x27;/g, "'");
    for (const given of ["Anna", "Bruno"]) {
      const patientId = (await system.create(aPatient({ given, family: `Compte${newId().slice(0, 4)}` }))).id!;
      await system.create(anAuthorisation({ patientId, practitionerId: doctor }));
    }
    let page = await text();
    expect(page).toContain("2 patients vous autorisent actuellement.");
    expect(page).not.toContain("au total dans cette liste");

    const ended = (await system.create(aPatient({ given: "Chloé", family: `Compte${newId().slice(0, 4)}` }))).id!;
    await system.create(anAuthorisation({ patientId: ended, practitionerId: doctor, until: new Date(Date.now() - 1000).toISOString() }));
    page = await text();
    expect(page).toContain("2 patients vous autorisent actuellement.");
    expect(page).toContain("Votre accès au dossier de 1 patient a pris fin ; il n'apparaît plus dans cette liste.");
    expect(page).not.toContain("Chloé");
  });
});
