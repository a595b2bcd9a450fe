import { describe, expect, it } from "vitest";
import * as messagesPage from "@/pages/espace/messages";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

const WAY_ON = '<a href="/espace/partage">Aller à « Partage et confidentialité »</a>';

/**
 * The messaging page when no professional may receive a message: found walking Léo's space as
 * his mother, the page said « aucun n'est autorisé aujourd'hui à voir le dossier de Léo Martin »
 * and nothing else, though she authorises professionals for him on « Partage et confidentialité ».
 */
describe("the messaging page with no one to write to", () => {
  it("sends whoever may authorise a professional there (the patient, a parent, a caregiver who manages the sharing), not a caregiver who may not", async () => {
    const system = await systemRepository("messages-way-on-tests");
    const mother = await personWithAccount(system, "Lise", "Mere", "female");
    const child = (await system.create(aPatient({ given: "Noe", family: "Mere", birthDate: "2018-04-01" }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: mother.patientId, scopes: [] }));
    const manager = await personWithAccount(system, "Marc", "Gerant");
    const writer = await personWithAccount(system, "Wanda", "Ecrit");
    await system.create(aDelegation({ patientId: mother.patientId, agentPatientId: manager.patientId, scopes: ["documents:read", "privacy:manage", "messages:write"] }));
    await system.create(aDelegation({ patientId: mother.patientId, agentPatientId: writer.patientId, scopes: ["documents:read", "messages:write"] }));

    const page = async (cookie: string) => {
      const answer = await servePage(messagesPage, "/espace/messages", { cookie });
      expect(answer.status).toBe(200);
      expect(answer.html).toContain("Aucun professionnel ne peut recevoir de message");
      return answer.html!;
    };
    expect(await page(mother.session.cookie)).toContain(WAY_ON);
    expect(await page((await sessionOf(mother.account, child)).cookie)).toContain(WAY_ON);
    expect(await page((await sessionOf(manager.account, mother.patientId)).cookie)).toContain(WAY_ON);
    expect(await page((await sessionOf(writer.account, mother.patientId)).cookie)).not.toContain("/espace/partage");
  });
});
