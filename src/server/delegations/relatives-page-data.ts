import "@/server/server-only";
import type { Patient } from "@medplum/fhirtypes";
import { grammaticalSex, type GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { relationshipsFor, type Relationship } from "@/lib/delegations/rights";
import { idOfRef } from "../auth/resolve-actor";
import { createRepository, type Repository } from "../fhir/repository";
import type { Scope } from "../access/scopes";
import { spaceOf } from "../access/actor";
import { agentDelegations, listSpaces, type Space } from "../auth/list-spaces";
import type { InvitationRow } from "../db/delegation-invitation-store";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { cookieFrom } from "../sharing/share-result-cookie";
import { createdInvitationLink, type CreatedInvitationLink } from "./created-invitation-link";
import { invitationLinkCookie } from "./invitation-link-cookie";
import { endDayBounds, mayManageDelegations } from "./invitation-state";
import { managedSpaceUntil, managesChildSpaceOf } from "./managed-space";
import { pausedDelegationStarts } from "./paused-delegations";
import { listRelatives, type RelativeRow } from "./list-relatives";

/** A delegation as the page shows it: its rights as a list (a Set has no JSON form). */
export type RelativeShown = Omit<RelativeRow, "delegation"> & {
  delegation: { kind: "guardian" | "delegate"; scopes: Scope[]; start?: Date; end?: Date; measure?: { decision: string } };
};

export type RelativesPageData = {
  /** Null for a caregiver acting here: only the patient (or a guardian) manages delegations. */
  managed: {
    relatives: RelativeShown[];
    pending: InvitationRow[];
    canConfirm: boolean;
    bounds: { earliest: string; latest: string; byDefault: string };
    /**
     * The last day is the representation's, earlier than the usual three years: a parent's ends the
     * day before the child's 18th birthday, a judge's measure on its last day. The form's hint then
     * says that day, where it said « trois ans au plus » to a representative whose date picker
     * stopped a year out (found by the measure's end-to-end walk).
     */
    lastDayIsRepresentations: boolean;
    /** The ties the invitation form offers: in a child's space, none a child cannot have (rights.ts). */
    relationships: Relationship[];
  } | null;
  spaces: Space[];
  /** When each delegation accepted and still in its pause will open (its person is not named: see paused-delegations.ts). */
  pausedStarts: Date[];
  /** How « son aidant », « son représentant légal » agree with the viewer (known only when they act for someone). */
  viewerSex: GrammaticalSex;
  /** The invitation link just created, shown to the session that created it, in the space it was made in (its sealed cookie), while it can serve, else what became of it. */
  link: CreatedInvitationLink | null;
};

/**
 * « Proches et délégations »: who can act for this space, the invitations pending, and the
 * spaces the person acts in; the invitation link just created comes from its cookie, sealed for
 * this session (`cookieHeader`: the request's Cookie header).
 */
export async function relativesPageData(scope: RequestScope, cookieHeader: string | undefined): Promise<RelativesPageData> {
  const { session, actor, repo } = scope;
  const manages = mayManageDelegations(actor);
  // The delegations naming the viewer, read once: for the spaces they act in, and those still paused.
  const delegations = agentDelegations(scope);
  const spaceId = spaceOf(actor);
  const sealed = cookieFrom(cookieHeader ?? null, invitationLinkCookie(env().APP_ENV === "production").name);
  // Managing another's space (a child's), the viewer may be among the guardians listed: her own
  // tie agrees with her recorded sex, read once for that and for the page's own voice.
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  const selfSex = manages && selfPatientId && spaceId !== selfPatientId ? ownSex(scope) : undefined;
  const [overview, spaces, pausedStarts, link] = await Promise.all([
    manages ? listRelatives(repo, selfSex && selfPatientId ? selfSex.then((sex) => new Map([[selfPatientId, sex]])) : undefined) : undefined,
    listSpaces(scope, delegations),
    delegations.then((read) => pausedDelegationStarts(read, repo.now())),
    spaceId ? createdInvitationLink(sealed, { sessionId: session.sessionId, spaceId }, repo.now()) : null,
  ]);
  const viewerSex = spaces.some((space) => space.kind !== "self") ? await (selfSex ?? ownSex(scope)) : "unknown";
  return {
    managed: overview
      ? {
          relatives: overview.relatives.map((row) => ({ ...row, delegation: { kind: row.delegation.kind, scopes: [...row.delegation.scopes], start: row.delegation.start, end: row.delegation.end, ...(row.delegation.measure ? { measure: row.delegation.measure } : {}) } })),
          pending: overview.pending,
          canConfirm: actor.kind === "patient",
          ...(await boundsOfManagedSpace(repo)),
          relationships: relationshipsFor(await managesChildSpaceOf(repo)),
        }
      : null,
    spaces,
    pausedStarts,
    viewerSex,
    link,
  };
}

/**
 * The viewer's recorded sex, from their own record: read as themselves (in a relative's space
 * the request's repository acts for that relative), its audit row in the page's INSERT.
 */
async function ownSex({ session, actor, repo, ctx }: RequestScope): Promise<GrammaticalSex> {
  const selfPatientId = idOfRef(session.account.fhirRef, "Patient");
  if (!selfPatientId) return "unknown";
  const own = actor.kind === "patient" ? repo : await createRepository({ kind: "patient", accountId: session.account.id, patientId: selfPatientId }, ctx);
  if (own !== repo) own.auditAlongside(repo);
  const patient = await own.read<Patient>("Patient", selfPatientId).catch(() => undefined);
  return grammaticalSex(patient?.gender);
}

/** The invitation's end-day bounds in the space managed, and whether the representation ends them (lastDayIsRepresentations). */
async function boundsOfManagedSpace(repo: Repository): Promise<{ bounds: { earliest: string; latest: string; byDefault: string }; lastDayIsRepresentations: boolean }> {
  const bounds = endDayBounds(repo.now(), await managedSpaceUntil(repo));
  return { bounds, lastDayIsRepresentations: bounds.latest < endDayBounds(repo.now()).latest };
}
