import { expect } from "vitest";
import { POST as addToRecord } from "@/app/(patient)/espace/prevention/carnet/ajouter/route";
import * as preventionPage from "@/pages/espace/prevention";
import { aPatient } from "@/lib/fhir/builders/people";
import { aGuardianship } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, signIn, warmUpValidator } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";

/**
 * What the prevention page tests share: a mother in her child's space, a rendered calendar as a
 * person reads it, the group an item is listed in, and a vaccine added to the carnet through its
 * form's route.
 */

/** The page's words, without tags, entities a person does not see, or runs of spaces. */
export const pageText = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replace(/\s+/g, " ");

/** The calendar's group an item's label is listed in, as the page's headings divide it. */
export function groupOf(page: string, label: string): string | undefined {
  const at = page.indexOf(label);
  if (at < 0) return undefined;
  const headings = ["À faire maintenant", "Bientôt", "À jour", "Le reste du calendrier"];
  return headings.filter((h) => page.indexOf(h) >= 0 && page.indexOf(h) < at).sort((a, b) => page.indexOf(b) - page.indexOf(a))[0];
}

/** « Carnet › Ajouter » posted as the signed-in person's browser does; the answer's redirect. */
export async function addToCarnet(cookie: string, product: string, date: string): Promise<string | null> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie });
  const request = new Request(`${appUrl()}/espace/prevention/carnet/ajouter`, { method: "POST", headers, body: new URLSearchParams({ product, date }) });
  const answer = await inRequestScope(request, () => addToRecord(request));
  return answer.headers.get("location");
}

/** Camille Martin (the demo's mother) signed in to her child's space, as his or her guardian. */
export async function motherInChildSpace(child: { given: string; gender: "male" | "female"; birthDate: string }): Promise<{ cookie: string; childId: string }> {
  warmUpValidator();
  const system = await systemRepository("prevention-page-tests");
  const mother = (await system.create(aPatient({ given: "Camille", family: "Martin", birthDate: "1985-03-14" }))).id!;
  const childId = (await system.create(aPatient({ ...child, family: "Martin" }))).id!;
  await system.create(aGuardianship({ patientId: childId, agentPatientId: mother, scopes: [] }));
  const { cookie } = await signIn(`Patient/${mother}`, { space: childId, name: "Camille Martin" });
  return { cookie, childId };
}

/** The prevention page of the space `cookie` is in, as words. */
export async function calendarOf(cookie: string): Promise<string> {
  const answer = await servePage(preventionPage, "/espace/prevention", { cookie });
  expect(answer.status).toBe(200);
  return pageText(answer.html!);
}
