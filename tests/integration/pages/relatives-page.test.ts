import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import * as relativesPage from "@/pages/espace/proches";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * « Proches et délégations » (/espace/proches): the family tie beside each person who acts for
 * the space is French, whatever English display the RelatedPerson's v3 RoleCode coding carries.
 */
describe("the relatives page, on family ties", () => {
  it("says « fille » for a daughter caregiver and « représentante légale, mère » for a mother guardian, never the codings' English", async () => {
    const system = await systemRepository("relatives-page-tests");
    const father = await personWithAccount(system, "Jules", "Pere");
    const daughter = await personWithAccount(system, "Claire", "Fille");
    const end = addDaysToDay(parisDayOf(new Date()), 90);
    await system.create(
      aDelegation({ patientId: father.patientId, agentPatientId: daughter.patientId, agentName: { given: "Claire", family: "Fille" }, relationship: { code: "DAU", display: "natural daughter" }, scopes: ["documents:read"], end }),
    );
    const child = (await system.create(aPatient({ given: "Nino", family: "Fille", birthDate: "2018-05-01" }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: daughter.patientId, agentName: { given: "Claire", family: "Fille" }, relationship: { code: "MTH", display: "mother" }, scopes: [] }));

    const fathers = await servePage(relativesPage, "/espace/proches", { cookie: father.session.cookie });
    expect(fathers.status).toBe(200);
    expect(fathers.html).toContain("Claire Fille");
    expect(fathers.html).toContain("(fille)");
    expect(fathers.html).not.toContain("natural daughter");

    const inChild = await sessionOf(daughter.account, child);
    const childs = await servePage(relativesPage, "/espace/proches", { cookie: inChild.cookie });
    expect(childs.status).toBe(200);
    expect(childs.html).toContain("(représentante légale, mère)");
    expect(childs.html).not.toContain("mother");
    expect(childs.html).not.toMatch(/[Rr]eprésentant légal/);
  });

  it("agrees a guardian's tie with her recorded sex (the viewer's own record, her RelatedPerson), else with her family tie, else in the law's masculine", async () => {
    const system = await systemRepository("relatives-page-tests");
    const mother = await personWithAccount(system, "Ines", "Tutrice", "female");
    const child = (await system.create(aPatient({ given: "Noa", family: "Tutrice", birthDate: "2019-02-01" }))).id!;
    const guardians = [
      { given: "Paul", family: "Pere", relationship: { code: "FTH", display: "father" } },
      { given: "Lina", family: "Tante", relationship: undefined, gender: "female" as const },
      { given: "Sacha", family: "Tuteur", relationship: undefined },
    ];
    await system.create(aGuardianship({ patientId: child, agentPatientId: mother.patientId, agentName: { given: "Ines", family: "Tutrice" }, scopes: [] }));
    for (const g of guardians) {
      const other = await personWithAccount(system, g.given, g.family);
      const tie = aGuardianship({ patientId: child, agentPatientId: other.patientId, agentName: { given: g.given, family: g.family }, relationship: g.relationship, scopes: [] });
      await system.create(g.gender ? { ...tie, gender: g.gender } : tie);
    }
    const page = await servePage(relativesPage, "/espace/proches", { cookie: (await sessionOf(mother.account, child)).cookie });
    expect(page.status).toBe(200);
    expect(page.html).toMatch(/Paul Pere(?:<!-- -->)?<span[^>]*> \(représentant légal, père\)/);
    expect(page.html).toMatch(/Lina Tante(?:<!-- -->)?<span[^>]*> \(représentante légale\)/);
    expect(page.html).toMatch(/Sacha Tuteur(?:<!-- -->)?<span[^>]*> \(représentant légal\)/);
    // The viewer herself, recorded as a woman, whatever her tie says (none here).
    expect(page.html).toMatch(/Ines Tutrice(?:<!-- -->)?<span[^>]*> \(représentante légale\)/);
    expect(page.html).toContain("Représentation légale : tous les droits.");
  });
});

describe("the relatives page, on when each delegation opens", () => {
  it("says « À partir du » the day a delegation still in its pause opens, and « Depuis le » once it is open", async () => {
    const system = await systemRepository("relatives-page-tests");
    const person = await personWithAccount(system, "Alice", "Pause");
    const waiting = await personWithAccount(system, "Bruno", "Attente");
    const open = await personWithAccount(system, "Chloe", "Ouverte");
    const end = addDaysToDay(parisDayOf(new Date()), 90);
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    const yesterday = new Date(Date.now() - 24 * 3600_000).toISOString();
    await system.create(aDelegation({ patientId: person.patientId, agentPatientId: waiting.patientId, agentName: { given: "Bruno", family: "Attente" }, scopes: ["documents:read"], start: tomorrow, end }));
    await system.create(aDelegation({ patientId: person.patientId, agentPatientId: open.patientId, agentName: { given: "Chloe", family: "Ouverte" }, scopes: ["documents:read"], start: yesterday, end }));

    const html = (await servePage(relativesPage, "/espace/proches", { cookie: person.session.cookie })).html!;
    const item = (name: string) => html.slice(html.indexOf(name), html.indexOf("</li>", html.indexOf(name)));
    expect(item("Bruno Attente")).toContain("En attente (pause de 24 heures)");
    expect(item("Bruno Attente")).toMatch(/À partir du \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}, /);
    expect(item("Bruno Attente")).not.toContain("Depuis le");
    expect(item("Chloe Ouverte")).toMatch(/Depuis le \d{1,2}(?:er)? \S+ \d{4} à \d{2}:\d{2}, /);
  });
});

describe("the relatives page, after the invitation form came back refused", () => {
  it("marks the end date invalid and reads the refusal with it when the invitation came back for its date (a form sent without JavaScript)", async () => {
    const system = await systemRepository("relatives-page-tests");
    const person = await personWithAccount(system, "Rose", "Datefin");
    const answer = await servePage(relativesPage, "/espace/proches?message=date", { cookie: person.session.cookie });
    expect(answer.status).toBe(200);
    const field = answer.html!.match(/<input[^>]*name="fin"[^>]*>/)?.[0] ?? "";
    expect(field).toContain('aria-invalid="true"');
    const describedBy = field.match(/aria-describedby="([^"]*)"/)?.[1]?.split(" ") ?? [];
    const errorId = describedBy.find((id) => answer.html!.includes(`<p id="${id}" class="text-sm font-semibold text-red-800">`));
    expect(errorId, "the field's description includes its error").toBeDefined();
    expect(answer.html).toMatch(new RegExp(`<p id="${errorId}"[^>]*>.*La date de fin doit être entre aujourd&#x27;hui et dans trois ans au plus\\.</p>`));
    // Another refusal says nothing of the date: the field is not marked.
    const other = await servePage(relativesPage, "/espace/proches?message=formulaire", { cookie: person.session.cookie });
    expect(other.html!.match(/<input[^>]*name="fin"[^>]*>/)?.[0]).not.toContain("aria-invalid");
  });

  it("marks the one field a refusal names (a first or last name, the e-mail, her own address, the tie), with the refusal read with it; the general refusal marks none", async () => {
    const system = await systemRepository("relatives-page-tests");
    const person = await personWithAccount(system, "Rose", "Champs");
    const control = (html: string, name: string) => html.match(new RegExp(`<(?:input|select)[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    const fields = ["prenom", "nom", "email", "lien", "fin"];
    for (const [code, field] of [["prenom", "prenom"], ["nom", "nom"], ["email", "email"], ["soi-meme", "email"], ["lien", "lien"]] as const) {
      const html = (await servePage(relativesPage, `/espace/proches?message=${code}`, { cookie: person.session.cookie })).html!;
      expect(control(html, field), code).toContain('aria-invalid="true"');
      const errorId = control(html, field).match(/aria-describedby="(?:[^"]* )?([^" ]*-error)"/)?.[1];
      expect(errorId, code).toBeDefined();
      expect(html, code).toMatch(new RegExp(`<p id="${errorId}" class="text-sm font-semibold text-red-800">.*Rien n&#x27;a été envoyé\\.</p>`));
      for (const other of fields.filter((name) => name !== field)) expect(control(html, other), `${code}: ${other}`).not.toContain("aria-invalid");
    }
    const general = (await servePage(relativesPage, "/espace/proches?message=formulaire", { cookie: person.session.cookie })).html!;
    for (const name of fields) expect(control(general, name), name).not.toContain("aria-invalid");
  });
});
