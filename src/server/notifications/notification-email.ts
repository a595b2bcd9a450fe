import type { NotificationKind } from "@/lib/notifications/kinds";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { notificationsPath, preferencesPath } from "@/lib/notifications/preferences-path";
import { letter } from "../mail/letter";
import type { OutgoingEmail } from "../mail/outgoing-email";

export const NOTIFICATION_SUBJECT = "Vous avez une nouvelle notification dans votre espace santé";

/** Said in a security kind's e-mail, above the link to the preferences, where these are listed as always sent. */
export const SECURITY_ALWAYS_LINE = "Les notifications de sécurité, comme celle-ci, vous sont toujours envoyées par e-mail, quels que soient vos choix.";

/**
 * The line a guardian's e-mail adds: the notice is in the space of someone she is the legal
 * guardian of, where she reads it (her own list does not hold it). Fixed words, no name.
 */
export const GUARDIAN_EMAIL_LINES: readonly string[] = [
  "Elle se trouve dans l'espace d'une personne dont vous exercez la représentation légale : ouvrez cet espace depuis le vôtre pour la lire.",
];

/** Who receives it: the address, and the kind of account, whose area holds its preferences. */
export type NotificationRecipient = { email: string; accountKind: "patient" | "practitioner" };

/**
 * The e-mail of a notification: the same few fixed sentences for every kind, so it can carry
 * no health information, document, specialty or anyone's name (tests/unit/notifications checks
 * every kind against words of the demo record). Only security kinds add that it is urgent to read.
 */
export function notificationEmail(kind: NotificationKind, to: NotificationRecipient, appUrl: string, dedupeKey?: string, extraLines: readonly string[] = []): OutgoingEmail {
  const base = appUrl.replace(/\/+$/, "");
  const lines = [
    "Vous avez une nouvelle notification dans votre espace santé.",
    ...(KIND_INFO[kind].security ? ["Elle concerne la sécurité de votre espace : lisez-la dès que possible."] : []),
    "",
    // « pour la lire »: the sign-in ends on the notifications (the sign-in page's `vers`), where it
    // is; the bare sign-in address ended on the home page, with nothing of it in sight.
    // After the assistance's recovery (account:recover) no sign-in works until the account is
    // activated again: « Connectez-vous » sent her to a door that was shut.
    kind === "second-factors-removed"
      ? `Vous la lirez après avoir réactivé votre compte : ${base}/activer`
      : `Connectez-vous pour la lire : ${base}/connexion?vers=${encodeURIComponent(notificationsPath(to.accountKind))}`,
    "",
    ...(extraLines.length > 0 ? [...extraLines, ""] : []),
    // The preferences link below would otherwise read as a way to stop this one: it cannot be turned off.
    ...(KIND_INFO[kind].security ? [SECURITY_ALWAYS_LINE] : []),
    `Pour choisir les notifications que vous recevez aussi par e-mail : ${base}${preferencesPath(to.accountKind)}`,
  ];
  return { to: to.email, subject: NOTIFICATION_SUBJECT, text: letter(lines), kind: `notification-${kind}`, ...(dedupeKey ? { dedupeKey } : {}) };
}
