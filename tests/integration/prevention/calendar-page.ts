import { POST as addToRecord } from "@/app/(patient)/espace/prevention/carnet/ajouter/route";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl } from "../fhir-api/http";

/**
 * What the prevention page tests share: a rendered page as a person reads it, the calendar's
 * group an item is listed in, and a vaccine added to the carnet through its form's route.
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
