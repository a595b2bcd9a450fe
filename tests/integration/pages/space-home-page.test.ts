import { describe, expect, it } from "vitest";
import * as spaceHome from "@/pages/espace";
import { systemRepository } from "@/server/fhir/repository";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/**
 * A caregiver's home in another person's space (/espace): the banner names that person, and the
 * list of spaces names every person who delegated to the caregiver. What the patients whose
 * spaces they are find in their history must be one read of their name per view, not one per
 * part of the page that shows it.
 */
describe("a caregiver's home, acting in another person's space", () => {
  it("names each person once and leaves one read of each name in that person's history", async () => {
    const system = await systemRepository("space-home-tests");
    const patient = async (given: string) => (await system.create(aPatient({ given, family: "Accueil", birthDate: "1950-06-02" }))).id!;
    const [jean, paul, nadia] = [await patient("Jean"), await patient("Paul"), await patient("Nadia")];
    await system.create(aDelegation({ patientId: jean, agentPatientId: nadia, scopes: ["documents:read"] }));
    await system.create(aDelegation({ patientId: paul, agentPatientId: nadia, scopes: ["documents:read"] }));
    const session = await signIn(`Patient/${nadia}`, { space: jean, name: "Nadia Accueil" });

    const answer = await servePage(spaceHome, "/espace", { cookie: session.cookie, address: "10.0.0.61" });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Jean Accueil");
    expect(answer.html).toContain("Paul Accueil");
    // What Nadia is to each, not a word that reads as the other person's role (« Paul Accueil (aidant) »).
    expect(answer.html).toContain("Paul Accueil — vous agissez pour cette personne");
    expect(answer.html).not.toContain("(aidant)");
    // Each space's button names whose space it opens (a screen reader's list of buttons read
    // « Ouvrir cet espace » for every one).
    const buttons = [...answer.html!.matchAll(/<button[^>]*>(.*?)<\/button>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ""));
    expect(buttons).toContain("Ouvrir cet espace : Paul Accueil");
    expect(buttons).toContain("Ouvrir cet espace : Mon espace personnel");

    const namesRead = async (patientId: string) =>
      db().sql.query<{ agent: string }>(
        "SELECT agent FROM audit_event WHERE patient_id = $1::uuid AND entity = $2 AND interaction = 'read' AND outcome = 'success' AND address = '10.0.0.61'",
        [patientId, `Patient/${patientId}`],
      );
    // Jean's name is on the banner and in the list of spaces: one read of it, by Nadia.
    expect(await namesRead(jean)).toEqual([{ agent: `Patient/${nadia}` }]);
    expect(await namesRead(paul)).toEqual([{ agent: `Patient/${nadia}` }]);
    // Every row of the view, Jean's and Paul's, committed together before the page was answered:
    // one transaction (one INSERT), not one per person named.
    const transactions = await db().sql.query<{ n: string }>("SELECT count(DISTINCT xmin::text) AS n FROM audit_event WHERE address = '10.0.0.61'");
    expect(Number(transactions[0]!.n)).toBe(1);
  });
});
