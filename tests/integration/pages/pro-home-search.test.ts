import { describe, expect, it } from "vitest";
import * as proHome from "@/pages/pro";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { PATIENTS_PER_PAGE } from "@/server/practitioners/list-authorising-patients";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";
import { useTestDatabase } from "../../setup/test-database";

useTestDatabase();

/** A doctor whom more patients authorise than one page holds, two of them namesakes; one stranger. */
async function world() {
  const system = await systemRepository("pro-home-search-tests");
  const doctor = (await system.create(aPractitioner({ given: "Sophie", family: "Cherche" }))).id!;
  for (let n = 0; n < PATIENTS_PER_PAGE; n++) {
    const id = (await system.create(aPatient({ given: `Patient${String(n).padStart(2, "0")}`, family: "Aaron" }))).id!;
    await system.create(anAuthorisation({ patientId: id, practitionerId: doctor }));
  }
  const older = (await system.create(aPatient({ given: "Zoé", family: "Zéphyr", birthDate: "1950-06-02" }))).id!;
  const younger = (await system.create(aPatient({ given: "Zoé", family: "Zéphyr", birthDate: "1988-01-15" }))).id!;
  const stranger = (await system.create(aPatient({ given: "Zoé", family: "Zéphyrine", birthDate: "1970-01-01" }))).id!;
  for (const id of [older, younger]) await system.create(anAuthorisation({ patientId: id, practitionerId: doctor }));
  const session = await signIn(`Practitioner/${doctor}`, { name: "Dr Sophie Cherche" });
  return { older, younger, stranger, cookie: session.cookie };
}

const html = async (cookie: string, path: string) => (await servePage(proHome, path, { cookie })).html ?? "";

describe("a professional finds one patient among many on the home page", () => {
  it("offers a search (a GET form, no JavaScript), and names each patient's birth date to tell namesakes apart", async () => {
    const { cookie } = await world();
    const page = await html(cookie, "/pro");
    // The namesakes are past the first fifty: without a search, the doctor pages through the list.
    expect(page).not.toContain("Zéphyr");
    expect(page).toMatch(/<form role="search"[^>]*action="\/pro" method="get">/);
    expect(page).toMatch(/<label for="field-q"[^>]*>Rechercher un patient<\/label>/);
  });

  it("by name, accents and case aside: both namesakes, each with their birth date, and a way back to the whole list", async () => {
    const { cookie, older, younger, stranger } = await world();
    const page = await html(cookie, "/pro?q=zoe+zephyr");
    expect(page).toContain("2 patients trouvés pour « zoe zephyr ».");
    expect(page).toContain(`href="/pro/patients/${older}"`);
    expect(page).toContain(`href="/pro/patients/${younger}"`);
    expect(page).not.toContain(stranger);
    expect(page).not.toContain("Patient00");
    expect(page).toContain("Date de naissance : 02/06/1950");
    expect(page).toContain("Date de naissance : 15/01/1988");
    expect(page).toContain('value="zoe zephyr"');
    expect(page).toContain('<a href="/pro" class="py-2 font-semibold">Voir toute la liste</a>');
  });

  it("by birth date as written in France", async () => {
    const { cookie, older, younger } = await world();
    const page = await html(cookie, "/pro?q=02%2F06%2F1950");
    expect(page).toContain("1 patient trouvé pour « 02/06/1950 ».");
    expect(page).toContain(`href="/pro/patients/${older}"`);
    expect(page).not.toContain(`href="/pro/patients/${younger}"`);
  });

  it("says plainly when nobody in the list matches; a patient outside the list is never found", async () => {
    const { cookie, stranger } = await world();
    const page = await html(cookie, "/pro?q=Z%C3%A9phyrine");
    expect(page).toContain("Aucun patient de votre liste ne correspond à « Zéphyrine ».");
    expect(page).not.toContain(stranger);
  });
});

describe("the professional's list of patients", () => {
  it("is in the order of family names, then given names, as a doctor looks a patient up", async () => {
    const system = await systemRepository("pro-home-order-tests");
    const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Ordre" }))).id!;
    for (const [given, family] of [["Jean", "Martin"], ["Zoé", "Bernard"], ["Camille", "Martin"], ["Adèle", "Étienne"]] as const) {
      const id = (await system.create(aPatient({ given, family }))).id!;
      await system.create(anAuthorisation({ patientId: id, practitionerId: doctor }));
    }
    const page = await html((await signIn(`Practitioner/${doctor}`, { name: "Dr Paul Ordre" })).cookie, "/pro");
    const names = [...page.matchAll(/<a href="\/pro\/patients\/[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(names).toEqual(["Zoé Bernard", "Adèle Étienne", "Camille Martin", "Jean Martin"]);
  });
});
