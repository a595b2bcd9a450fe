import { describe, expect, it } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import * as relativesPage from "@/pages/espace/proches";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "./pages-route";

useTestDatabase();

/** The button's accessible name: its text, the sr-only part included, tags stripped. */
const buttonNames = (html: string) => [...html.matchAll(/<button[^>]*type="submit"[^>]*>(.*?)<\/button>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));

describe("« Les personnes pour qui j'agis » on the relatives page", () => {
  it("names whose space each « Ouvrir son espace » opens, so a list of buttons tells them apart", async () => {
    const system = await systemRepository("relatives-open-space-tests");
    const father = await personWithAccount(system, "Jules", "Pere");
    const daughter = await personWithAccount(system, "Claire", "Fille");
    await system.create(aDelegation({ patientId: father.patientId, agentPatientId: daughter.patientId, agentName: { given: "Claire", family: "Fille" }, scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 90) }));
    const child = (await system.create(aPatient({ given: "Nino", family: "Fille", birthDate: "2018-05-01" }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: daughter.patientId, agentName: { given: "Claire", family: "Fille" }, scopes: [] }));

    const page = await servePage(relativesPage, "/espace/proches", { cookie: daughter.session.cookie });
    const names = buttonNames(page.html ?? "").filter((name) => name.startsWith("Ouvrir son espace"));
    expect(names.sort()).toEqual(["Ouvrir son espace : Jules Pere", "Ouvrir son espace : Nino Fille"]);
  });
});
