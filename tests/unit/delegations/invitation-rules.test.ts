import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { clockOffsetMs, TEST_CLOCK_FILE } from "@/server/clock";
import { acceptRefusal, endDayAllowed, endDayBounds, invitationState, mayManageDelegations, startAfterPause } from "@/server/delegations/invitation-state";

const NOW = new Date("2026-12-01T10:00:00Z");
const LATER = new Date("2026-12-05T10:00:00Z");
const EXPIRES = new Date("2026-12-08T10:00:00Z");

describe("who manages delegations", () => {
  const rows: { actor: Actor; want: boolean }[] = [
    { actor: { kind: "patient", accountId: "a", patientId: "p" }, want: true },
    { actor: { kind: "guardian", accountId: "a", selfPatientId: "g", patientId: "p", relatedPersonId: "r" }, want: true },
    { actor: { kind: "delegate", accountId: "a", selfPatientId: "d", patientId: "p", relatedPersonId: "r" }, want: false },
    { actor: { kind: "practitioner", accountId: "a", practitionerId: "pr" }, want: false },
    { actor: { kind: "link", linkId: "l", patientId: "p", prescriptionId: "rx", pharmacy: "P" }, want: false },
    { actor: { kind: "system", purpose: "x" }, want: false },
  ];
  it.each(rows)("$actor.kind → $want", ({ actor, want }) => {
    expect(mayManageDelegations(actor)).toBe(want);
  });
});

describe("the state of an invitation", () => {
  const open = { expiresAt: EXPIRES, acceptedAt: null, cancelledAt: null };
  const rows = [
    { name: "open before it expires", invitation: open, at: LATER, want: "open" },
    { name: "expired at its expiry instant", invitation: open, at: EXPIRES, want: "expired" },
    { name: "accepted stays accepted after expiry", invitation: { ...open, acceptedAt: LATER }, at: new Date("2027-01-01T00:00:00Z"), want: "accepted" },
    { name: "cancelled wins over accepted", invitation: { ...open, acceptedAt: LATER, cancelledAt: LATER }, at: LATER, want: "cancelled" },
    { name: "cancelled before acceptance", invitation: { ...open, cancelledAt: NOW }, at: LATER, want: "cancelled" },
    // The invitee's release declines it (release-account-opening.ts): cancelled_at is set with declined_at.
    { name: "declined by the invitee", invitation: { ...open, cancelledAt: NOW, declinedAt: NOW }, at: NOW, want: "declined" },
    { name: "declined, once past its expiry", invitation: { ...open, cancelledAt: NOW, declinedAt: NOW }, at: new Date(EXPIRES.getTime() + 1), want: "declined" },
  ] as const;
  it.each(rows)("$name", ({ invitation, at, want }) => {
    expect(invitationState(invitation, at)).toBe(want);
  });
});

describe("who may accept", () => {
  const invitation = { patientId: "camille", expiresAt: EXPIRES, acceptedAt: null, cancelledAt: null };
  const invitee = { patientId: "jean", accountId: "acc-jean", inviteeAccountId: "acc-jean" };
  const rows = [
    { name: "the account of the invited address", invitation, accepter: invitee, at: LATER, want: undefined },
    { name: "another account", invitation, accepter: { ...invitee, accountId: "acc-eve", patientId: "eve" }, at: LATER, want: "other-account" },
    { name: "nobody registered under the address yet", invitation, accepter: { ...invitee, inviteeAccountId: undefined }, at: LATER, want: "other-account" },
    { name: "the patient herself, even under the invited address", invitation, accepter: { ...invitee, patientId: "camille" }, at: LATER, want: "own-invitation" },
    { name: "someone who already acts for the patient", invitation, accepter: { ...invitee, actsAlready: true }, at: LATER, want: "already-acting" },
    { name: "another account, even one that already acts for the patient", invitation, accepter: { ...invitee, accountId: "acc-eve", actsAlready: true }, at: LATER, want: "other-account" },
    { name: "after expiry", invitation, accepter: invitee, at: EXPIRES, want: "expired" },
    { name: "a second time", invitation: { ...invitation, acceptedAt: NOW }, accepter: invitee, at: LATER, want: "used" },
    { name: "once cancelled", invitation: { ...invitation, cancelledAt: NOW }, accepter: invitee, at: LATER, want: "cancelled" },
    { name: "once declined", invitation: { ...invitation, cancelledAt: NOW, declinedAt: NOW }, accepter: invitee, at: LATER, want: "declined" },
  ] as const;
  it.each(rows)("$name → $want", ({ invitation: inv, accepter, at, want }) => {
    expect(acceptRefusal(inv, accepter, at)).toBe(want);
  });
});

describe("end dates", () => {
  it("defaults to one year (the day before the anniversary, included) and allows up to three years", () => {
    expect(endDayBounds(NOW)).toEqual({ earliest: "2026-12-01", latest: "2029-12-01", byDefault: "2027-11-30" });
  });
  const rows = [
    { day: "2026-12-01", want: true },
    { day: "2026-11-30", want: false },
    { day: "2029-12-01", want: true },
    { day: "2029-12-02", want: false },
    { day: "2027-02-29", want: false },
    { day: "30/06/2027", want: false },
    { day: "", want: false },
  ];
  it.each(rows)("$day → $want", ({ day, want }) => {
    expect(endDayAllowed(day, NOW)).toBe(want);
  });
  it("reads today as the Paris day: 23:30 UTC on 30 November is already 1 December in Paris", () => {
    expect(endDayAllowed("2026-11-30", new Date("2026-11-30T23:30:00Z"))).toBe(false);
  });
  it("starts an accepted delegation 24 hours later", () => {
    expect(startAfterPause(NOW).toISOString()).toBe("2026-12-02T10:00:00.000Z");
  });
});

describe("the test clock", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "clock-"));
  writeFileSync(path.join(dir, TEST_CLOCK_FILE), String(25 * 3600 * 1000));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is shifted by the file under APP_ENV=test", () => {
    expect(clockOffsetMs("test", dir)).toBe(25 * 3600 * 1000);
  });
  it("ignores the file in production and in the demo", () => {
    expect(clockOffsetMs("production", dir)).toBe(0);
    expect(clockOffsetMs("demo", dir)).toBe(0);
  });
  it("is not shifted without the file", () => {
    expect(clockOffsetMs("test", path.join(dir, "absent"))).toBe(0);
  });
});
