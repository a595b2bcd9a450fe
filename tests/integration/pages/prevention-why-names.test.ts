import { describe, expect, it } from "vitest";
import * as patientPage from "@/pages/espace/prevention";
import * as proPage from "@/pages/pro/patients/[patientId]/prevention";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * Every prevention card has a « Pourquoi ? »: a screen reader's list of controls read « Pourquoi ? »
 * ten times. Each one's name now says which item it opens (visible text unchanged), on the
 * patient's page and on the professional's prevention tab of that patient.
 */
function summaries(html: string): { text: string; heading: string }[] {
  const cards = html.split('<li class="rounded-lg').slice(1);
  return cards.map((card) => ({
    text: (card.match(/<summary[^>]*>([\s\S]*?)<\/summary>/)?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").trim(),
    heading: (card.match(/<h3[^>]*>([\s\S]*?)<\/h3>/)?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/&#x27;/g, "'").trim(),
  }));
}

describe("« Pourquoi ? » names its item", () => {
  it("on Jean's own page and on Dr Bernard's tab of Jean's prevention", async () => {
    const system = await systemRepository("prevention-why-names-tests");
    const jean = (await system.create(aPatient({ given: "Jean", family: "Pourquoi", gender: "male", birthDate: "1950-06-02" }))).id!;
    const bernard = (await system.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id!;
    await system.create(anAuthorisation({ patientId: jean, practitionerId: bernard }));
    const jeanSession = await signIn(`Patient/${jean}`, { name: "Jean Pourquoi" });
    const bernardSession = await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" });
    const pages = [
      await servePage(patientPage, "/espace/prevention", { cookie: jeanSession.cookie }),
      await servePage(proPage, `/pro/patients/${jean}/prevention`, { cookie: bernardSession.cookie, params: { patientId: jean } }),
    ];
    for (const answer of pages) {
      expect(answer.status).toBe(200);
      const cards = summaries(answer.html ?? "");
      expect(cards.length).toBeGreaterThan(2);
      for (const { text, heading } of cards) {
        expect(heading).not.toBe("");
        expect(text.startsWith("Pourquoi ?"), text).toBe(true);
        expect(text).toContain(heading);
      }
      expect(new Set(cards.map((card) => card.text)).size).toBe(cards.length);
      // Visually unchanged: the item's name is for screen readers only.
      expect(answer.html).toMatch(/<summary[^>]*>Pourquoi \?<span class="sr-only">/);
    }
  });
});
