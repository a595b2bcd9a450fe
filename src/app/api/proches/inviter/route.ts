import { env } from "@/server/env";
import { seeOther } from "@/server/http/see-other";
import { inviteCaregiver } from "@/server/delegations/invite-caregiver";
import { INVITE_FORM, inviteTypedOf } from "@/server/delegations/invite-typed";
import { invitationLinkCookie, sealInvitationLink } from "@/server/delegations/invitation-link-cookie";
import { RELATIVES_PAGE, relativesPost } from "@/server/delegations/relatives-post";
import { setCookieHeader } from "@/server/sharing/share-result-cookie";
import type { z } from "zod";
import type { RelativesNotice } from "@/lib/delegations/relatives-notices";
import { inviteSchema } from "../schema";

/**
 * POST: "Inviter un proche". The link goes by e-mail, and to the page of the space it was made in (sealed cookie) for "copier le lien".
 * Refused, the form comes back with what was typed (invite-typed.ts).
 */
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
    { invalid: refusedField, keepTyped: { form: INVITE_FORM, of: inviteTypedOf } },
  );
}

/**
 * A form refused for one of the fields a person types, that field alone: its code, so that the page
 * marks it (the end day's is « date », as when the use case refuses it). Anything else, a right or
 * a tie the form never offers, is the general refusal.
 */
function refusedField(error: z.ZodError): RelativesNotice {
  const fields = new Set(error.issues.map((issue) => String(issue.path[0])));
  const [field] = fields;
  if (fields.size !== 1) return "formulaire";
  return field === "prenom" || field === "nom" || field === "email" ? field : field === "fin" ? "date" : "formulaire";
}
