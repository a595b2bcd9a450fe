import { describe, expect, it } from "vitest";
import type { Delegation } from "@/server/access/rules";
import type { CurrentSession } from "@/server/auth/check-session";
import { delegationIsLive } from "@/server/access/applicable-delegation";
import { delegatedSpaceOf, resolveActor } from "@/server/auth/resolve-actor";

const CAMILLE = "0a000000-0000-4000-8000-000000000001";
const JEAN = "0a000000-0000-4000-8000-000000000002";
const LEO = "0a000000-0000-4000-8000-000000000003";
const NADIA = "0a000000-0000-4000-8000-000000000004";
const now = new Date("2026-06-01T10:00:00Z");

const camille = (activeSpace: string | null): CurrentSession => ({
  sessionId: "s",
  account: { id: "acc-camille", kind: "patient", fhirRef: `Patient/${CAMILLE}`, displayName: "Camille Martin" },
  activeSpace,
  emergency: null,
});

const delegation = (overrides: Partial<Delegation> = {}): Delegation => ({
  relatedPersonId: "rp-1",
  agentPatientId: CAMILLE,
  kind: "delegate",
  scopes: new Set(["documents:read"]),
  active: true,
  ...overrides,
});

describe("the actor of a session", () => {
  it("is the patient in their own space (also when no space was chosen)", () => {
    const expected = { kind: "patient", accountId: "acc-camille", patientId: CAMILLE };
    expect(resolveActor(camille(`Patient/${CAMILLE}`), [], now)).toEqual(expected);
    expect(resolveActor(camille(null), [], now)).toEqual(expected);
  });

  it("is a delegate or a guardian in another patient's space, through a live delegation naming them", () => {
    expect(resolveActor(camille(`Patient/${JEAN}`), [delegation()], now)).toEqual({
      kind: "delegate",
      accountId: "acc-camille",
      selfPatientId: CAMILLE,
      patientId: JEAN,
      relatedPersonId: "rp-1",
    });
    expect(resolveActor(camille(`Patient/${LEO}`), [delegation({ kind: "guardian", relatedPersonId: "rp-2" })], now)).toMatchObject({
      kind: "guardian",
      patientId: LEO,
      relatedPersonId: "rp-2",
    });
  });

  it("is nobody in a space without a live delegation for them", () => {
    const space = camille(`Patient/${NADIA}`);
    expect(resolveActor(space, [], now)).toBeUndefined();
    expect(resolveActor(space, [delegation({ agentPatientId: JEAN })], now)).toBeUndefined();
    expect(resolveActor(space, [delegation({ active: false })], now)).toBeUndefined();
    expect(resolveActor(space, [delegation({ end: now })], now)).toBeUndefined();
    expect(resolveActor(space, [delegation({ start: new Date(now.getTime() + 1) })], now)).toBeUndefined();
  });

  it("picks one relationship by a stated rule when the patient names the person more than once, whatever the order of the rows", () => {
    const space = camille(`Patient/${JEAN}`);
    const early = new Date("2026-01-01T00:00:00Z");
    const late = new Date("2026-03-01T00:00:00Z");
    const cases: { rows: Delegation[]; want: string }[] = [
      // A guardianship governs over a caregiver's delegation, however recent the latter.
      { rows: [delegation({ relatedPersonId: "rp-a", start: late }), delegation({ relatedPersonId: "rp-g", kind: "guardian", start: early })], want: "rp-g" },
      // Then the latest start (no start counts as the earliest).
      { rows: [delegation({ relatedPersonId: "rp-a", start: early }), delegation({ relatedPersonId: "rp-b", start: late })], want: "rp-b" },
      { rows: [delegation({ relatedPersonId: "rp-a" }), delegation({ relatedPersonId: "rp-b", start: early })], want: "rp-b" },
      // Then the smallest id.
      { rows: [delegation({ relatedPersonId: "rp-b", start: early }), delegation({ relatedPersonId: "rp-a", start: early })], want: "rp-a" },
      // A relationship that is not live never applies.
      { rows: [delegation({ relatedPersonId: "rp-g", kind: "guardian", active: false }), delegation({ relatedPersonId: "rp-a" })], want: "rp-a" },
    ];
    for (const { rows, want } of cases) {
      expect(resolveActor(space, rows, now)).toMatchObject({ relatedPersonId: want });
      expect(resolveActor(space, [...rows].reverse(), now)).toMatchObject({ relatedPersonId: want });
    }
  });

  it("knows when a delegation is live", () => {
    expect(delegationIsLive({ active: true }, now)).toBe(true);
    expect(delegationIsLive({ active: true, start: now, end: new Date(now.getTime() + 1) }, now)).toBe(true);
    expect(delegationIsLive({ active: true, end: now }, now)).toBe(false);
  });

  it("is a practitioner for a professional, with emergency access only while it lasts", () => {
    const session: CurrentSession = {
      sessionId: "s",
      account: { id: "acc-moreau", kind: "practitioner", fhirRef: "Practitioner/p-3", displayName: "Dr Inès Moreau" },
      activeSpace: null,
      emergency: { patientId: JEAN, until: new Date(now.getTime() + 60_000) },
    };
    expect(resolveActor(session, [], now)).toMatchObject({
      kind: "practitioner",
      practitionerId: "p-3",
      emergency: { patientId: JEAN },
    });
    expect(resolveActor(session, [], new Date(now.getTime() + 60_000))).not.toHaveProperty("emergency");
  });

  it("names the delegated space only when it is not the person's own", () => {
    expect(delegatedSpaceOf(camille(`Patient/${JEAN}`))).toBe(JEAN);
    expect(delegatedSpaceOf(camille(`Patient/${CAMILLE}`))).toBeUndefined();
    expect(delegatedSpaceOf(camille(null))).toBeUndefined();
  });
});
