import "@/server/server-only";
import { outboxConnection } from "../db/outbox-connection";
import type { Queryable } from "../db/queryable";
import { enqueueEmail } from "../mail/enqueue-email";
import { letter } from "../mail/letter";

/**
 * E-mails to an account's owner about its security, through the portal's outbox. They say
 * what happened to the account and what to do, never anything about health, nor anyone
 * else's name (only the portal's own words). They open and close as the portal's other e-mails
 * do (letter.ts): they had no « Bonjour, », and a signature of their own.
 */
async function send(db: Queryable | undefined, to: string, kind: string, subject: string, text: string, dedupeKey?: string) {
  await enqueueEmail(db ?? (await outboxConnection()), { to, kind, subject, text: letter([text]), dedupeKey });
}

/** Queued on the transaction that pauses the second step (second-factor-guard.ts): both or neither. */
export async function tellOwnerSecondFactorPaused(db: Queryable, to: string, accountId: string, now: Date): Promise<void> {
  await send(
    db,
    to,
    "account-second-factor-paused",
    "Tentatives de connexion à votre compte",
    "Trop de codes de vérification erronés ont été saisis pour votre compte Mon espace santé. Par sécurité, la vérification est suspendue pendant un quart d'heure.\n\nSi ce n'était pas vous, quelqu'un connaît peut-être votre mot de passe : changez-le depuis « Mon compte ».",
    `second-factor-paused:${accountId}:${Math.floor(now.getTime() / 60_000)}`,
  );
}

/**
 * The e-mail that tells an account's owner her sign-in is refused for a while after repeated
 * wrong passwords (sign-in-refusal-store.ts queues it in the refusal's own statement, at most one
 * a day). What happened, what to do if it was her, and if it was not; no link (one that looks like
 * ours is how accounts are phished), nothing about health.
 */
export const SIGN_IN_LOCKED_EMAIL = {
  kind: "account-sign-in-locked",
  subject: "Connexion à votre compte suspendue",
  text: letter([
    "Trop de mots de passe erronés ont été saisis pour votre compte Mon espace santé. Par sécurité, la connexion est refusée pendant un quart d'heure depuis l'appareil ou l'adresse d'où venaient ces essais. Les essais faits ailleurs ne bloquent pas l'appareil que vous utilisez d'habitude.",
    "",
    "Si c'était vous : attendez un quart d'heure avant de réessayer, ou choisissez un nouveau mot de passe avec « Mot de passe oublié ? » sur la page de connexion.",
    "",
    "Si ce n'était pas vous : quelqu'un a peut-être essayé de deviner votre mot de passe. Il n'a pas pu se connecter. Par prudence, si votre mot de passe est court ou sert aussi pour un autre site, changez-le depuis « Mon compte ».",
  ]),
} as const;

export async function sendPasswordResetLink(to: string, url: string): Promise<void> {
  await send(
    undefined,
    to,
    "account-password-reset",
    "Réinitialiser votre mot de passe",
    `Vous avez demandé à réinitialiser le mot de passe de votre compte Mon espace santé. Ce lien est valable 30 minutes et ne sert qu'une fois :\n\n${url}\n\nVotre code de vérification (ou un code de secours) vous sera aussi demandé. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas.`,
  );
}

export async function sendEmailChangeLink(to: string, url: string): Promise<void> {
  await send(
    undefined,
    to,
    "account-email-change",
    "Confirmer votre nouvelle adresse e-mail",
    `Pour que cette adresse devienne celle de votre compte Mon espace santé, ouvrez ce lien (valable 24 heures) :\n\n${url}\n\nSi vous n'avez rien demandé, ignorez ce message.`,
  );
}

/**
 * To an address someone asked to move their account to, when it is already another account's.
 * At most one an hour: several accounts asking for the same address must not fill its mailbox.
 */
export async function tellAddressAlreadyUsed(to: string, now: Date): Promise<void> {
  await send(
    undefined,
    to,
    "account-email-already-used",
    "Votre adresse e-mail a été proposée pour un autre compte",
    "Quelqu'un a demandé à utiliser cette adresse e-mail pour un autre compte Mon espace santé. Elle est déjà celle de votre compte : rien n'a changé, et elle ne peut pas servir à un second compte.\n\nSi c'était vous, connectez-vous à votre compte avec cette adresse. Sinon, vous n'avez rien à faire.",
    `email-already-used:${to}:${Math.floor(now.getTime() / 3_600_000)}`,
  );
}

export async function tellOldAddressOfChange(to: string): Promise<void> {
  await send(
    undefined,
    to,
    "account-email-change-notice",
    "Changement d'adresse e-mail de votre compte",
    "Un changement d'adresse e-mail a été demandé pour votre compte Mon espace santé. Il ne prendra effet qu'une fois confirmé depuis la nouvelle adresse.\n\nSi ce n'était pas vous, connectez-vous et changez votre mot de passe : la demande sera annulée. Fermez ensuite les sessions que vous ne reconnaissez pas dans « Mon compte ».",
  );
}
