/**
 * Who is acting, established by the server from the session (or a share link) on every
 * request. Nothing here comes from a request body. Guardian and delegate carry only who they
 * are and in whose space: their rights (scopes, end date, revocation) are read from the
 * patient's rules on each request, so a revocation applies to the very next one.
 */
export type Actor = PatientActor | GuardianActor | DelegateActor | PractitionerActor | LinkActor | SystemActor;

/** The signed-in person, in their own space. */
export type PatientActor = { kind: "patient"; accountId: string; patientId: string };

/** A parent or legal representative acting in a dependant's space. */
export type GuardianActor = {
  kind: "guardian";
  accountId: string;
  /** The guardian's own Patient id (the agent in audit rows). */
  selfPatientId: string;
  /** The dependant: whose space this is. */
  patientId: string;
  relatedPersonId: string;
};

/** A caregiver acting for a patient under a delegation (a RelatedPerson on that patient). */
export type DelegateActor = {
  kind: "delegate";
  accountId: string;
  selfPatientId: string;
  patientId: string;
  relatedPersonId: string;
};

export type PractitionerActor = {
  kind: "practitioner";
  accountId: string;
  practitionerId: string;
  /** Break-glass access opened in this session, if any. Checked against the patient's rules. */
  emergency?: { patientId: string; until: Date; reason: string };
};

/** Whoever holds a valid share link and its passcode: one prescription of one patient. */
export type LinkActor = { kind: "link"; linkId: string; patientId: string; prescriptionId: string; pharmacy: string };

/** Seed, migrations, scheduled jobs. Never built from a request. */
export type SystemActor = { kind: "system"; purpose: string };

/** The patient whose space the actor acts in, if any. */
export function spaceOf(actor: Actor): string | undefined {
  switch (actor.kind) {
    case "patient":
    case "guardian":
    case "delegate":
    case "link":
      return actor.patientId;
    case "practitioner":
    case "system":
      return undefined;
  }
}

/** The reference written as the agent of audit rows. */
export function agentRef(actor: Actor): string {
  switch (actor.kind) {
    case "patient":
      return `Patient/${actor.patientId}`;
    case "guardian":
    case "delegate":
      return `Patient/${actor.selfPatientId}`;
    case "practitioner":
      return `Practitioner/${actor.practitionerId}`;
    case "link":
      return `Link/${actor.linkId}`;
    case "system":
      return `System/${actor.purpose}`;
  }
}

/** On whose behalf the actor acts, when not their own. */
export function onBehalfOf(actor: Actor): string | undefined {
  return actor.kind === "guardian" || actor.kind === "delegate" ? `Patient/${actor.patientId}` : undefined;
}
