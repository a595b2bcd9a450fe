import "@/server/server-only";
import type { GrammaticalSex } from "@/lib/fhir/grammatical-sex";
import { BACK_IN_OWN_SPACE } from "@/lib/delegations/switch-return";
import { frInvitation } from "@/lib/i18n/fr-invitation";
import { t } from "@/lib/i18n/messages";
import { now } from "../clock";
import { todayInParis } from "../prevention/days";
import { actorForSession } from "../auth/actor-for-session";
import type { CurrentSession } from "../auth/check-session";
import { idOfRef } from "../auth/resolve-actor";
import { findAccountByEmail } from "../db/account-store";
import { openPage } from "../pages/framed-page";
import { queryValue } from "../pages/query-page";
import { invitationForCancelSecret } from "./cancel-invitation";
import { invitationView } from "./invitation-view";
import { openingReleaseOffered } from "./release-account-opening";
import type { InvitationState } from "./invitation-state";

/**
 * The getServerSideProps of the pages an invitation's e-mails link to, open to whoever holds the
 * link (the secret in the address is the permission; security-headers.ts sends them without a
 * referrer). A GET only shows: accepting, opening an account and cancelling are the forms'
 * posts, so a mail scanner following the link spends nothing, and an App Router prefetch is
 * answered 204 before the secret is even looked up (framed-page.ts).
 */

const INVITATION_TITLE = t("invitationPage.title");
const CANCEL_TITLE = t("cancelInvitationPage.title");

/** The codes the invitation's forms come back with (?erreur=…), each with its words (fr-invitation.ts). */
type ErrorCode = keyof typeof frInvitation.invitationPage.errors;
const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(frInvitation.invitationPage.errors, code);
const errorText = (code: ErrorCode): string => t(`invitationPage.errors.${code}`);

/** Why an invitation can no longer be accepted, by its state. */
const CLOSED: Record<Exclude<InvitationState, "open">, string> = {
  expired: errorText("expired"),
  accepted: errorText("used"),
  cancelled: errorText("cancelled"),
  declined: errorText("declined"),
};

/**
 * Who opens the link: a patient accepts with a button, a professional cannot, a visitor signs in
 * or opens an account. A patient whose account is not the invited address's (or who sent the
 * invitation) is told so at once, with no button: the accept route would refuse them anyway.
 * One who is the invitee but acts in another's space (`elsewhere`) was shown the button and
 * refused only once she clicked (« Revenez d'abord dans votre propre espace »): she is told
 * before, with the switch back to her own space that returns to this page.
 */
export type InvitationViewer =
  | { kind: "patient"; name: string }
  | { kind: "refused"; name: string; message: string }
  | { kind: "elsewhere"; name: string; selfPatientId: string }
  | { kind: "practitioner" }
  | { kind: "visitor"; email: string };

/**
 * What the invitation page shows. `unknown`: a malformed or unknown secret, nothing of any
 * invitation. `closed`: who invited, and why it cannot be accepted any more (expired, used,
 * cancelled), without its rights, its address or its secret. `open`: the rights, the last day
 * and the forms, which carry the secret back in their body.
 */
export type InvitationPageData =
  | { state: "unknown"; message: string }
  | { state: "closed"; inviter: string; inviterSex: GrammaticalSex; error: string | null; message: string }
  | {
      state: "open";
      inviter: string;
      inviterSex: GrammaticalSex;
      error: string | null;
      scopes: string[];
      endDay: string;
      token: string;
      viewer: InvitationViewer;
      today: string;
      /** Back in her own space by the switch of an `elsewhere` viewer, and now able to accept: the page says so. */
      switchedBack: boolean;
    };

/** A code of the forms' own, by an own key (not one of the object's prototype); anything else says nothing. */
const errorFor = (code: string | undefined): string | null => (code !== undefined && isErrorCode(code) ? errorText(code) : null);

/** /invitation/<secret>: the secret's shape is checked before anything, then its hash looked up (invitation-view.ts). */
export const invitationPageProps = openPage<InvitationPageData>(async ({ params, query }, _headers, sessionPromise) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const view = await invitationView(token);
  if (!view) return { title: INVITATION_TITLE, data: { state: "unknown", message: errorText("unknown") } };
  const code = errorFor(queryValue(query.erreur));
  // Every state but "open" closes the page: typed by state, so a new state cannot fall through to the forms.
  const closed = view.state === "open" ? undefined : CLOSED[view.state];
  if (closed) return { title: INVITATION_TITLE, data: { state: "closed", inviter: view.inviter, inviterSex: view.inviterSex, error: code, message: closed } };
  const session = await sessionPromise;
  const viewer: InvitationViewer = !session
    ? { kind: "visitor", email: view.email }
    : session.account.kind === "patient"
      ? await patientViewer(session, view)
      : { kind: "practitioner" };
  // A professional's post came back refused (whatever its code: « Revenez d'abord dans votre propre
  // espace » was one, meant for a patient acting for another): the one refusal that applies to them.
  // Her post refused as not in her own space while she still is not: the page's own words say it,
  // with the way back, once.
  const error = viewer.kind === "practitioner" && code !== null ? errorText("professional") : viewer.kind === "elsewhere" && queryValue(query.erreur) === "not-own-space" ? null : code;
  // Only where the button now shows: the code in an address opened again elsewhere, or by another account, says nothing.
  const switchedBack = viewer.kind === "patient" && queryValue(query.espace) === BACK_IN_OWN_SPACE;
  return { title: INVITATION_TITLE, data: { state: "open", inviter: view.inviter, inviterSex: view.inviterSex, error, scopes: view.scopes, endDay: view.endDay, token, viewer, today: todayInParis(now()), switchedBack } };
});

/**
 * The refusals of acceptInvitation() that depend on who is signed in, said before any click: the
 * two of acceptRefusal() first (switching space would not lift them), then not in her own space.
 * The space is the one the accept route's request would act in (actorForSession: a delegation
 * ended since the switch leaves her in her own).
 */
async function patientViewer(session: CurrentSession, view: { email: string; patientId: string }): Promise<InvitationViewer> {
  const { account } = session;
  const name = account.displayName;
  const selfPatientId = idOfRef(account.fhirRef, "Patient");
  if (selfPatientId === view.patientId) return { kind: "refused", name, message: errorText("own-invitation") };
  if ((await findAccountByEmail(view.email))?.id !== account.id) return { kind: "refused", name, message: WRONG_ACCOUNT };
  if (selfPatientId && (await actorForSession(session, now()))?.kind !== "patient") return { kind: "elsewhere", name, selfPatientId };
  return { kind: "patient", name };
}

const WRONG_ACCOUNT = t("invitationPage.wrongAccount");

/** What the one-click cancel page shows: the button (with its secret and whether the invitation was accepted), or that the link is not valid. */
export type CancelPageData = { valid: true; token: string; accepted: boolean } | { valid: false };

/** /invitation/annuler/<secret>: shape checked, hash looked up, a cancelled one refused (cancel-invitation.ts); the POST cancels. */
export const cancelPageProps = openPage<CancelPageData>(async ({ params }) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const invitation = await invitationForCancelSecret(token);
  return { title: CANCEL_TITLE, data: invitation ? { valid: true, token, accepted: invitation.acceptedAt !== null } : { valid: false } };
});

/** What the release page shows: the button with its secret and who the opening came from (release-account-opening.ts), or that the link is not valid. */
export type ReleaseOpeningPageData = { valid: true; token: string; inviters: string[] } | { valid: false };

/** /invitation/ouverture/<secret>: reads whether the link can serve (release-account-opening.ts); the POST releases. */
export const releaseOpeningPageProps = openPage<ReleaseOpeningPageData>(async ({ params }) => {
  const token = typeof params?.token === "string" ? params.token : "";
  const offered = await openingReleaseOffered(token, now());
  return { title: t("releaseOpeningPage.title"), data: offered ? { valid: true, token, inviters: offered.inviters } : { valid: false } };
});
