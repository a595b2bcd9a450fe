import type { Resource } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import { SCOPES } from "@/server/access/scopes";
import type { Database } from "@/server/db/client";
import { systemRepository } from "@/server/fhir/repository";
import { linkCookie, sealLinkSession } from "@/server/sharing/link-session";
import { aDocument } from "@/lib/fhir/builders/documents";
import { newId } from "@/lib/fhir/builders/ids";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { aCondition, anImmunization } from "@/lib/fhir/builders/record";
import { aBlock, aDelegation, aGuardianship, aHiddenDocument, anAuthorisation, aResearchChoice } from "@/lib/fhir/builders/rules";
import { anAccountFor, sessionOf, warmUpValidator, type SignedIn } from "./http";

/**
 * The demo personas' world with fresh ids, for the authorisation matrix: Camille (a hidden and
 * a restricted document, Dr Bernard authorised, Dr Petit blocked), Jean (Camille his caregiver
 * with documents:read, prescriptions:read and prescriptions:share; a very restricted document),
 * Léo (a minor, Camille his guardian; a document he keeps secret), Nadia (unrelated), Dr Moreau
 * (no authorisation anywhere), and a pharmacist with a share link's session, which is no portal
 * session. Every resource of the four records is a target of the matrix.
 */
export const OWNERS = ["camille", "jean", "leo", "nadia"] as const;
export type Owner = (typeof OWNERS)[number];

export const ACTORS = ["camille", "camilleForJean", "camilleForLeo", "jean", "nadia", "bernard", "petit", "moreau", "pharmacist", "anonymous"] as const;
export type ActorName = (typeof ACTORS)[number];

/** Actors without a portal session: nobody, and a pharmacist holding a share link's session cookie. */
export const SESSIONLESS: readonly ActorName[] = ["pharmacist", "anonymous"];

export const TYPES = ["DocumentReference", "MedicationRequest", "Consent", "RelatedPerson", "Immunization", "Condition", "Patient", "AuditEvent"] as const;
export type TargetType = (typeof TYPES)[number];

/** What sets a resource apart for the rules: who wrote it, or how the patient protected it. */
export type Kind = "plain" | "byBernard" | "hidden" | "restricted" | "secret" | "minorSecret";

export type Target = { owner: Owner; type: TargetType; id: string; kind: Kind; resource?: Resource };

export type MatrixWorld = {
  patients: Record<Owner, string>;
  bernardId: string;
  targets: Target[];
  sessions: Record<Exclude<ActorName, "anonymous" | "pharmacist">, SignedIn>;
  /** The cookie a pharmacist's browser holds after opening a share link with its passcode. */
  pharmacistCookie: string;
  /** A fresh copy of a target (same facts, new id), for a delete that must not change the world. */
  copyOf: (target: Target) => Promise<string>;
  /** A valid resource of this type for this patient, as a client would POST it. */
  bodyFor: (type: TargetType, owner: Owner) => Resource;
};

const minorSecret = { system: SYSTEMS.privacyLabel, code: "minor-secret" };

export async function buildMatrixWorld(db: () => Database): Promise<MatrixWorld> {
  warmUpValidator();
  const system = await systemRepository("fhir-api-matrix");
  const doctor = async (family: string) => (await system.create(aPractitioner({ family }))).id!;
  const bernardId = await doctor("Bernard");
  const petitId = await doctor("Petit");
  const moreauId = await doctor("Moreau");
  const patients = {} as Record<Owner, string>;
  // Léo is a child: a guardianship ends at the patient's majority (children/majority.ts).
  for (const owner of OWNERS) patients[owner] = (await system.create(aPatient({ given: owner, ...(owner === "leo" ? { birthDate: "2016-09-10" } : {}) }))).id!;
  const { camille, jean, leo, nadia } = patients;
  const targets: Target[] = [];
  const add = async (owner: Owner, kind: Kind, resource: Resource) => {
    const stored = await system.create(resource);
    targets.push({ owner, type: stored.resourceType as TargetType, id: stored.id!, kind, resource: stored });
    return stored;
  };
  const otherDoctor = `Practitioner/${newId()}`;
  const hidden = await add("camille", "hidden", aDocument({ patientId: camille, kind: "lab", author: otherDoctor }));
  await add("camille", "restricted", aDocument({ patientId: camille, kind: "consultation", author: otherDoctor, confidentiality: "R" }));
  await add("jean", "secret", aDocument({ patientId: jean, kind: "personal", author: `Patient/${jean}`, confidentiality: "V" }));
  const secret = aDocument({ patientId: leo, kind: "consultation", author: otherDoctor });
  await add("leo", "minorSecret", { ...secret, meta: { security: [minorSecret] } });
  for (const owner of OWNERS) {
    const id = patients[owner];
    targets.push({ owner, type: "Patient", id, kind: "plain" });
    await add(owner, "plain", aDocument({ patientId: id, kind: "personal", author: `Patient/${id}` }));
    await add(owner, "byBernard", aDocument({ patientId: id, kind: "discharge", author: `Practitioner/${bernardId}` }));
    for (const line of aPrescription({ patientId: id, requesterId: bernardId })) await add(owner, "byBernard", line);
    await add(owner, "plain", anImmunization({ patientId: id, date: "2024-10-01" }));
    await add(owner, "plain", aCondition({ patientId: id, onset: "2019-04-01" }));
  }
  await add("camille", "plain", anAuthorisation({ patientId: camille, practitionerId: bernardId }));
  await add("camille", "plain", aBlock({ patientId: camille, practitionerId: petitId }));
  await add("camille", "plain", aHiddenDocument({ patientId: camille, documentIds: [hidden.id!] }));
  await add("camille", "plain", aDelegation({ patientId: camille, agentPatientId: newId(), scopes: [] }));
  await add("jean", "plain", anAuthorisation({ patientId: jean, practitionerId: bernardId }));
  await add("jean", "plain", aDelegation({ patientId: jean, agentPatientId: camille, scopes: ["documents:read", "prescriptions:read", "prescriptions:share"] }));
  await add("leo", "plain", aGuardianship({ patientId: leo, agentPatientId: camille, scopes: SCOPES }));
  await add("leo", "plain", aResearchChoice({ patientId: leo, allowed: true }));
  await add("nadia", "plain", aResearchChoice({ patientId: nadia, allowed: false }));
  await add("nadia", "plain", aDelegation({ patientId: nadia, agentPatientId: newId(), scopes: [] }));
  for (const owner of OWNERS) {
    const [row] = await db().prisma.$queryRawUnsafe<{ id: string }[]>(
      "SELECT id::text AS id FROM audit_event WHERE patient_id = $1::uuid ORDER BY seq LIMIT 1",
      patients[owner],
    );
    if (!row) throw new Error(`no audit row for ${owner}`);
    targets.push({ owner, type: "AuditEvent", id: row.id, kind: "plain" });
  }

  // One account per role: the API's write limit counts per account, and the matrix writes a lot.
  const session = async (fhirRef: string, space?: string) => sessionOf(await anAccountFor(fhirRef), space);
  const sessions = {
    camille: await session(`Patient/${camille}`),
    camilleForJean: await session(`Patient/${camille}`, jean),
    camilleForLeo: await session(`Patient/${camille}`, leo),
    jean: await session(`Patient/${jean}`),
    nadia: await session(`Patient/${nadia}`),
    bernard: await session(`Practitioner/${bernardId}`),
    petit: await session(`Practitioner/${petitId}`),
    moreau: await session(`Practitioner/${moreauId}`),
  };

  const linkId = newId();
  const pharmacistCookie = `${linkCookie(linkId, false).name}=${sealLinkSession(linkId, "Pharmacie du Centre", new Date()).token}`;

  async function copyOf(target: Target): Promise<string> {
    if (!target.resource) return target.id;
    const copy = await system.create({ ...target.resource, id: newId() });
    if (target.kind === "hidden") await system.create(aHiddenDocument({ patientId: patients[target.owner], documentIds: [copy.id!] }));
    return copy.id!;
  }

  function bodyFor(type: TargetType, owner: Owner): Resource {
    const patientId = patients[owner];
    switch (type) {
      case "DocumentReference":
        return aDocument({ patientId, kind: "personal" });
      case "MedicationRequest":
        return aPrescription({ patientId, requesterId: bernardId })[0]!;
      case "Consent":
        return aResearchChoice({ patientId, allowed: true });
      case "RelatedPerson":
        return aDelegation({ patientId, agentPatientId: newId(), scopes: [] });
      case "Immunization":
        return anImmunization({ patientId, date: "2025-01-15" });
      case "Condition":
        return aCondition({ patientId, onset: "2025-01-15" });
      case "Patient":
        // The same identity as stored (name, birth date): nobody but the record system changes it (identity-changes.ts).
        return aPatient({ id: patientId, given: owner, ...(patientId === patients.leo ? { birthDate: "2016-09-10" } : {}) });
      case "AuditEvent":
        return { resourceType: "AuditEvent" } as Resource;
    }
  }

  return { patients, bernardId, targets, sessions, pharmacistCookie, copyOf, bodyFor };
}
