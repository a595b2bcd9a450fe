import { describe, expect, it } from "vitest";
import * as patientPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/** The page's words as a person reads them: tags dropped, React's escaped apostrophes read back. */
const text = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");

/** How deep parentheses go in a text: 1 for « a (b) », 2 for « a (b (c)) ». */
function depth(words: string): number {
  let level = 0;
  let deepest = 0;
  for (const char of words) {
    if (char === "(") deepest = Math.max(deepest, ++level);
    if (char === ")") level--;
  }
  return deepest;
}

/**
 * Each card's « Pourquoi ? » ends with its source, and says it again as a link, « document
 * (edition) »: the cervical screening's read « … recommandation de la HAS (2020 (recommandation
 * HAS de juillet 2019)) » to a woman of 41 (found walking Camille's page).
 */
describe("the prevention page's sources", () => {
  it("read as plain French: no parenthesis inside another, in the reasons or the links", async () => {
    const system = await systemRepository("prevention-source-words-tests");
    const people = [
      await system.create(aPatient({ given: "Rose", family: "Sources", gender: "female", birthDate: "1985-03-14" })),
      await system.create(aPatient({ given: "Paul", family: "Sources", gender: "male", birthDate: "1950-06-02" })),
    ];
    for (const person of people) {
      const session = await signIn(`Patient/${person.id}`, { name: `${person.name![0]!.given![0]} Sources` });
      const answer = await servePage(patientPage, "/espace/prevention", { cookie: session.cookie });
      expect(answer.status).toBe(200);
      const reasons = [...answer.html!.matchAll(/<p class="mt-2 max-w-prose text-slate-800">([\s\S]*?)<\/p>/g)].map((m) => text(m[1]!));
      const links = [...answer.html!.matchAll(/<a class="text-blue-800 underline" href="[^"]*" rel="noreferrer">([\s\S]*?)<\/a>/g)].map((m) => text(m[1]!));
      expect(reasons.length).toBeGreaterThan(2);
      expect(links.length).toBe(reasons.length);
      for (const words of [...reasons, ...links]) expect(depth(words), words).toBeLessThanOrEqual(1);
    }
    // The woman's cervical screening is among them, read as one source.
    const rose = await signIn(`Patient/${people[0]!.id}`, { name: "Rose Sources" });
    const page = text((await servePage(patientPage, "/espace/prevention", { cookie: rose.cookie })).html!);
    expect(page).toContain("Recommandation de la HAS de juillet 2019 et programme national de dépistage organisé du cancer du col de l'utérus (arrêté du 30 juillet 2020)");
  });
});
