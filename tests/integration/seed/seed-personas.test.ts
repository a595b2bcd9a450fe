import type { DocumentReference } from "@medplum/fhirtypes";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { createRepository, type Repository } from "@/server/fhir/repository";
import { startSignIn } from "@/server/auth/start-sign-in";
import { listPrescriptions } from "@/server/prescriptions/list-prescriptions";
import { personasState, seedPersonas } from "@/server/seed/seed-personas";
import {
  ACCOUNT_IDS,
  DEMO_PASSWORD,
  DOCUMENT_IDS,
  EMAILS,
  PATIENT_IDS,
  PRACTITIONER_IDS,
  RELATED_PERSON_IDS,
  type AccountPersona,
} from "@/lib/demo/personas";
import { useTestDatabase } from "../../setup/test-database";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";

/**
 * The demo personas are a contract (issue 2): demos, the README and the end-to-end tests rely on
 * who they are, what they hold and who may see it. Seeded here into a database of its own.
 */
useTestDatabase({ fresh: true });

const asPatient = (persona: "camille" | "jean" | "nadia") =>
  createRepository({ kind: "patient", accountId: ACCOUNT_IDS[persona], patientId: PATIENT_IDS[persona] }, {});
const asPractitioner = (persona: "bernard" | "petit" | "moreau") =>
  createRepository({ kind: "practitioner", accountId: ACCOUNT_IDS[persona], practitionerId: PRACTITIONER_IDS[persona] }, {});

async function documentsOf(repo: Repository, patientId: string): Promise<DocumentReference[]> {
  return (await repo.search<DocumentReference>("DocumentReference", { patientId, count: 100 })).resources;
}

describe("the demo seed", () => {
  it("loads the personas once, then finds them there", async () => {
    expect(await personasState()).toBe("absent");
    const summary = await seedPersonas();
    expect(summary.accounts).toBe(6);
    expect(summary.documents).toBeGreaterThan(40);
    expect(await personasState()).toBe("present");
  }, 120_000);

  it("lets every persona with a sign-in pass the password step with the published password", async () => {
    for (const persona of Object.keys(EMAILS) as AccountPersona[]) {
      const result = await startSignIn({ email: EMAILS[persona], password: DEMO_PASSWORD, address: `203.0.113.${persona.length}`, now: new Date() });
      expect(result.ok, persona).toBe(true);
    }
  });

  it("gives each adult years of documents with real PDF files", async () => {
    for (const persona of ["camille", "jean", "nadia"] as const) {
      const documents = await documentsOf(await asPatient(persona), PATIENT_IDS[persona]);
      expect(documents.length, persona).toBeGreaterThanOrEqual(8);
      const years = new Set(documents.map((d) => d.date?.slice(0, 4)));
      expect(years.size, persona).toBeGreaterThanOrEqual(3);
    }
    const camille = await asPatient("camille");
    const { file } = await camille.readDocumentFile(DOCUMENT_IDS.camilleRestricted);
    expect(file.contentType).toBe("application/pdf");
    expect(file.bytes.subarray(0, 5).toString()).toBe("%PDF-");
    // Tagged, for a screen reader: in French, read in order from its title (render-pdf.ts).
    const tagged = await readTaggedPdf(file.bytes);
    expect(tagged).toMatchObject({ lang: "fr-FR", marked: true, displayDocTitle: true, hasStructTreeRoot: true, untaggedText: [] });
    expect(tagged.elements.filter((element) => element.role === "H1")).toHaveLength(1);
  });

  it("keeps Camille's hidden document from Dr Bernard, shows him the restricted one, and shows Dr Petit nothing", async () => {
    const bernard = await documentsOf(await asPractitioner("bernard"), PATIENT_IDS.camille);
    const ids = bernard.map((d) => d.id);
    expect(ids).not.toContain(DOCUMENT_IDS.camilleHidden);
    expect(ids).toContain(DOCUMENT_IDS.camilleRestricted);
    expect(bernard.length).toBeGreaterThan(0);
    expect(await documentsOf(await asPractitioner("petit"), PATIENT_IDS.camille)).toEqual([]);
    expect(await documentsOf(await asPractitioner("moreau"), PATIENT_IDS.jean)).toEqual([]);
  });

  it("has prescriptions in every state: active, partly dispensed, dispensed, expired", async () => {
    const list = await listPrescriptions(await asPatient("camille"));
    const states = new Set([...list.active, ...list.past].map((p) => p.state));
    for (const state of ["active", "dispensed", "expired"]) expect(states).toContain(state);
    const partly = list.active.filter((p) => p.dispensations.length > 0);
    const untouched = list.active.filter((p) => p.dispensations.length === 0);
    expect(partly.length).toBeGreaterThan(0);
    expect(untouched.length).toBeGreaterThan(0);
  });

  it("lets Camille read Jean's documents and prescriptions as his caregiver, not change his privacy settings", async () => {
    const camilleForJean = await createRepository(
      { kind: "delegate", accountId: ACCOUNT_IDS.camille, selfPatientId: PATIENT_IDS.camille, patientId: PATIENT_IDS.jean, relatedPersonId: RELATED_PERSON_IDS.camilleForJean },
      {},
    );
    expect((await documentsOf(camilleForJean, PATIENT_IDS.jean)).length).toBeGreaterThan(0);
    expect((await listPrescriptions(camilleForJean)).active.length).toBeGreaterThan(0);
    const jean = await asPatient("jean");
    const consentsBefore = (await jean.search("Consent", { patientId: PATIENT_IDS.jean, count: 100 })).resources.length;
    expect(consentsBefore).toBeGreaterThan(0);
    await expect(
      camilleForJean.create({
        resourceType: "Consent",
        status: "active",
        scope: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" }] },
        category: [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }],
        patient: { reference: `Patient/${PATIENT_IDS.jean}` },
        policyRule: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTOUT" }] },
      }),
    ).rejects.toMatchObject({ status: 403 });
    expect((await jean.search("Consent", { patientId: PATIENT_IDS.jean, count: 100 })).resources.length).toBe(consentsBefore);
  });
});

describe("npm run db:seed", () => {
  it("refuses to load demo personas into a production database", () => {
    const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions", "react-server", "scripts/seed.ts"], {
      env: {
        ...process.env,
        APP_ENV: "production",
        DATABASE_URL: "postgres://nobody@127.0.0.1:1/production",
        AUTH_SECRET: "s".repeat(40),
        STORAGE_KEY: Buffer.alloc(32, 1).toString("base64"),
        APP_URL: "https://sante.example.fr",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("APP_ENV=production");
  }, 60_000);
});
