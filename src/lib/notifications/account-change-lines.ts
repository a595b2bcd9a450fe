import { formatDateTime } from "@/lib/documents/format";
import { pluralCategory } from "@/lib/i18n/plural";

/**
 * A change to how an account is opened, told to its owner (account-change-notice.ts): each is a
 * notification kind of its own, so the list and the preferences page name it plainly.
 */
export const ACCOUNT_CHANGES = [
  // confirm-totp.ts. Its e-mail said only « Connectez-vous pour la lire », which the owner whose
  // app an intruder replaced cannot do with her old app (found by a walk of the lost phone).
  "second-factor-replaced",
  "password-changed",
  "password-reset",
  "passkey-added",
  "passkey-removed",
  "recovery-codes-regenerated",
  "identity-linked",
  "identity-unlinked",
  "second-factors-removed",
] as const;

export type AccountChange = (typeof ACCOUNT_CHANGES)[number];

/** What a password reset leaves that still signs in (reset-kept-ways.ts): the e-mail says so. */
export type WaysLeft = { passkeys: number; identities: number };

const WHAT: Record<AccountChange, string> = {
  "password-changed": "Le mot de passe de votre compte a été changé",
  "password-reset": "Le mot de passe de votre compte a été réinitialisé",
  "passkey-added": "Une clé d'accès a été ajoutée à votre compte",
  "passkey-removed": "Une clé d'accès a été retirée de votre compte",
  "recovery-codes-regenerated": "De nouveaux codes de secours ont été créés pour votre compte (les anciens ne fonctionnent plus)",
  "identity-linked": "Une identité numérique a été liée à votre compte",
  "identity-unlinked": "Une identité numérique a été déliée de votre compte",
  // recover-account.ts: the holder asked the assistance, which checked her identity first.
  "second-factors-removed":
    "Les seconds facteurs de votre compte (application d'authentification, clés d'accès, codes de secours), son mot de passe et ses identités numériques liées ont été retirés à la suite de la demande faite à l'assistance",
  "second-factor-replaced": "L'application d'authentification de votre compte a été remplacée",
};

/** What to do when it was not the owner: where each change is undone or made harmless. */
const IF_NOT_YOU: Record<AccountChange, string> = {
  "password-changed": "Si ce n'était pas vous, réinitialisez votre mot de passe",
  "password-reset": "Si ce n'était pas vous, réinitialisez à nouveau votre mot de passe, puis retirez dans « Mon compte » ce que vous ne reconnaissez pas",
  "passkey-added": "Si ce n'était pas vous, retirez cette clé d'accès et changez votre mot de passe depuis « Mon compte »",
  "passkey-removed": "Si ce n'était pas vous, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas depuis « Mon compte »",
  "recovery-codes-regenerated": "Si ce n'était pas vous, changez votre mot de passe et créez de nouveaux codes de secours depuis « Mon compte »",
  "identity-linked": "Si ce n'était pas vous, déliez cette identité et changez votre mot de passe depuis « Mon compte »",
  "identity-unlinked": "Si ce n'était pas vous, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas depuis « Mon compte »",
  "second-factors-removed": "Si ce n'était pas vous, contactez sans attendre l'assistance, avant que quelqu'un d'autre n'active votre compte",
  "second-factor-replaced":
    "Si ce n'était pas vous, connectez-vous avec un de vos codes de secours (votre ancienne application ne donne plus de code valable), enregistrez de nouveau votre application, changez votre mot de passe et fermez les sessions que vous ne reconnaissez pas dans « Mon compte »",
};

/** Without a recovery code left, the owner of a replaced app cannot come in again alone: the assistance can. */
const NO_RECOVERY_CODE_LEFT = "Si ce n'était pas vous et qu'il ne vous reste aucun code de secours, contactez sans attendre l'assistance";

/**
 * Where « Si ce n'était pas vous » leads: the reset when the password itself may be someone
 * else's; the assistance when the assistance itself was asked (nothing in the account undoes it).
 */
const LEADS_TO: Partial<Record<AccountChange, "reset" | "assistance">> = {
  "password-changed": "reset",
  "password-reset": "reset",
  "second-factors-removed": "assistance",
};

const count = (n: number, one: string, other: string) => `${n} ${pluralCategory(n) === "one" ? one : other}`;

/** The ways in a reset leaves, in words: none, or the counts (clé and identité are both feminine). */
export function waysLeftSentence(left: WaysLeft): string {
  if (left.passkeys + left.identities === 0) return "Aucune clé d'accès ni identité numérique n'est liée à votre compte : seul le nouveau mot de passe, avec votre code, permet de s'y connecter.";
  const parts = [
    ...(left.passkeys > 0 ? [count(left.passkeys, "clé d'accès", "clés d'accès")] : []),
    ...(left.identities > 0 ? [count(left.identities, "identité numérique liée", "identités numériques liées")] : []),
  ];
  const verb = left.passkeys + left.identities === 1 ? "permet toujours" : "permettent toujours";
  return `Votre compte a aussi ${parts.join(" et ")}, qui ${verb} de vous connecter sans mot de passe : une réinitialisation ne les retire pas.`;
}

/** After a recovery by the assistance: what the account is now, and how it opens again. */
export const REACTIVATE_SENTENCE =
  "Toutes les sessions ont été fermées. Votre compte est à réactiver : sur la page d'activation, avec le code d'activation que l'assistance vous a transmis, vous choisirez un nouveau mot de passe et un nouveau second facteur.";

/**
 * The e-mail's own lines: what changed and when, what still signs in after a reset, and what to
 * do if it was not the owner. Fixed words and our own links only: nothing of the record, no name,
 * not even the passkey's or the identity's (a device name or a provider's subject is not ours to mail).
 */
export function accountChangeEmailLines(change: AccountChange, at: Date, urls: { account: string; reset: string; assistance: string }, left?: WaysLeft): string[] {
  return [
    `${WHAT[change]} le ${formatDateTime(at)} (heure de Paris).`,
    ...(change === "password-reset" && left ? [waysLeftSentence(left)] : []),
    ...(change === "second-factors-removed" ? [REACTIVATE_SENTENCE] : []),
    `${IF_NOT_YOU[change]} : ${urls[LEADS_TO[change] ?? "account"]}`,
    ...(change === "second-factor-replaced" ? [`${NO_RECOVERY_CODE_LEFT} : ${urls.assistance}`] : []),
  ];
}
