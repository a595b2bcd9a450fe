import { formatDateTime } from "@/lib/documents/format";
import { pluralCategory } from "@/lib/i18n/plural";

/**
 * A change to how an account is opened, told to its owner (account-change-notice.ts): each is a
 * notification kind of its own, so the list and the preferences page name it plainly.
 */
export const ACCOUNT_CHANGES = [
  "password-changed",
  "password-reset",
  "passkey-added",
  "passkey-removed",
  "recovery-codes-regenerated",
  "identity-linked",
  "identity-unlinked",
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
};

/** Where « Si ce n'était pas vous » leads: the reset when the password itself may be someone else's. */
const TO_RESET: ReadonlySet<AccountChange> = new Set<AccountChange>(["password-changed", "password-reset"]);

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

/**
 * The e-mail's own lines: what changed and when, what still signs in after a reset, and what to
 * do if it was not the owner. Fixed words and our own links only: nothing of the record, no name,
 * not even the passkey's or the identity's (a device name or a provider's subject is not ours to mail).
 */
export function accountChangeEmailLines(change: AccountChange, at: Date, urls: { account: string; reset: string }, left?: WaysLeft): string[] {
  return [
    `${WHAT[change]} le ${formatDateTime(at)} (heure de Paris).`,
    ...(change === "password-reset" && left ? [waysLeftSentence(left)] : []),
    `${IF_NOT_YOU[change]} : ${TO_RESET.has(change) ? urls.reset : urls.account}`,
  ];
}
