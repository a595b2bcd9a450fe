import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { formatHumanName } from "@/lib/fhir/human-name";
import type { Actor } from "../access/actor";
import type { Scope } from "../access/scopes";
import { spacePatientName } from "../delegations/space-patient-name";
import type { RequestScope } from "../documents/request-scope";
import { unsafeFindDelegationsOfAgent } from "../fhir/agent-delegations";
import { createRepository } from "../fhir/repository";
import { delegationIsLive } from "../access/applicable-delegation";
import { idOfRef } from "./resolve-actor";

/**
 * The spaces a patient can act in: their own, and those of the patients whose live delegation
 * names them (a dependant as guardian, a relative as caregiver). Each other patient's name is
 * read through the repository as the guardian or delegate, so that read is checked and appears
 * in that patient's access history like any other.
 */
export type Space = {
  patientId: string;
  kind: "self" | "guardian" | "delegate";
  name: string;
  current: boolean;
  /** A caregiver's rights there, for the relatives page to say what she may do in each space (none listed for one's own, nor a guardian's, who holds them all). */
  rights?: Scope[];
  /** A guardian's space held under a judge's protection measure of an adult (access/rules.ts): not a child's. */
  adultMeasure?: true;
};

type AgentActor = Extract<Actor, { kind: "guardian" | "delegate" }>;

/** Whether `actor` is this guardian or caregiver, under this very delegation. */
function isActor(actor: Actor, agent: AgentActor): boolean {
  if (actor.kind !== "guardian" && actor.kind !== "delegate") return false;
  return actor.kind === agent.kind && actor.patientId === agent.patientId && actor.relatedPersonId === agent.relatedPersonId && actor.selfPatientId === agent.selfPatientId;
}

function nameOf(patient: Patient): string {
  return formatHumanName(patient.name) ?? patient.id ?? "";
}

/** The delegations naming this patient's account as guardian or caregiver, live or not: read once, for the spaces and for a page that shows more of them. */
export type AgentDelegations = Awaited<ReturnType<typeof unsafeFindDelegationsOfAgent>>;

/**
 * Those delegations, through the request's repository: the rules of the space this request acts
 * in were read to find its actor, and are not read a second time. None for a professional.
 */
export async function agentDelegations({ session, repo }: RequestScope): Promise<AgentDelegations> {
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId || session.account.kind !== "patient") return [];
  return unsafeFindDelegationsOfAgent(selfPatientId, (patientId) => repo.rules(patientId));
}

/** `read`: the delegations already read by the page (agentDelegations), so that it reads them once. */
export async function listSpaces(scope: RequestScope, read?: Promise<AgentDelegations>): Promise<Space[]> {
  const { session, actor, ctx, repo } = scope;
  const now = repo.now();
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId || session.account.kind !== "patient") return [];
  const currentId = "patientId" in actor ? actor.patientId : selfPatientId;
  const spaces: Space[] = [{ patientId: selfPatientId, kind: "self", name: session.account.displayName, current: currentId === selfPatientId }];
  const delegations = (await (read ?? agentDelegations(scope))).filter(({ delegation }) => delegationIsLive(delegation, now));
  // Each space's name at once, not one after the other: a caregiver of three people waited for
  // three rules reads, three Patient reads and three audit rows in turn on every home page
  // (issue 16); their audit rows now mostly share an INSERT (audit-batch.ts). Order kept.
  const others = await Promise.all(
    delegations.map(async ({ patientId, delegation, rules }): Promise<Space | undefined> => {
      const asAgent: AgentActor = {
        kind: delegation.kind,
        accountId: session.account.id,
        selfPatientId,
        patientId,
        relatedPersonId: delegation.relatedPersonId,
      };
      // The space this request acts in: its name is the banner's, read once by the request's own
      // repository; read again here, it was a second read in that person's history on every view.
      const rights = { ...(delegation.kind === "delegate" ? { rights: [...delegation.scopes] } : {}), ...(delegation.measure ? { adultMeasure: true as const } : {}) };
      if (isActor(actor, asAgent)) {
        const name = await spacePatientName(repo, patientId);
        return name === undefined ? undefined : { patientId, kind: delegation.kind, name: name || patientId, current: true, ...rights };
      }
      try {
        const spaceRepo = await createRepository(asAgent, ctx);
        // The rules just read to find the delegation: this request's, not read a second time.
        spaceRepo.knowRules(rules);
        // Its audit row goes in the page's INSERT, with the request's own rows.
        spaceRepo.auditAlongside(repo);
        const patient = await spaceRepo.read<Patient>("Patient", patientId);
        return { patientId, kind: delegation.kind, name: nameOf(patient), current: currentId === patientId, ...rights };
      } catch {
        // Not readable after all (the decision said no): not a space this person can open.
        return undefined;
      }
    }),
  );
  spaces.push(...others.filter((space): space is Space => space !== undefined));
  return spaces;
}
