import type { Communication } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/server/access/actor";
import { messageChangeRefusal } from "@/server/access/message-changes";

/** What a stored message may become: a read receipt by the other side, or a withdrawal by its sender within five minutes. */
const PAT = "a0000000-0000-4000-8000-000000000001";
const PRO = "b0000000-0000-4000-8000-000000000001";
const SENT = "2026-06-01T12:00:00.000Z";
const at = (minutes: number) => new Date(Date.parse(SENT) + minutes * 60_000);
const patient: Actor = { kind: "patient", accountId: "p", patientId: PAT };
const pro: Actor = { kind: "practitioner", accountId: "d", practitionerId: PRO };
const caregiver: Actor = { kind: "delegate", accountId: "c", selfPatientId: "x", patientId: PAT, relatedPersonId: "rp-1" };

const stored: Communication = {
  resourceType: "Communication",
  id: "m1",
  status: "completed",
  subject: { reference: `Patient/${PAT}` },
  sender: { reference: `Patient/${PAT}` },
  recipient: [{ reference: `Practitioner/${PRO}` }],
  sent: SENT,
  payload: [{ contentString: "Bonjour docteur" }],
};
const withdrawn: Communication = { ...stored, status: "entered-in-error", payload: undefined };

const CASES: { name: string; actor: Actor; next: Communication; minutes: number; want: string | undefined }[] = [
  { name: "the recipient marks it read", actor: pro, next: { ...stored, received: at(1).toISOString() }, minutes: 1, want: undefined },
  { name: "the sender marks their own message read", actor: patient, next: { ...stored, received: at(1).toISOString() }, minutes: 1, want: "message-immutable" },
  { name: "a read receipt in the future", actor: pro, next: { ...stored, received: at(90).toISOString() }, minutes: 1, want: "message-immutable" },
  { name: "a read receipt moved after it was set", actor: pro, next: { ...stored, received: at(3).toISOString() }, minutes: 4, want: "message-immutable" },
  { name: "the sender withdraws after 4 minutes", actor: patient, next: withdrawn, minutes: 4, want: undefined },
  { name: "the sender withdraws at exactly 5 minutes", actor: patient, next: withdrawn, minutes: 5, want: undefined },
  { name: "the sender withdraws after 5 minutes and 1 second", actor: patient, next: withdrawn, minutes: 5 + 1 / 60, want: "withdraw-late" },
  { name: "the recipient withdraws", actor: pro, next: withdrawn, minutes: 1, want: "not-sender" },
  { name: "a caregiver withdraws the patient's message", actor: caregiver, next: withdrawn, minutes: 1, want: "not-sender" },
  { name: "a withdrawal that keeps the text", actor: patient, next: { ...stored, status: "entered-in-error" }, minutes: 1, want: "message-immutable" },
  { name: "the sender edits the text", actor: patient, next: { ...stored, payload: [{ contentString: "Autre texte" }] }, minutes: 1, want: "message-immutable" },
  { name: "the recipient changes the recipients", actor: pro, next: { ...stored, recipient: [{ reference: "Practitioner/x" }] }, minutes: 1, want: "message-immutable" },
  { name: "the subject changed", actor: patient, next: { ...stored, topic: { text: "Autre" } }, minutes: 1, want: "message-immutable" },
  { name: "the same message with keys in another order", actor: pro, next: { payload: stored.payload, ...stored }, minutes: 1, want: undefined },
];

describe("message changes", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const base = c.name.startsWith("a read receipt moved") ? { ...stored, received: at(2).toISOString() } : stored;
      expect(messageChangeRefusal(c.actor, base, c.next, at(c.minutes))).toBe(c.want === undefined ? undefined : c.want);
    });
  }
  it("a withdrawn message takes nothing more, not even a read receipt", () => {
    expect(messageChangeRefusal(pro, withdrawn, { ...withdrawn, received: at(2).toISOString() }, at(2))).toBe("message-immutable");
  });
});
