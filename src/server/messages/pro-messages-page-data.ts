import "@/server/server-only";
import type { SelectOption } from "@/components/documents/select-field";
import { formatShortDay } from "@/lib/documents/format";
import type { RequestScope } from "../documents/request-scope";
import type { ConversationSummary } from "./conversation-view";
import { listConversations } from "./list-conversations";

export type ProMessagesPageData = {
  conversations: ConversationSummary[];
  /** Each conversation's patient, by conversation id. */
  names: Record<string, string>;
  /** The patients who let the professional in now: those they may write to. */
  patients: SelectOption[];
  /** The patient of « Écrire au patient » (?patient=…), when it is one of them. */
  selectedPatient: string | null;
};

/**
 * The professional's messaging: their conversations with the patients who let them in now, and
 * the patients they may write to. Undefined for an actor who is not a professional (404).
 */
export async function proMessagesPageData({ repo, actor }: RequestScope, patient: string | string[] | undefined): Promise<ProMessagesPageData | undefined> {
  if (actor.kind !== "practitioner") return undefined;
  // Only the patients who let the professional in now are named: a conversation with one whose
  // access ended reads « Patient » (practitioner-patients.ts says why).
  const [conversations, { patients: writable }] = await Promise.all([listConversations(repo), repo.practitionerPatients()]);
  const byId = new Map(writable.map((p) => [p.patientId, p.name]));
  const selected = typeof patient === "string" && writable.some((p) => p.patientId === patient) ? patient : null;
  return {
    conversations,
    names: Object.fromEntries(conversations.map((c) => [c.id, byId.get(c.patientId) ?? "Patient"])),
    // The birth date tells two patients of the same name apart, written as the professional reads it.
    patients: writable.map((p) => ({ value: p.patientId, label: p.birthDate ? `${p.name} (${formatShortDay(p.birthDate)})` : p.name })),
    selectedPatient: selected,
  };
}
