import type { DocumentReference, Observation } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { growthObservation } from "@/server/children/growth-observation";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, idsOf, signIn } from "../fhir-api/http";
import { aChildWithCaregiver, birthDayFor, useParentAndAunt, MINOR_SECRET_LABEL } from "./world";

/**
 * A caregiver invited into a child's space acts under the parental authority that chose them
 * (only a guardian gives delegations in a child's space), so gets no more than it: what the minor
 * keeps secret from her parents (Code de la santé publique, art. L1111-5: the MINOR_SECRET label)
 * was refused to the guardian but read, searched and listed by the caregiver she invited (found
 * by the attack round, through the API). One the young adult chooses after 18 is hers.
 */
useTestDatabase();
const system = () => systemRepository("caregiver-minor-secret-tests");
const family = useParentAndAunt();

describe("what a minor keeps from her parents is kept from the caregiver they chose", () => {
  it("the caregiver reads, searches and lists none of it; what is not secret she still reads", async () => {
    const repo = await system();
    const { child } = await aChildWithCaregiver(family().camille, family().aunt, birthDayFor(15), addMonthsToDay(parisDayOf(new Date()), 12));
    const doctor = `Practitioner/${(await repo.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id}`;
    const plain = (await repo.create(aDocument({ patientId: child, kind: "consultation", author: doctor, title: "Certificat de santé" }))).id!;
    const secret = (
      await repo.create<DocumentReference>({ ...aDocument({ patientId: child, kind: "consultation", author: doctor, title: "Consultation confidentielle" }), meta: { security: [MINOR_SECRET_LABEL] } })
    ).id!;
    const secretMeasure = (await repo.create<Observation>({ ...growthObservation(child, "weight", 52, parisDayOf(new Date()), doctor), meta: { security: [MINOR_SECRET_LABEL] } })).id!;
    const caregiver = await signIn(`Patient/${family().aunt}`, { space: child, name: "Rose Tante" });
    const guardian = await signIn(`Patient/${family().camille}`, { space: child, name: "Camille Martin" });

    for (const session of [guardian, caregiver]) {
      expect((await fhir("GET", `DocumentReference/${plain}`, { cookie: session.cookie })).status).toBe(200);
      expect((await fhir("GET", `DocumentReference/${secret}`, { cookie: session.cookie })).status).toBe(404);
      expect((await fhir("GET", `Observation/${secretMeasure}`, { cookie: session.cookie })).status).toBe(404);
      const listed = idsOf(await fhir("GET", `DocumentReference?patient=${child}`, { cookie: session.cookie }));
      expect(listed).toContain(plain);
      expect(listed).not.toContain(secret);
      expect(idsOf(await fhir("GET", `Observation?patient=${child}`, { cookie: session.cookie }))).not.toContain(secretMeasure);
    }
  });

  it("nor from a caregiver whose delegation says no start (written before starts were kept), while the child is a minor", async () => {
    const repo = await system();
    const { child, tie } = await aChildWithCaregiver(family().camille, family().aunt, birthDayFor(15), addMonthsToDay(parisDayOf(new Date()), 12));
    await repo.update({ ...tie, period: { end: tie.period!.end } });
    const doctor = `Practitioner/${(await repo.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id}`;
    const secret = (
      await repo.create<DocumentReference>({ ...aDocument({ patientId: child, kind: "consultation", author: doctor, title: "Consultation confidentielle" }), meta: { security: [MINOR_SECRET_LABEL] } })
    ).id!;
    const caregiver = await signIn(`Patient/${family().aunt}`, { space: child, name: "Rose Tante" });
    expect((await fhir("GET", `DocumentReference/${secret}`, { cookie: caregiver.cookie })).status).toBe(404);
    expect(idsOf(await fhir("GET", `DocumentReference?patient=${child}`, { cookie: caregiver.cookie }))).not.toContain(secret);
  });

  it("a caregiver the young adult chose after her 18th birthday reads what she kept from her parents as a minor", async () => {
    const repo = await system();
    const adult = (await repo.create(aPatient({ given: "Léa", family: "Martin", birthDate: birthDayFor(19) }))).id!;
    const friend = (await repo.create(aPatient({ given: "Inès", family: "Amie", birthDate: "2006-01-01" }))).id!;
    await repo.create(aDelegation({ patientId: adult, agentPatientId: friend, scopes: ["documents:read"], start: new Date(Date.now() - 86_400_000).toISOString(), end: addMonthsToDay(parisDayOf(new Date()), 12) }));
    const doctor = `Practitioner/${(await repo.create(aPractitioner({ given: "Sophie", family: "Bernard" }))).id}`;
    const kept = (
      await repo.create<DocumentReference>({ ...aDocument({ patientId: adult, kind: "consultation", author: doctor, title: "Consultation confidentielle" }), meta: { security: [MINOR_SECRET_LABEL] } })
    ).id!;
    const chosen = await signIn(`Patient/${friend}`, { space: adult, name: "Inès Amie" });
    expect((await fhir("GET", `DocumentReference/${kept}`, { cookie: chosen.cookie })).status).toBe(200);
  });
});
