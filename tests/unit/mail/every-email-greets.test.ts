import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { newSignInEmailLines } from "@/lib/notifications/new-sign-in-lines";
import { sendEmailChangeLink, sendPasswordResetLink, SIGN_IN_LOCKED_EMAIL, tellAddressAlreadyUsed, tellOldAddressOfChange, tellOwnerSecondFactorPaused } from "@/server/auth/tell-owner";
import { closedSpaceResetEmail, spaceClosedEmail, spaceErasedEmail, spaceReopenedEmail } from "@/server/accounts/space-closure-emails";
import { handoverActivationEmail } from "@/server/children/activation-email";
import { accountAlreadyOpeningEmail, caregiverCodeEmail, cancelLines, invitationEmail } from "@/server/delegations/delegation-emails";
import { parseOutgoingEmail, type OutgoingEmail } from "@/server/mail/outgoing-email";
import { GUARDIAN_EMAIL_LINES, notificationEmail } from "@/server/notifications/notification-email";

/**
 * Found on today's walk: the account's security e-mails (password reset, address change, second
 * step paused) began without the « Bonjour, » every other e-mail of the portal opens with, and
 * signed otherwise. Every e-mail the portal sends is built here, through the functions its
 * senders call, and each opens with « Bonjour, » alone (no name: an e-mail names no one) and
 * closes with the same line. The security e-mails queue themselves: what they hand the outbox is
 * caught where enqueueEmail receives it.
 */
const queued = vi.hoisted((): OutgoingEmail[] => []);
vi.mock("@/server/mail/enqueue-email", () => ({ enqueueEmail: async (_db: unknown, email: OutgoingEmail) => void queued.push(email) }));
vi.mock("@/server/db/outbox-connection", () => ({ outboxConnection: async () => ({}) }));

const APP = "https://espace-sante.example";
const TO = "camille.martin@example.org";
const NOW = new Date("2026-12-01T06:30:00Z");

async function securityEmails(): Promise<OutgoingEmail[]> {
  queued.length = 0;
  await tellOwnerSecondFactorPaused({ query: async () => [] }, TO, "0b000000-0000-4000-8000-000000000001", NOW);
  await sendPasswordResetLink(TO, `${APP}/connexion/reinitialiser?jeton=abc`);
  await sendEmailChangeLink(TO, `${APP}/compte/adresse/confirmer?jeton=abc`);
  await tellAddressAlreadyUsed(TO, NOW);
  await tellOldAddressOfChange(TO);
  return [...queued];
}

function builtEmails(): OutgoingEmail[] {
  const lines = newSignInEmailLines({ browser: "Firefox", system: "Windows" }, NOW, `${APP}/espace/compte`);
  return [
    ...NOTIFICATION_KINDS.flatMap((kind) =>
      (["patient", "practitioner"] as const).flatMap((accountKind) => [
        notificationEmail(kind, { email: TO, accountKind }, APP),
        notificationEmail(kind, { email: TO, accountKind }, APP, "cle", [...GUARDIAN_EMAIL_LINES, ...lines, ...cancelLines(APP, "secret")]),
      ]),
    ),
    invitationEmail(TO, APP, "secret", "0b000000-0000-4000-8000-000000000002"),
    caregiverCodeEmail(TO, APP, "ABCD-EFGH", `${APP}/invitation/ouverture/secret`),
    accountAlreadyOpeningEmail(TO, APP, NOW, `${APP}/invitation/ouverture/secret`),
    handoverActivationEmail(TO, "ABCD-EFGH", NOW, APP, "0b000000-0000-4000-8000-000000000003"),
    spaceClosedEmail(TO, { closedAt: NOW, archiveUntil: NOW, eraseDueAt: null, assistance: "assistance@example.org" }),
    spaceClosedEmail(TO, { closedAt: NOW, archiveUntil: NOW, eraseDueAt: NOW, assistance: "assistance@example.org" }),
    spaceReopenedEmail(TO, { reopenedAt: NOW, signInUrl: `${APP}/connexion`, assistance: "assistance@example.org" }),
    spaceErasedEmail(TO, NOW),
    closedSpaceResetEmail(TO, { accountId: "00000000-0000-4000-8000-000000000001", now: NOW, assistance: "assistance@example.org" }),
    // Queued by the sign-in's refusal in its own SQL statement (sign-in-refusal-store.ts), not
    // through enqueueEmail: checked as enqueueEmail would check it.
    parseOutgoingEmail({ to: TO, ...SIGN_IN_LOCKED_EMAIL }),
  ];
}

/**
 * The files that hand e-mails to the outbox (enqueueEmail, enqueueEmails), each through the
 * builders above. Read from the sources: a new sender fails here until its e-mails join the table.
 */
const SENDERS = [
  "src/server/accounts/close-space.ts",
  "src/server/accounts/reopen-space.ts",
  "src/server/accounts/request-password-reset.ts",
  "src/server/auth/tell-owner.ts",
  "src/server/children/run-majority-tick.ts",
  "src/server/delegations/invite-caregiver.ts",
  "src/server/delegations/open-caregiver-account.ts",
  "src/server/jobs/erase-closed-spaces.ts",
  "src/server/notifications/notify-many.ts",
  "src/server/notifications/notify.ts",
];

function sendersInSources(): string[] {
  const root = path.join(process.cwd(), "src");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !file.split(path.sep).includes("generated"))
    .map((file) => `src/${file.split(path.sep).join("/")}`)
    .filter((file) => !file.startsWith("src/server/mail/") && /\benqueueEmails?\(/.test(readFileSync(file, "utf8")))
    .sort();
}

describe("every e-mail the portal sends", () => {
  it("is built by one of the functions tested here", () => {
    expect(sendersInSources()).toEqual(SENDERS);
  });

  it("opens with « Bonjour, » alone on its line and closes with the same automatic line, security e-mails included", async () => {
    const security = await securityEmails();
    expect(security.map((email) => email.kind)).toEqual([
      "account-second-factor-paused",
      "account-password-reset",
      "account-email-change",
      "account-email-already-used",
      "account-email-change-notice",
    ]);
    const all = [...security, ...builtEmails()];
    expect(new Set(all.map((email) => email.kind)).size).toBe(5 + NOTIFICATION_KINDS.length + 5 + 4);
    for (const email of all) {
      const lines = email.text.split("\n");
      expect(lines.slice(0, 2), email.kind).toEqual(["Bonjour,", ""]);
      expect(lines.slice(-2), email.kind).toEqual(["", "Ce message est envoyé automatiquement, n'y répondez pas."]);
      expect(email.text.match(/Bonjour/g), email.kind).toHaveLength(1);
      // Its own sentences start right after, not another blank line.
      expect(lines[2], email.kind).not.toBe("");
    }
  });
});
