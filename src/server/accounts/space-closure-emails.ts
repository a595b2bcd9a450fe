import "@/server/server-only";
import { formatDateTime, formatDay } from "@/lib/documents/format";
import { letter } from "../mail/letter";
import type { OutgoingEmail } from "../mail/outgoing-email";

/**
 * The holder's e-mails of « Clôturer mon espace » (close-space.ts, reopen-space.ts,
 * jobs/erase-closed-spaces.ts). Fixed
 * sentences, dates and the assistance's contact only: nothing of the record, nobody's name.
 * Sent to the account's address whatever the preferences: a closed account has no notices to read.
 */
export function spaceClosedEmail(to: string, input: { closedAt: Date; archiveUntil: Date; eraseDueAt: Date | null; assistance: string }): OutgoingEmail {
  const text = letter([
    `Votre espace santé a été clôturé le ${formatDateTime(input.closedAt.toISOString())}, à votre demande.`,
    "",
    "Depuis, plus personne ne le consulte, pas même vous : les professionnels que vous aviez autorisés, l'accès en urgence, les proches à qui vous aviez donné accès et les pharmacies à qui vous aviez partagé une ordonnance. Vous ne pouvez plus vous y connecter.",
    "",
    input.eraseDueAt
      ? `Vous avez demandé la suppression de vos données : elles seront supprimées le ${formatDay(input.eraseDueAt.toISOString().slice(0, 10))}. Jusque-là, vous pouvez encore demander la réouverture de votre espace.`
      : `Vos données sont archivées jusqu'au ${formatDay(input.archiveUntil.toISOString().slice(0, 10))}, puis supprimées automatiquement (article R1111-36 du code de la santé publique). Vous pouvez en demander la suppression plus tôt à l'assistance.`,
    "",
    `Pour rouvrir votre espace et retrouver vos données, à tout moment : contactez l'assistance (${input.assistance}). Elle vérifiera votre identité avant de le rouvrir.`,
    "",
    "Si vous n'avez pas demandé cette clôture, contactez l'assistance au plus vite.",
  ]);
  return { to, subject: "Votre espace santé est clôturé", text, kind: "space-closed", dedupeKey: `space-closed:${to}:${input.closedAt.toISOString()}` };
}

/**
 * A forgotten password asked for the address of a closed space (request-password-reset.ts): no
 * link (a new password would open nothing), but why, and how to reopen it. Sent to the account's
 * own address, so whoever typed it learns nothing; one a day at most.
 */
export function closedSpaceResetEmail(to: string, input: { accountId: string; now: Date; assistance: string }): OutgoingEmail {
  const text = letter([
    "Vous avez demandé à réinitialiser le mot de passe de votre compte Mon espace santé. Votre espace santé est clôturé : un nouveau mot de passe ne le rouvrirait pas, aucun lien ne vous est donc envoyé.",
    "",
    `Pour rouvrir votre espace et retrouver vos données : contactez l'assistance (${input.assistance}). Elle vérifiera votre identité avant de le rouvrir.`,
    "",
    "Si vous n'avez rien demandé, ignorez ce message : rien ne change.",
  ]);
  return { to, subject: "Votre espace santé est clôturé", text, kind: "space-closed-reset", dedupeKey: `space-closed-reset:${input.accountId}:${input.now.toISOString().slice(0, 10)}` };
}

export function spaceReopenedEmail(to: string, input: { reopenedAt: Date; signInUrl: string; assistance: string }): OutgoingEmail {
  const text = letter([
    `Votre espace santé a été rouvert le ${formatDateTime(input.reopenedAt.toISOString())} par l'assistance du service, à votre demande. Vos données y sont de nouveau.`,
    "",
    `Vous vous connectez comme avant : ${input.signInUrl}`,
    "",
    "Les accès de vos proches et vos partages d'ordonnance avec une pharmacie, terminés à la clôture, ne reviennent pas : invitez de nouveau qui vous voulez depuis votre espace.",
    "",
    `Si vous n'avez pas demandé cette réouverture, contactez l'assistance au plus vite (${input.assistance}).`,
  ]);
  return { to, subject: "Votre espace santé est rouvert", text, kind: "space-reopened", dedupeKey: `space-reopened:${to}:${input.reopenedAt.toISOString()}` };
}

/** After the erasure (jobs/erase-closed-spaces.ts): her data and account are gone, the trail stays. */
export function spaceErasedEmail(to: string, closedAt: Date): OutgoingEmail {
  const text = letter([
    `Les données de votre espace santé, clôturé le ${formatDay(closedAt.toISOString().slice(0, 10))}, ont été supprimées, comme le prévoit l'article R1111-36 du code de la santé publique. Votre compte a été supprimé avec elles.`,
    "",
    "Le journal des accès à votre dossier est conservé : il dit qui a consulté quoi, et quand.",
  ]);
  return { to, subject: "Les données de votre espace santé ont été supprimées", text, kind: "space-erased", dedupeKey: `space-erased:${to}:${closedAt.toISOString()}` };
}
