import "@/server/server-only";
import type { Patient, RelatedPerson } from "@medplum/fhirtypes";
import { aProtectionMeasure } from "@/lib/fhir/builders/rules";
import { formatHumanName } from "@/lib/fhir/human-name";
import { isOfAge } from "../children/majority";
import { inviteAccount } from "../accounts/invite-account";
import { MEASURE_PURPOSE } from "../access/measure-writes";
import { rulesFromResources, type Delegation } from "../access/rules";
import { everyRelatedPerson } from "../accounts/delegations-given";
import { findAccountByEmail } from "../db/account-store";
import { inPrisma } from "../db/queryable";
import { createRepository, type Repository } from "../fhir/repository";
import { notify } from "../notifications/notify";
import { tellRepresentative } from "./tell-representative";
import { measureTerms, type MeasureTermsRefusal } from "./measure-terms";

/**
 * `npm run guardianship:grant`: the assistance records a judge's protection measure of an adult
 * with representation (tutelle, Code civil art. 440 al. 3; habilitation familiale générale with
 * representation, art. 494-1 ff.), after a person of the service has read the decision. The
 * representative becomes a guardian of the adult's space (access/rules.ts, measure) until the
 * measure's last day; the adult keeps her own access (she keeps her right to be informed herself:
 * CSP art. L1111-2, and Code civil art. 457-1 and 459 al. 1: « la personne protégée prend seule
 * les décisions relatives à sa personne dans la mesure où son état le permet »): nothing of her
 * account or her rules is touched.
 *
 * The adult is found by her account's address (she has one: it is her space). The representative
 * by his, or, when no account has that address, a record is created for him with the name and
 * birth date the assistance typed and an activation code is made, as account:invite does (he
 * activates with it and that birth date). A measure already recorded for the same two people is
 * replaced (a renewal, art. 442: a new decision and a new last day), as a new version of it.
 *
 * Everything is written as the system under MEASURE_PURPOSE, the only actor the repository lets
 * write a measure (measure-writes.ts): checked, versioned and in the adult's trail. Both people are
 * told, in the same transaction, by a notice and an e-mail that say only that a measure was
 * recorded (notification kinds are fixed sentences; no name, no health data).
 */
export type GrantInput = {
  adultEmail: string;
  representativeEmail: string;
  /** For a representative with no account yet: his record is created with these. */
  newRepresentative?: { given: string; family: string; birthDate: string };
  endDay: string | undefined;
  decision: string | undefined;
  now: Date;
};

export type GrantRefusal = MeasureTermsRefusal | "adult-unknown" | "adult-minor" | "representative-unknown" | "representative-professional" | "same-person";
export type GrantResult =
  | { ok: true; relatedPersonId: string; adultPatientId: string; representativePatientId: string; renewed: boolean; activation?: { code: string; expiresAt: Date } }
  | { ok: false; reason: GrantRefusal };

export async function grantProtectionMeasure(input: GrantInput): Promise<GrantResult> {
  const terms = measureTerms(input.decision, input.endDay, input.now);
  if ("refused" in terms) return { ok: false, reason: terms.refused };
  const system = await createRepository({ kind: "system", purpose: MEASURE_PURPOSE });
  const adult = await patientOfAccount(system, input.adultEmail);
  if (!adult) return { ok: false, reason: "adult-unknown" };
  // A minor's legal representatives are her parents (their guardianship, rules.ts): a measure
  // of an adult begins at the earliest at her majority (Code civil art. 429 al. 2).
  if (adult.birthDate && !isOfAge(adult.birthDate, input.now)) return { ok: false, reason: "adult-minor" };

  const representative = await representativeOf(system, input);
  if ("refused" in representative) return { ok: false, reason: representative.refused };
  if (representative.patient.id === adult.id) return { ok: false, reason: "same-person" };

  const agentPatientId = representative.patient.id!;
  const stored = await storedMeasure(system, adult, agentPatientId);
  const name = representative.patient.name?.[0];
  const fresh = aProtectionMeasure({
    patientId: adult.id!,
    agentPatientId,
    agentName: name ? { given: name.given?.[0] ?? "", family: name.family ?? "" } : undefined,
    scopes: [],
    start: stored?.period?.start ?? input.now.toISOString(),
    end: terms.endDay,
    decision: terms.decision,
    accountId: representative.accountId,
  });
  const written = await system.transaction(async ({ tx, create, update }) => {
    const person = stored ? await update<RelatedPerson>({ ...fresh, id: stored.id }, { ifMatch: stored.meta?.versionId ?? "" }) : await create<RelatedPerson>(fresh);
    const db = inPrisma(tx);
    const key = `protection-measure-set:${person.id}:${person.meta?.versionId ?? ""}`;
    await notify(db, { patientId: adult.id!, kind: "protection-measure-set", dedupeKey: `${key}:adult`, email: "always" });
    await tellRepresentative(db, agentPatientId, "protection-measure-set", `${key}:representative`);
    return person;
  });
  return {
    ok: true,
    relatedPersonId: written.id!,
    adultPatientId: adult.id!,
    representativePatientId: agentPatientId,
    renewed: stored !== undefined,
    ...(representative.activation ? { activation: representative.activation } : {}),
  };
}

/** The RelatedPerson recording the live measure naming this representative in the adult's space, if any (every tie read: everyRelatedPerson). */
export async function storedMeasure(system: Repository, adult: Patient, representativeId: string): Promise<RelatedPerson | undefined> {
  return (await everyRelatedPerson(system, adult.id!)).find((person) => liveMeasureOf(adult, person)?.agentPatientId === representativeId);
}

/** The measure a RelatedPerson of the adult records, when it is one not ended early (a renewal replaces it; the end command ends it). */
export function liveMeasureOf(adult: Patient, person: RelatedPerson): Delegation | undefined {
  const delegation = rulesFromResources(adult.id ?? "", [], [person], { birthDate: adult.birthDate }).delegations[0];
  return delegation?.measure !== undefined && delegation.active ? delegation : undefined;
}

export async function patientOfAccount(system: Repository, email: string): Promise<Patient | undefined> {
  const account = await findAccountByEmail(email);
  if (!account || account.kind !== "patient" || !account.fhirRef.startsWith("Patient/")) return undefined;
  return system.read<Patient>("Patient", account.fhirRef.slice("Patient/".length)).catch(() => undefined);
}

type Representative = { patient: Patient; accountId?: string; activation?: { code: string; expiresAt: Date } } | { refused: GrantRefusal };

async function representativeOf(system: Repository, input: GrantInput): Promise<Representative> {
  const account = await findAccountByEmail(input.representativeEmail);
  if (account) {
    if (account.kind !== "patient") return { refused: "representative-professional" };
    const patient = await patientOfAccount(system, input.representativeEmail);
    return patient ? { patient, accountId: account.id } : { refused: "representative-unknown" };
  }
  const typed = input.newRepresentative;
  if (!typed) return { refused: "representative-unknown" };
  const patient = await system.create<Patient>({ resourceType: "Patient", active: true, name: [{ use: "official", family: typed.family, given: [typed.given] }], birthDate: typed.birthDate });
  const invited = await inviteAccount({ kind: "patient", resourceId: patient.id!, email: input.representativeEmail, now: input.now });
  if (!invited.ok) return { refused: "representative-unknown" };
  return { patient, accountId: invited.accountId, activation: { code: invited.code, expiresAt: invited.expiresAt } };
}

/** The representative's name as the command prints it. */
export function representativeName(patient: Patient): string {
  return formatHumanName(patient.name) ?? "représentant";
}
