import { z } from "zod";

/**
 * Whom a patient may preview their record as, as the page's form sends it: a professional of
 * the directory ("pro:<id>"), a professional under emergency access ("urgence"), one of their
 * caregivers or guardians ("proche:<RelatedPerson id>"), or a pharmacy link ("lien:<id>").
 */
export type ViewerChoice =
  | { kind: "professional"; practitionerId: string }
  | { kind: "emergency" }
  | { kind: "caregiver"; relatedPersonId: string }
  | { kind: "link"; linkId: string };

const uuid = z.uuid();

export function parseViewer(value: unknown): ViewerChoice | undefined {
  if (typeof value !== "string" || value.length > 64) return undefined;
  if (value === "urgence") return { kind: "emergency" };
  const [prefix, id] = value.split(":");
  if (!id || !uuid.safeParse(id).success) return undefined;
  const lower = id.toLowerCase();
  switch (prefix) {
    case "pro":
      return { kind: "professional", practitionerId: lower };
    case "proche":
      return { kind: "caregiver", relatedPersonId: lower };
    case "lien":
      return { kind: "link", linkId: lower };
    default:
      return undefined;
  }
}

export function viewerValue(choice: ViewerChoice): string {
  switch (choice.kind) {
    case "professional":
      return `pro:${choice.practitionerId}`;
    case "emergency":
      return "urgence";
    case "caregiver":
      return `proche:${choice.relatedPersonId}`;
    case "link":
      return `lien:${choice.linkId}`;
  }
}
