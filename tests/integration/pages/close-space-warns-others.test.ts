import { describe, expect, it } from "vitest";
import * as accountPage from "@/pages/espace/compte";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

const db = useTestDatabase();
const plain = (html: string | undefined) => (html ?? "").replace(/<!-- -->/g, "").replaceAll("&#x27;", "'");

/**
 * « Clôturer mon espace » shuts her account (close-space.ts): a mother also loses her children's
 * spaces, a caregiver those confided to her. « Mon compte » says so, with how many, before she
 * confirms; from a count of the delegations naming her, with nothing read of those people (no
 * line in their histories for a look at one's own account).
 */
describe("closing one's space, said to a parent and a caregiver before she confirms", () => {
  it("counts her children's and her relatives' spaces, reads nothing of them, and says nothing to a person who acts for no one", async () => {
    const system = await systemRepository("close-space-warns-tests");
    const mother = await personWithAccount(system, "Maud", "Mère");
    const alone = await personWithAccount(system, "Solène", "Seule");
    const child = (await system.create(aPatient({ given: "Léo", family: "Mère", birthDate: "2018-04-02" }))).id!;
    const twin = (await system.create(aPatient({ given: "Lou", family: "Mère", birthDate: "2018-04-02" }))).id!;
    const father = (await system.create(aPatient({ given: "Paul", family: "Père", birthDate: "1948-01-02" }))).id!;
    for (const patientId of [child, twin]) await system.create(aGuardianship({ patientId, agentPatientId: mother.patientId, scopes: [] }));
    await system.create(aDelegation({ patientId: father, agentPatientId: mother.patientId, scopes: ["documents:read"] }));

    const page = plain((await servePage(accountPage, "/espace/compte", { cookie: mother.session.cookie, address: "10.0.48.31" })).html);
    expect(page).toContain("Clôturer mon espace");
    expect(page).toContain("Vous ne pourrez plus agir dans les espaces de vos 2 enfants (ou des personnes que vous représentez) : leurs espaces restent ouverts.");
    expect(page).toContain("Vous ne pourrez plus agir pour le proche qui vous a confié l'accès à son espace : son espace reste ouvert.");
    expect(page).not.toContain("Léo");
    expect(page).not.toContain("Paul Père");
    const theirs = await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = ANY($1::uuid[]) AND address = '10.0.48.31'", [[child, twin, father]]);
    expect(theirs).toHaveLength(0);

    // In her son's space, the form would only be refused: the page says to go back to her own.
    const inHis = await signIn(`Patient/${mother.patientId}`, { space: child, name: "Maud Mère" });
    const there = plain((await servePage(accountPage, "/espace/compte", { cookie: inHis.cookie, address: "10.0.48.33" })).html);
    expect(there).toContain("Vous agissez en ce moment dans l'espace d'un proche. Pour clôturer votre propre espace, revenez d'abord dans votre espace");
    expect(there).not.toContain('action="/compte/cloturer"');

    const solene = plain((await servePage(accountPage, "/espace/compte", { cookie: alone.session.cookie, address: "10.0.48.32" })).html);
    expect(solene).toContain("Clôturer mon espace");
    expect(solene).not.toContain("Vous ne pourrez plus agir");
    expect(solene).toContain('action="/compte/cloturer"');
  });
});
