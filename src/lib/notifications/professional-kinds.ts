import { ACCOUNT_CHANGES } from "./account-change-lines";
import type { NotificationKind } from "./kinds";

/**
 * The kinds a professional's account can receive: a patient's message, and what touches the
 * account itself (a sign-in, any change to how it is opened: authenticator app, password, passkeys, recovery codes, linked identities). Every other kind is about a patient's own record or space (a first access to
 * it, a document added, a delegation) and never reaches a professional: their preferences page
 * offered those too, in a patient's words (found by an exploratory test of the demo).
 */
export const PROFESSIONAL_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
  "message-received",
  "new-sign-in",
  "recovery-sign-in",
  ...ACCOUNT_CHANGES,
]);
