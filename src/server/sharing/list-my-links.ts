import "@/server/server-only";
import { agentRef } from "../access/actor";
import type { Repository } from "../fhir/repository";
import { listLinksWithEvents, type LinkEventRow } from "../fhir/share-link-events";
import { linksSpaceOf } from "./link-rights";
import { sayEachVisitOnce } from "./link-visits";
import { linkState, type LinkState } from "./link-state";
import { agreeWith } from "@/lib/i18n/plural";

/**
 * The patient's links with what happened through each: who created it, when it ends, whether
 * it still opens, and every opening (when, the pharmacy's name as typed, right or wrong
 * passcode), view and dispensation, read from the patient's audit trail. Undefined when the
 * actor may not manage this space's links.
 */
export type LinkEventKind = "created" | "revoked" | "opened" | "wrong-passcode" | "refused" | "viewed" | "dispensed" | "locked";

/** `views`: for « viewed », how many views of one visit it stands for (link-visits.ts). */
export type LinkEvent = { when: Date; kind: LinkEventKind; pharmacy?: string; by?: string; attemptsLeft?: number; quantity?: string; medication?: string; views?: number };

export type MyLink = {
  id: string;
  prescriptionId: string;
  createdAt: Date;
  /** Who created it: undefined when it was the person looking. */
  createdBy?: string;
  expiresAt: Date;
  state: LinkState;
  passcode: boolean;
  attemptsLeft: number;
  wrongPasscodes: number;
  events: LinkEvent[];
  /** Older events of this link not listed here (they are in the access history). */
  eventsNotShown: number;
  /** The link has more older events than eventsNotShown: they were counted up to a bound (share-link-events.ts). */
  moreEventsNotShown: boolean;
};

const detailOf = (row: LinkEventRow): Record<string, unknown> =>
  row.detail && typeof row.detail === "object" && !Array.isArray(row.detail) ? (row.detail as Record<string, unknown>) : {};

function toEvent(row: LinkEventRow): LinkEvent | undefined {
  const detail = detailOf(row);
  const pharmacy = row.agent.startsWith("Link/") ? (row.agentName ?? undefined) : undefined;
  switch (row.interaction) {
    case "share":
      return row.outcome === "success" ? { when: row.recorded, kind: "created", by: row.agentName ?? undefined } : undefined;
    case "revoke-share":
      return { when: row.recorded, kind: "revoked", by: row.agentName ?? undefined };
    case "link-open":
      if (row.outcome === "success") return { when: row.recorded, kind: "opened", pharmacy };
      return { when: row.recorded, kind: row.reason === "locked" ? "locked" : "refused", pharmacy };
    case "link-passcode-failed":
      return { when: row.recorded, kind: "wrong-passcode", pharmacy, attemptsLeft: typeof detail.attemptsLeft === "number" ? detail.attemptsLeft : undefined };
    case "dispense":
      return row.outcome === "success"
        ? { when: row.recorded, kind: "dispensed", pharmacy, quantity: [detail.quantity, typeof detail.unit === "string" && typeof detail.quantity === "number" ? agreeWith(detail.quantity, detail.unit) : detail.unit].filter((v) => v !== undefined && v !== "").join(" "), medication: typeof detail.medication === "string" && detail.medication !== "" ? detail.medication : undefined }
        : undefined;
    case "read":
      // One page view reads the patient once (then searches the lines): count views by that read.
      return row.entity?.startsWith("Patient/") && row.outcome === "success" ? { when: row.recorded, kind: "viewed", pharmacy } : undefined;
    default:
      return undefined;
  }
}

export async function listMyLinks(repo: Repository, prescriptionId?: string): Promise<MyLink[] | undefined> {
  const patientId = await linksSpaceOf(repo);
  return patientId ? linksOfSpace(repo, patientId, prescriptionId) : undefined;
}

/** The same list, for a space whose links linksSpaceOf already said this actor manages. */
export async function linksOfSpace(repo: Repository, patientId: string, prescriptionId?: string): Promise<MyLink[]> {
  const now = repo.now();
  // Whether each prescription still opens, and each link's events, came with the links.
  const links = await listLinksWithEvents(patientId, prescriptionId, now);
  const self = agentRef(repo.actor);
  return links.map((link) => {
    const events = link.events.map(toEvent).filter((e): e is LinkEvent => !!e);
    return {
      id: link.id,
      prescriptionId: link.prescriptionId,
      createdAt: link.createdAt,
      createdBy: link.createdBy === self ? undefined : (events.find((e) => e.kind === "created")?.by ?? link.createdBy),
      expiresAt: link.expiresAt,
      state: linkState(link, link.prescriptionOpen, now),
      passcode: link.passcodeHash !== null,
      attemptsLeft: link.attemptsLeft,
      // Counted by the database over every wrong passcode of the link, not only the ones listed.
      wrongPasscodes: link.wrongPasscodes,
      events: sayEachVisitOnce(events),
      // Counted over the events read, before a visit's views were said once: the others are older.
      eventsNotShown: Math.max(0, link.eventsTotal - link.events.length),
      moreEventsNotShown: link.eventsTotalCapped,
    };
  });
}
