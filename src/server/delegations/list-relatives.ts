import "@/server/server-only";
import type { Coding, RelatedPerson } from "@medplum/fhirtypes";
import { grammaticalSex, type GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { formatHumanName } from "@/lib/fhir/human-name";
import { guardianLabel, relationshipLabel, sexOfTies } from "@/lib/fhir/relationship-labels";
import { SYSTEMS } from "@/lib/fhir/systems";
import { delegationIsLive } from "../access/applicable-delegation";
import { rulesFromResources, type Delegation } from "../access/rules";
import { agentsActsAndClosures } from "../audit/agents-acts-and-closures";
import { invitationsOfPatient, type InvitationRow } from "../db/delegation-invitation-store";
import type { Repository } from "../fhir/repository";
import { invitationState } from "./invitation-state";
import { managedSpace } from "./managed-space";

/**
 * What /espace/proches lists for the space being managed: the people who act for it (read
 * through the repository, so the read is checked and in the trail) and the invitations not yet
 * answered. The spaces the person acts in come from listSpaces (src/server/auth/list-spaces.ts).
 */
export type RelativeRow = {
  relatedPersonId: string;
  name: string;
  relationship: string;
  delegation: Delegation;
  status: "active" | "paused" | "ended";
  /**
   * For an ended delegation: whether it ran to its last day, or was withdrawn before it. The
   * page said « jusqu'au 5 décembre 2027 inclus » of a delegation withdrawn that morning (found
   * by an exploratory test of the demo). "measure": chosen by her representative, it ended with
   * his protection measure (access/measure-choices.ts), whatever its own end.
   */
  ended?: "expired" | "withdrawn" | "measure";
  /** When they last acted in this space (the patient's trail). */
  lastAct?: Date;
  /**
   * Live or in its pause, but the person's own space is closed, so her account opens nothing
   * (agents-acts-and-closures.ts): she cannot act, whatever the delegation says. Listed after
   * those who can, before the ended ones.
   */
  accountClosed?: true;
};

export type RelativesOverview = { patientId: string; relatives: RelativeRow[]; pending: InvitationRow[] };

/** The tie in French from its v3 RoleCode: the coding's display comes in English ("natural daughter"). */
function frenchTie(codings: Coding[] | undefined): string | undefined {
  for (const coding of codings ?? []) {
    const label = coding.system === SYSTEMS.roleCode ? relationshipLabel(coding.code) : undefined;
    if (label) return label;
  }
  return undefined;
}

function isGuardianTie(tie: NonNullable<RelatedPerson["relationship"]>[number]): boolean {
  return (tie.coding ?? []).some((coding) => coding.system === SYSTEMS.roleCode && coding.code === "GUARD");
}

/**
 * The ties in French, « représentante légale, mère »: a guardian's tie by the catalogue's word
 * agreed with her sex (her RelatedPerson's gender, else what her family tie says), not the text
 * stored with it, which is the masculine whoever the guardian is. `recorded`: the sex on the
 * person's own record, when the page knows it (the viewer's own, listed among the guardians).
 */
function tiesInFrench(person: RelatedPerson, recorded: GrammaticalSex | undefined): string {
  const ties = person.relationship ?? [];
  const known = grammaticalSex(person.gender) !== "unknown" ? grammaticalSex(person.gender) : recorded;
  const sex = known === "female" || known === "male" ? known : sexOfTies(ties.flatMap((tie) => (tie.coding ?? []).map((coding) => coding.code)));
  return ties.map((tie) => (isGuardianTie(tie) ? guardianLabel(sex) : (tie.text ?? frenchTie(tie.coding) ?? ""))).filter(Boolean).join(", ");
}

/**
 * `recordedSexes`: the recorded sex of some of the people who may be listed, by Patient id (the
 * viewer's own, read by the page beside this list), for their tie's agreement.
 */
export async function listRelatives(repo: Repository, recordedSexes?: Promise<ReadonlyMap<string, GrammaticalSex>>): Promise<RelativesOverview> {
  const patientId = managedSpace(repo);
  const now = repo.now();
  // The invitations do not depend on the delegations: read beside them rather than after (one round trip less).
  const [found, invitations] = await Promise.all([repo.search<RelatedPerson>("RelatedPerson", { patientId, count: 100 }), invitationsOfPatient(patientId)]);
  const sexes = await recordedSexes;
  // Read together: a caregiver her representative chose ends with his measure (access/measure-choices.ts), which is among them.
  const delegations = new Map(rulesFromResources(patientId, [], found.resources).delegations.map((delegation) => [delegation.relatedPersonId, delegation]));
  const relatives = found.resources.flatMap((person): RelativeRow[] => {
    const delegation = delegations.get(person.id ?? "");
    if (!delegation) return [];
    const status = delegationIsLive(delegation, now) ? "active" : delegation.active && delegation.start && delegation.start > now ? "paused" : "ended";
    const relationship = tiesInFrench(person, sexes?.get(delegation.agentPatientId));
    const ended = status !== "ended" ? undefined : delegation.endsWithMeasure ? "measure" : delegation.end && delegation.end <= now ? "expired" : "withdrawn";
    return [{ relatedPersonId: delegation.relatedPersonId, name: formatHumanName(person.name) ?? "Proche", relationship, delegation, status, ended }];
  });
  const { lastActs, closed } = await agentsActsAndClosures(repo, patientId, [...new Set(relatives.map((r) => r.delegation.agentPatientId))]);
  for (const row of relatives) {
    row.lastAct = lastActs.get(row.delegation.agentPatientId);
    if (row.status !== "ended" && closed.has(row.delegation.agentPatientId)) row.accountClosed = true;
  }
  const order = (row: RelativeRow) => (row.accountClosed ? 2 : { active: 0, paused: 1, ended: 3 }[row.status]);
  relatives.sort((a, b) => order(a) - order(b) || a.name.localeCompare(b.name, "fr"));
  const pending = invitations.filter((invitation) => invitationState(invitation, now) === "open");
  return { patientId, relatives, pending };
}
