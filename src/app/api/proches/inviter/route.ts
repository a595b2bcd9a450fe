import { env } from "@/server/env";
import { seeOther } from "@/server/http/see-other";
import { inviteCaregiver } from "@/server/delegations/invite-caregiver";
import { invitationLinkCookie, sealInvitationLink } from "@/server/delegations/invitation-link-cookie";
import { RELATIVES_PAGE, relativesPost } from "@/server/delegations/relatives-post";
import { setCookieHeader } from "@/server/sharing/share-result-cookie";
import { inviteSchema } from "../schema";

/** POST: "Inviter un proche". The link goes by e-mail, and to the page of the space it was made in (sealed cookie) for "copier le lien". */
export async function POST(request: Request): Promise<Response> {
  return relativesPost(
    request,
    inviteSchema,
    async ({ repo, session }, input) => {
      const { secret, patientId } = await inviteCaregiver(repo, { given: input.prenom, family: input.nom, email: input.email, relationship: input.lien, scopes: input.droits, endDay: input.fin });
      const e = env();
      const cookie = invitationLinkCookie(e.APP_ENV === "production");
      const url = `${e.APP_URL.replace(/\/+$/, "")}/invitation/${secret}`;
      const response = seeOther(`${RELATIVES_PAGE}?message=invite`);
      response.headers.append("Set-Cookie", setCookieHeader(cookie.name, sealInvitationLink(url, { sessionId: session.sessionId, spaceId: patientId }), cookie.options));
      return { notice: "invite", response };
    },
    { invalid: "formulaire" },
  );
}
