import { ACCOUNT_CHANGES } from "./account-change-lines";
import type { NotificationKind } from "./kinds";

/**
 * The kinds about how the account itself is opened (a sign-in, the authenticator app, and each
 * change of account-change-lines.ts), apart from what happens in the health space: the
 * preferences page lists the always-e-mailed kinds under these two headings, so that twenty
 * locked lines do not read as one list among which the few real choices hide.
 */
export const ACCOUNT_ACCESS_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>(["new-sign-in", "recovery-sign-in", ...ACCOUNT_CHANGES]);
