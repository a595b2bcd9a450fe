import "@/server/server-only";
import type { Scope } from "../access/scopes";
import { listSpaces, type Space } from "../auth/list-spaces";
import type { InvitationRow } from "../db/delegation-invitation-store";
import type { RequestScope } from "../documents/request-scope";
import { env } from "../env";
import { cookieFrom } from "../sharing/share-result-cookie";
import { invitationLinkCookie, openInvitationLink } from "./invitation-link-cookie";
import { endDayBounds, mayManageDelegations } from "./invitation-state";
import { listRelatives, type RelativeRow } from "./list-relatives";

/** A delegation as the page shows it: its rights as a list (a Set has no JSON form). */
export type RelativeShown = Omit<RelativeRow, "delegation"> & {
  delegation: { kind: "guardian" | "delegate"; scopes: Scope[]; start?: Date; end?: Date };
};

export type RelativesPageData = {
  /** Null for a caregiver acting here: only the patient (or a guardian) manages delegations. */
  managed: { relatives: RelativeShown[]; pending: InvitationRow[]; canConfirm: boolean; bounds: { earliest: string; latest: string; byDefault: string } } | null;
  spaces: Space[];
  /** The invitation link just created, shown once to the session that created it (its sealed cookie). */
  link: string | null;
};

/**
 * « Proches et délégations »: who can act for this space, the invitations pending, and the
 * spaces the person acts in; the invitation link just created comes from its cookie, sealed for
 * this session (`cookieHeader`: the request's Cookie header).
 */
export async function relativesPageData({ session, actor, repo, ctx }: RequestScope, cookieHeader: string | undefined): Promise<RelativesPageData> {
  const manages = mayManageDelegations(actor);
  const [overview, spaces] = await Promise.all([manages ? listRelatives(repo) : undefined, listSpaces({ session, actor, repo, ctx })]);
  const sealed = cookieFrom(cookieHeader ?? null, invitationLinkCookie(env().APP_ENV === "production").name);
  return {
    managed: overview
      ? {
          relatives: overview.relatives.map((row) => ({ ...row, delegation: { kind: row.delegation.kind, scopes: [...row.delegation.scopes], start: row.delegation.start, end: row.delegation.end } })),
          pending: overview.pending,
          canConfirm: actor.kind === "patient",
          bounds: endDayBounds(repo.now()),
        }
      : null,
    spaces,
    link: openInvitationLink(sealed, session.sessionId) ?? null,
  };
}
