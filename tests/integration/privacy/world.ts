import type { DocumentReference } from "@medplum/fhirtypes";
import { POST as authorise } from "@/app/api/partage/autoriser/route";
import { POST as block } from "@/app/api/partage/bloquer/route";
import { POST as unblock } from "@/app/api/partage/debloquer/route";
import { POST as defaultLevel } from "@/app/api/partage/niveau/route";
import { POST as research } from "@/app/api/partage/recherche/route";
import { POST as withdraw } from "@/app/api/partage/retirer/route";
import { POST as report } from "@/app/api/partage/signaler/route";
import { POST as emergency } from "@/app/api/partage/urgence/route";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner, aPractitionerRole, anOrganization } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { anImmunization } from "@/lib/fhir/builders/record";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { appUrl, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

/**
 * A patient (Camille), her record (normal, restricted and secret documents, a prescription, a
 * vaccination), professionals in the directory (Dr Alpha, a GP in Lyon; Dr Bêta, a cardiologist
 * in Villeurbanne), and two caregivers, one with the right to manage sharing and one without.
 * Route handlers are called with real Requests carrying real session cookies (next/headers is
 * tests/setup/next-headers-scope.ts), so the session lookup, the actor and the repository are the app's.
 */
export const ROUTES = { autoriser: authorise, bloquer: block, debloquer: unblock, niveau: defaultLevel, recherche: research, retirer: withdraw, signaler: report, urgence: emergency } as const;

export async function post(route: keyof typeof ROUTES, fields: Record<string, string>, options: { cookie?: string; origin?: string | null } = {}): Promise<Response> {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (options.origin !== null) headers.set("origin", options.origin ?? appUrl());
  if (options.cookie) headers.set("cookie", options.cookie);
  const request = new Request(`${appUrl()}/api/partage/${route}`, { method: "POST", headers, body: new URLSearchParams(fields) });
  return inRequestScope(request, () => ROUTES[route](request));
}

export const noticeOf = (response: Response) => new URL(response.headers.get("location") ?? "/", appUrl()).searchParams.get("message");

export type PrivacyWorld = Awaited<ReturnType<typeof buildPrivacyWorld>>;

export async function buildPrivacyWorld() {
  warmUpValidator();
  const system = await systemRepository("privacy-tests");
  const camilleId = (await system.create(aPatient({ given: "Camille", family: "Partage" }))).id!;
  const helperId = (await system.create(aPatient({ given: "Hugo", family: "Aidant" }))).id!;
  const managerId = (await system.create(aPatient({ given: "Maya", family: "Gestion" }))).id!;
  const lyon = (await system.create(anOrganization({ name: "Cabinet Alpha", address: { line: "1 rue A", postalCode: "69001", city: "Lyon" } }))).id!;
  const villeurbanne = (await system.create(anOrganization({ name: "Clinique Bêta", address: { line: "2 rue B", postalCode: "69100", city: "Villeurbanne" } }))).id!;
  const alpha = (await system.create(aPractitioner({ given: "Anne", family: "Alpha", rpps: "10109990001" }))).id!;
  const beta = (await system.create(aPractitioner({ given: "Bruno", family: "Bêta", rpps: "10109990002" }))).id!;
  await system.create(aPractitionerRole({ practitionerId: alpha, organizationId: lyon }));
  await system.create(aPractitionerRole({ practitionerId: beta, organizationId: villeurbanne, specialty: { code: "394579002", display: "Cardiology", label: "cardiologue" } }));
  const documents: Record<"normal" | "restricted" | "secret", DocumentReference> = {
    normal: await system.create(aDocument({ patientId: camilleId, title: "Bilan sanguin", author: `Practitioner/${alpha}` })),
    restricted: await system.create(aDocument({ patientId: camilleId, title: "Compte rendu psychiatrique", confidentiality: "R", author: `Practitioner/${beta}` })),
    secret: await system.create(aDocument({ patientId: camilleId, title: "Note personnelle", confidentiality: "V", author: `Patient/${camilleId}` })),
  };
  for (const line of aPrescription({ patientId: camilleId, requesterId: alpha })) await system.create(line);
  await system.create(anImmunization({ patientId: camilleId }));
  const helperRp = await system.create(aDelegation({ patientId: camilleId, agentPatientId: helperId, agentName: { given: "Hugo", family: "Aidant" }, scopes: ["documents:read"] }));
  const managerRp = await system.create(aDelegation({ patientId: camilleId, agentPatientId: managerId, agentName: { given: "Maya", family: "Gestion" }, scopes: ["privacy:manage", "documents:read"] }));
  const sessions: Record<"camille" | "alpha" | "beta" | "helper" | "manager", SignedIn> = {
    camille: await signIn(`Patient/${camilleId}`, { name: "Camille Partage" }),
    alpha: await signIn(`Practitioner/${alpha}`, { name: "Dr Anne Alpha" }),
    beta: await signIn(`Practitioner/${beta}`, { name: "Dr Bruno Bêta" }),
    helper: await signIn(`Patient/${helperId}`, { space: camilleId, name: "Hugo Aidant" }),
    manager: await signIn(`Patient/${managerId}`, { space: camilleId, name: "Maya Gestion" }),
  };
  return { system, camilleId, helperId, managerId, alpha, beta, documents, helperRp: helperRp.id!, managerRp: managerRp.id!, sessions };
}
