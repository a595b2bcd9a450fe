import type { DocumentReference } from "@medplum/fhirtypes";
import { POST as send } from "@/app/api/messages/route";
import { POST as withdraw } from "@/app/api/messages/retirer/route";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aBlock, aDelegation, aHiddenDocument, anAuthorisation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { appUrl, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

/**
 * Camille and her professionals, as the messaging sees them: Dr Bernard authorised (plain
 * level), Dr Petit authorised then blocked, Dr Ancien whose time-limited grant has ended, Dr
 * Autre authorised too (a conversation that is not Dr Bernard's); Maya, a caregiver with the
 * right to write for her, and Hugo, one without; Léa, another patient. Route handlers are called
 * with real Requests and session cookies, as a browser's plain forms post them.
 */
export const ROUTES = { send, withdraw } as const;

export async function post(route: keyof typeof ROUTES, fields: Record<string, string | File>, options: { cookie?: string; origin?: string | null } = {}): Promise<Response> {
  const headers = new Headers();
  if (options.origin !== null) headers.set("origin", options.origin ?? appUrl());
  if (options.cookie) headers.set("cookie", options.cookie);
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const path = route === "send" ? "/api/messages" : "/api/messages/retirer";
  const request = new Request(`${appUrl()}${path}`, { method: "POST", headers, body });
  return inRequestScope(request, () => ROUTES[route](request));
}

export const locationOf = (response: Response) => new URL(response.headers.get("location") ?? "/", appUrl());
export const noticeOf = (response: Response) => locationOf(response).searchParams.get("message");
/** The conversation id a send was redirected to (/espace/messages/<id>). */
export const conversationOf = (response: Response) => locationOf(response).pathname.split("/").pop() ?? "";

export type MessagesWorld = Awaited<ReturnType<typeof buildMessagesWorld>>;

export async function buildMessagesWorld() {
  warmUpValidator();
  const system = await systemRepository("messages-tests");
  const camilleId = (await system.create(aPatient({ given: "Camille", family: "Martin" }))).id!;
  const leaId = (await system.create(aPatient({ given: "Léa", family: "Autre" }))).id!;
  const mayaId = (await system.create(aPatient({ given: "Maya", family: "Aidante" }))).id!;
  const hugoId = (await system.create(aPatient({ given: "Hugo", family: "Aidant" }))).id!;
  const pro = async (given: string, family: string, rpps: string) => (await system.create(aPractitioner({ given, family, rpps }))).id!;
  const bernard = await pro("Sophie", "Bernard", "10109980001");
  const petit = await pro("Paul", "Petit", "10109980002");
  const ancien = await pro("Alain", "Ancien", "10109980003");
  const autre = await pro("Alice", "Autre", "10109980004");
  const documents: Record<"normal" | "restricted" | "hidden" | "secret" | "leas", DocumentReference> = {
    normal: await system.create(aDocument({ patientId: camilleId, title: "Bilan sanguin", author: `Patient/${camilleId}` })),
    restricted: await system.create(aDocument({ patientId: camilleId, title: "Compte rendu psychiatrique", confidentiality: "R", author: `Patient/${camilleId}` })),
    hidden: await system.create(aDocument({ patientId: camilleId, title: "Document masqué", author: `Patient/${camilleId}` })),
    secret: await system.create(aDocument({ patientId: camilleId, title: "Note personnelle", confidentiality: "V", author: `Patient/${camilleId}` })),
    leas: await system.create(aDocument({ patientId: leaId, title: "Document de Léa", author: `Patient/${leaId}` })),
  };
  const rule = { patientId: camilleId, dateTime: new Date(Date.now() - 86_400_000).toISOString() };
  await system.create(anAuthorisation({ ...rule, practitionerId: bernard }));
  await system.create(anAuthorisation({ ...rule, practitionerId: autre }));
  await system.create(anAuthorisation({ ...rule, practitionerId: petit }));
  await system.create(aBlock({ ...rule, practitionerId: petit }));
  await system.create(anAuthorisation({ ...rule, practitionerId: ancien, until: new Date(Date.now() - 3_600_000).toISOString() }));
  await system.create(aHiddenDocument({ ...rule, documentIds: [documents.hidden.id!] }));
  await system.create(aDelegation({ patientId: camilleId, agentPatientId: mayaId, agentName: { given: "Maya", family: "Aidante" }, scopes: ["messages:write", "documents:read"] }));
  await system.create(aDelegation({ patientId: camilleId, agentPatientId: hugoId, agentName: { given: "Hugo", family: "Aidant" }, scopes: ["documents:read"] }));
  const sessions: Record<"camille" | "lea" | "maya" | "hugo" | "bernard" | "petit" | "ancien" | "autre", SignedIn> = {
    camille: await signIn(`Patient/${camilleId}`, { name: "Camille Martin" }),
    lea: await signIn(`Patient/${leaId}`, { name: "Léa Autre" }),
    maya: await signIn(`Patient/${mayaId}`, { space: camilleId, name: "Maya Aidante" }),
    hugo: await signIn(`Patient/${hugoId}`, { space: camilleId, name: "Hugo Aidant" }),
    bernard: await signIn(`Practitioner/${bernard}`, { name: "Dr Sophie Bernard" }),
    petit: await signIn(`Practitioner/${petit}`, { name: "Dr Paul Petit" }),
    ancien: await signIn(`Practitioner/${ancien}`, { name: "Dr Alain Ancien" }),
    autre: await signIn(`Practitioner/${autre}`, { name: "Dr Alice Autre" }),
  };
  return { system, camilleId, leaId, mayaId, hugoId, bernard, petit, ancien, autre, documents, sessions };
}
