import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccessHistoryTable } from "@/components/history/access-history-table";
import { PATIENT_READER } from "@/lib/i18n/voice";
import type { AccessHistory, HistoryEntry } from "@/server/history/list-access-history";

const entry = (id: string, interaction: string, resourceTypes: string[]): HistoryEntry => ({
  id,
  when: "2026-12-03T08:05:00Z",
  who: "Dr Sophie Bernard",
  agentType: "Practitioner",
  onBehalf: false,
  interaction,
  outcome: "success",
  resourceTypes,
  breakTheGlass: false,
  group: "others",
  reported: false,
});

const history = (entries: HistoryEntry[], reader: Pick<AccessHistory, "ownHistory" | "patientName"> = { ownHistory: true }): AccessHistory => ({
  allowed: true,
  ...reader,
  mayReport: false,
  entries,
  total: entries.length,
  groups: { others: entries.length, refused: 0, own: 0 },
  groupStarts: { others: 1, refused: 1, own: 1 },
  page: 1,
  pageCount: 1,
  period: {},
});

/** The action column of each row, as read. */
const actions = (html: string) => [...html.matchAll(/<tr[^>]*>(?:<td[^>]*>.*?<\/td>){2}<td[^>]*>(.*?)<\/td>/g)].map(([, cell]) => cell!.replace(/<[^>]+>/g, ""));

/**
 * The history's action column (access-history-table.tsx): the action in words, then every type
 * the row names that the catalogue has words for, as a French list; an emergency access and an
 * unknown action say only what they are. The same row reads the same in whatever company it comes.
 */
describe("the history's action labels", () => {
  it("name the action and every type the row names that has words, in the row's order, the same on every view", () => {
    const rows = [
      entry("1", "search", ["Immunization", "Condition", "Procedure"]),
      entry("2", "search", ["Condition", "Immunization"]),
      entry("3", "read", ["DocumentReference"]),
      entry("4", "read", ["UnTypeInconnu"]),
      entry("5", "emergency-access", ["Patient"]),
      entry("6", "une-action-inconnue", []),
      entry("7", "search", ["Immunization", "Condition", "Procedure"]),
      // A guardian's look at her child's notices, from his space or from her own (notice-space-reached.ts).
      entry("8", "read", ["Notification"]),
      // The directory read to name a document's author and establishment, a professional and their role.
      entry("9", "search", ["Practitioner", "PractitionerRole", "Organization"]),
      // A search of the documents, however many it found (« Recherche : un document » read as if one had been looked for).
      entry("10", "search", ["DocumentReference"]),
    ];
    const expected = [
      "Recherche dans les vaccinations, les problèmes de santé et les actes médicaux",
      "Recherche dans les problèmes de santé et les vaccinations",
      "Consultation : un document",
      "Consultation",
      "Ouverture du dossier en urgence",
      "Autre action",
      "Recherche dans les vaccinations, les problèmes de santé et les actes médicaux",
      "Consultation : vos notifications",
      "Recherche dans les professionnels et les établissements",
      "Recherche dans les documents",
    ];
    expect(actions(renderToStaticMarkup(<AccessHistoryTable history={history(rows)} reader={PATIENT_READER} />))).toEqual(expected);
    expect(actions(renderToStaticMarkup(<AccessHistoryTable history={history([...rows].reverse())} reader={PATIENT_READER} />))).toEqual([...expected].reverse());
  });
});

/** The « pour … » line under who acted for the person: what each reader of the history reads. */
const forWhom = (html: string) => [...html.matchAll(/<span class="block text-sm text-slate-700">([^<]*)<\/span>/g)].map(([, text]) => text);

describe("the history's line on whom an act was for", () => {
  const onBehalf: HistoryEntry = { ...entry("1", "read", ["DocumentReference"]), who: "Cyril Aidant", agentType: "Patient", onBehalf: true };
  it.each([
    ["the person, in their own history", { ownHistory: true }, "pour vous"],
    ["a caregiver or a parent, who read the person's name", { ownHistory: false, patientName: "Adèle Martin" }, "pour Adèle Martin"],
    ["a caregiver or a parent, the name unread", { ownHistory: false }, "pour le compte du patient"],
  ] as const)("%s", (_reader, reader, expected) => {
    expect(forWhom(renderToStaticMarkup(<AccessHistoryTable history={history([onBehalf, entry("2", "read", ["DocumentReference"])], reader)} reader={PATIENT_READER} />))).toEqual([expected]);
  });
});
