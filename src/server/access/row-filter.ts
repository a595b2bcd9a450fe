import { MINOR_SECRET, type Confidentiality } from "@/lib/fhir/systems";
import { agentRef, type Actor } from "./actor";
import { decide } from "./decide";
import type { Interaction, ResourceFacts } from "./facts";
import type { PatientRules } from "./rules";

/**
 * The SQL counterpart of decide() for searches, derived from decide() itself rather than
 * written twice. Within one patient's compartment and one resource type, rows differ only by
 * the facts below; we ask decide() about every combination and keep those it allows. The
 * search then filters in SQL, so a page is never shortened after the fact and `_count` never
 * reveals what is hidden. (A property test checks row by row that both agree.)
 */
export type RowVariant = {
  confidentiality: Confidentiality;
  minorSecret: boolean;
  hidden: boolean;
  inLinkPrescription: boolean;
  /** A conversation this actor (a professional) takes part in: actor_ref names them. */
  ownConversation: boolean;
};

export type RowFilter = { kind: "all" } | { kind: "none" } | { kind: "some"; variants: RowVariant[] };

const HIDDEN_PROBE = "00000000-0000-0000-0000-00000000h1dd";
const OTHER_PROBE = "00000000-0000-0000-0000-0000000other";
const OTHER_PARTICIPANT = "Practitioner/00000000-0000-0000-0000-0000000other";
// What the 48 probes share, made once rather than for each (issue 16: a professional's record
// asks for a row filter on seven searches, and these were most of what it allocated there).
const MINOR_SECRET_LABELS: readonly string[] = Object.freeze([MINOR_SECRET]);
const NO_LABELS: readonly string[] = Object.freeze([]);

export function rowFilter(
  actor: Actor,
  interaction: Extract<Interaction, "read" | "search" | "history">,
  resourceType: string,
  rules: PatientRules,
  now: Date,
): RowFilter {
  const probeRules: PatientRules = { ...rules, hiddenDocuments: new Set([HIDDEN_PROBE]) };
  const linkPrescription = actor.kind === "link" ? actor.prescriptionId : undefined;
  const inPrescription = linkPrescription ?? "any";
  const outsidePrescription = `not-${linkPrescription ?? "any"}`;
  const self = agentRef(actor);
  const allowed: RowVariant[] = [];
  let total = 0;
  for (const confidentiality of ["N", "R", "V"] as const) {
    for (const minorSecret of [false, true]) {
      for (const hidden of [false, true]) {
        for (const inLinkPrescription of [true, false]) {
          for (const ownConversation of [true, false]) {
            total++;
            const facts: ResourceFacts = {
              resourceType,
              id: hidden ? HIDDEN_PROBE : OTHER_PROBE,
              patientId: rules.patientId,
              confidentiality,
              labels: minorSecret ? MINOR_SECRET_LABELS : NO_LABELS,
              prescriptionId: inLinkPrescription ? inPrescription : outsidePrescription,
              participant: ownConversation ? self : OTHER_PARTICIPANT,
            };
            if (decide(actor, interaction, facts, probeRules, now).allow) {
              allowed.push({ confidentiality, minorSecret, hidden, inLinkPrescription, ownConversation });
            }
          }
        }
      }
    }
  }
  if (allowed.length === 0) return { kind: "none" };
  if (allowed.length === total) return { kind: "all" };
  return { kind: "some", variants: allowed };
}
