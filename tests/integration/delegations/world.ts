import { randomUUID } from "node:crypto";
import type { Patient } from "@medplum/fhirtypes";
import { POST as invite } from "@/app/api/proches/inviter/route";
import { POST as change } from "@/app/api/proches/[id]/modifier/route";
import { POST as revoke } from "@/app/api/proches/[id]/retirer/route";
import { POST as renew } from "@/app/api/proches/[id]/renouveler/route";
import { POST as confirm } from "@/app/api/proches/[id]/confirmer/route";
import { POST as cancelPending } from "@/app/api/proches/invitations/[id]/annuler/route";
import { POST as accept } from "@/app/api/invitation/accepter/route";
import { POST as cancelByLink } from "@/app/api/invitation/annuler/route";
import { POST as switchSpace } from "@/app/(patient)/espace/espace-actif/route";
import { createAccount } from "@/server/db/account-store";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import type { Database } from "@/server/db/client";
import { appUrl, sessionOf, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

const ROUTES = {
  inviter: (r: Request) => invite(r),
  accepter: (r: Request) => accept(r),
  annulerLien: (r: Request) => cancelByLink(r),
  espaceActif: (r: Request) => switchSpace(r),
} as const;

const ID_ROUTES = { modifier: change, retirer: revoke, renouveler: renew, confirmer: confirm, annulerInvitation: cancelPending } as const;

function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", origin: appUrl() });
  if (cookie) headers.set("cookie", cookie);
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(key, one);
  return new Request(`${appUrl()}${path}`, { method: "POST", headers, body });
}

export async function post(route: keyof typeof ROUTES, fields: Record<string, string | string[]>, cookie?: string): Promise<Response> {
  const request = formRequest(`/api/${route}`, fields, cookie);
  return inRequestScope(request, () => ROUTES[route](request));
}

export async function postId(route: keyof typeof ID_ROUTES, id: string, fields: Record<string, string | string[]>, cookie?: string): Promise<Response> {
  const request = formRequest(`/api/proches/${id}/${route}`, fields, cookie);
  return inRequestScope(request, () => ID_ROUTES[route](request, { params: Promise.resolve({ id }) }));
}

export const locationOf = (response: Response) => new URL(response.headers.get("location") ?? "/", appUrl());
export const noticeOf = (response: Response) => locationOf(response).searchParams.get("message");
export const errorOf = (response: Response) => locationOf(response).searchParams.get("erreur");

export async function personWithAccount(system: Awaited<ReturnType<typeof systemRepository>>, given: string, family: string, gender?: Patient["gender"]) {
  const patientId = (await system.create({ ...aPatient({ given, family }), ...(gender ? { gender } : {}) })).id!;
  const email = `${given.toLowerCase()}-${randomUUID()}@example.org`;
  const account = await createAccount({ email, password: "Sante-Demo-2026!", totpSecret: null, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: `${given} ${family}` });
  return { patientId, email, account, session: await sessionOf(account) };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** Camille, her document, Jean and Léa (future caregivers), Eve (a stranger), Hugo (a caregiver of Camille who may manage her sharing). */
export async function buildWorld() {
  warmUpValidator();
  const system = await systemRepository("delegation-tests");
  const camille = await personWithAccount(system, "Camille", "Proches");
  const jean = await personWithAccount(system, "Jean", "Invite");
  const lea = await personWithAccount(system, "Lea", "Aidante");
  const eve = await personWithAccount(system, "Eve", "Autre");
  const hugo = await personWithAccount(system, "Hugo", "Gestion");
  const document = await system.create(aDocument({ patientId: camille.patientId, title: "Bilan", author: `Patient/${camille.patientId}` }));
  const hugoRp = await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: hugo.patientId, scopes: ["privacy:manage", "documents:read"] }));
  const hugoInCamille: SignedIn = await sessionOf(hugo.account, camille.patientId);
  return { system, camille, jean, lea, eve, hugo, hugoRp: hugoRp.id!, hugoInCamille, documentId: document.id! };
}

/** The secret of the last e-mail to `to` that carries a link of `kind` ("invitation" or "annuler"). */
/**
 * The patient's cancel link sent with one notice of the newest invitation to `invitee` (the
 * notice of the invitation, or of its acceptance). Not "the newest cancel link the patient got":
 * the run's files share one database, and another file's delegations tick, its clock moved past
 * the pause, e-mails this patient too ("delegation-active", with a fresh link for another
 * invitation); picked by date, that link cancelled the wrong invitation once in CI.
 */
export async function cancelSecretOf(db: Database, invitee: string, notice: "invited" | "accepted"): Promise<string | undefined> {
  const rows = await db.sql.query<{ text_body: string }>(
    `SELECT o.text_body FROM email_outbox o
       JOIN notification n ON o.dedupe_key = 'notification:' || n.id::text
      WHERE n.dedupe_key = $2 || (SELECT i.id::text FROM delegation_invitation i WHERE i.email = $1 ORDER BY i.created_at DESC LIMIT 1)`,
    [invitee, `delegation-${notice}:`],
  );
  for (const row of rows) {
    const match = /\/invitation\/annuler\/([A-Za-z0-9_-]{43})/.exec(row.text_body);
    if (match) return match[1];
  }
  return undefined;
}

export async function secretFromOutbox(db: Database, to: string, kind: "invitation" | "annuler"): Promise<string | undefined> {
  const rows = await db.sql.query<{ text_body: string }>("SELECT text_body FROM email_outbox WHERE recipient = $1 ORDER BY created_at DESC", [to]);
  const pattern = kind === "invitation" ? /\/invitation\/([A-Za-z0-9_-]{43})/ : /\/invitation\/annuler\/([A-Za-z0-9_-]{43})/;
  for (const row of rows) {
    const match = pattern.exec(row.text_body);
    if (match) return match[1];
  }
  return undefined;
}
