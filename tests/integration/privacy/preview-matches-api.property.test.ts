import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createRepository, systemRepository, type Repository } from "@/server/fhir/repository";
import { PREVIEW_ITEMS, PREVIEW_TYPES, previewAs } from "@/server/privacy/preview-as";
import type { ViewerChoice } from "@/server/privacy/preview-viewer";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aPrescription } from "@/lib/fhir/builders/prescriptions";
import { anImmunization } from "@/lib/fhir/builders/record";
import { aBlock, aDelegation, aHiddenDocument, anAuthorisation, anEmergencyChoice } from "@/lib/fhir/builders/rules";
import type { Scope } from "@/server/access/scopes";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, idsOf, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";

const db = useTestDatabase();

/**
 * Issue 12: "for random rule sets and random viewers, the ids in the preview are exactly the ids
 * that viewer gets from the FHIR API when signed in". Each run stores a fresh patient (normal,
 * restricted and secret documents, a prescription, a vaccination) and random rules (each of two
 * professionals authorised at either level, for a time that may be over, blocked, or nothing;
 * documents hidden; emergency choice; a caregiver's scopes), then compares, type by type, the
 * preview made from the patient's own repository with the FHIR API's search answered to the
 * viewer's real session. A denial on the API (403/404) is an empty set, as the preview shows it.
 */
type ProRule = "none" | "authorise-N" | "authorise-R" | "authorise-ended" | "block";
type Rules = {
  pros: [ProRule, ProRule];
  hidden: boolean[];
  emergency: "allowed" | "restricted" | "refused";
  caregiverScopes: Scope[];
};

const arbRules: fc.Arbitrary<Rules> = fc.record({
  pros: fc.tuple(
    fc.constantFrom<ProRule>("none", "authorise-N", "authorise-R", "authorise-ended", "block"),
    fc.constantFrom<ProRule>("none", "authorise-N", "authorise-R", "authorise-ended", "block"),
  ),
  hidden: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  emergency: fc.constantFrom("allowed", "restricted", "refused"),
  caregiverScopes: fc.subarray<Scope>(["documents:read", "prescriptions:read", "record:read", "documents:write"]),
});

const DAY = 86_400_000;
let pros: string[];
let proSessions: SignedIn[];
let system: Repository;

beforeAll(async () => {
  warmUpValidator();
  system = await systemRepository("preview-property");
  pros = [];
  proSessions = [];
  for (const family of ["Aperçu", "Miroir"]) {
    const id = (await system.create(aPractitioner({ given: "Dr", family }))).id!;
    pros.push(id);
    proSessions.push(await signIn(`Practitioner/${id}`, { name: `Dr ${family}` }));
  }
}, 120_000);

async function storeWorld(rules: Rules) {
  const patientId = (await system.create(aPatient({ given: "Prune", family: "Aperçu" }))).id!;
  const documents = [];
  for (const confidentiality of ["N", "N", "R", "V"] as const) {
    documents.push((await system.create(aDocument({ patientId, confidentiality, author: `Practitioner/${pros[0]}` }))).id!);
  }
  for (const line of aPrescription({ patientId, requesterId: pros[0]! })) await system.create(line);
  await system.create(anImmunization({ patientId }));
  const past = new Date(Date.now() - 40 * DAY).toISOString();
  for (const [index, rule] of rules.pros.entries()) {
    const practitionerId = pros[index]!;
    if (rule === "block") await system.create(aBlock({ patientId, practitionerId }));
    if (rule === "authorise-N" || rule === "authorise-R") await system.create(anAuthorisation({ patientId, practitionerId, restricted: rule === "authorise-R" }));
    if (rule === "authorise-ended") await system.create(anAuthorisation({ patientId, practitionerId, dateTime: past, until: new Date(Date.now() - 10 * DAY).toISOString().slice(0, 10) }));
  }
  const hidden = documents.filter((_, index) => rules.hidden[index]);
  if (hidden.length) await system.create(aHiddenDocument({ patientId, documentIds: hidden }));
  await system.create(anEmergencyChoice({ patientId, allowed: rules.emergency !== "refused", restricted: rules.emergency === "restricted" }));
  const caregiverId = (await system.create(aPatient({ given: "Aidant", family: "Aperçu" }))).id!;
  const delegation = await system.create(
    aDelegation({ patientId, agentPatientId: caregiverId, agentName: { given: "Aidant", family: "Aperçu" }, scopes: rules.caregiverScopes, start: new Date(Date.now() - DAY).toISOString() }),
  );
  const caregiver = await signIn(`Patient/${caregiverId}`, { space: patientId, name: "Aidant Aperçu" }).catch(() => undefined);
  return { patientId, relatedPersonId: delegation.id!, caregiver, caregiverId };
}

async function apiIds(type: string, patientId: string, cookie: string): Promise<string[]> {
  const answer = await fhir("GET", `${type}?patient=${patientId}&_count=${PREVIEW_ITEMS}`, { cookie });
  if (answer.status === 403 || answer.status === 404) return [];
  expect(answer.status, answer.text.slice(0, 300)).toBe(200);
  return idsOf(answer).sort();
}

async function previewIds(owner: Repository, choice: ViewerChoice) {
  const preview = await previewAs(owner, choice);
  return new Map(preview.sections.map((section) => [section.type, section.items.map((item) => item.id).sort()]));
}

describe("'Voir comme…' shows exactly what the viewer gets from the FHIR API", () => {
  it("holds for random rules and every professional and caregiver viewer", async () => {
    let compared = 0;
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(arbRules, async (rules) => {
        const { patientId, relatedPersonId, caregiver } = await storeWorld(rules);
        const owner: Repository = await createRepository({ kind: "patient", accountId: "preview-property", patientId });
        const viewers: { choice: ViewerChoice; cookie?: string }[] = [
          { choice: { kind: "professional", practitionerId: pros[0]! }, cookie: proSessions[0]!.cookie },
          { choice: { kind: "professional", practitionerId: pros[1]! }, cookie: proSessions[1]!.cookie },
          // A caregiver without any reading scope cannot even open the space: the API then has no session for them.
          { choice: { kind: "caregiver", relatedPersonId }, cookie: caregiver?.cookie },
        ];
        for (const viewer of viewers) {
          const shown = await previewIds(owner, viewer.choice);
          for (const type of PREVIEW_TYPES) {
            const got = viewer.cookie ? await apiIds(type, patientId, viewer.cookie) : [];
            expect(shown.get(type), `${type} as ${JSON.stringify(viewer.choice)} with ${JSON.stringify(rules)}`).toEqual(got);
            compared++;
            if (got.length) nonEmpty++;
          }
        }
      }),
      { numRuns: 15 },
    );
    // The comparison is not vacuous: many viewers did see something.
    expect(compared).toBeGreaterThan(0);
    expect(nonEmpty).toBeGreaterThan(10);
  }, 600_000);
});

describe("a preview issues nothing for the viewer (SECURITY-CASES 49)", () => {
  it("creates no session, account, token, challenge or link, and its audit rows are the patient's", async () => {
    const { patientId, relatedPersonId, caregiverId } = await storeWorld({ pros: ["authorise-R", "block"], hidden: [true, false, false, false], emergency: "allowed", caregiverScopes: ["documents:read"] });
    const owner: Repository = await createRepository({ kind: "patient", accountId: "preview-property", patientId });
    const prisma = db().prisma;
    // Everything a credential could be issued on for the viewers (other test files write their
    // own rows in the same database at the same time: only the viewers' and this patient's count).
    const viewerRefs = [...pros.map((id) => `Practitioner/${id}`), `Patient/${caregiverId}`];
    const viewerAccounts = { account: { fhirRef: { in: viewerRefs } } };
    const counts = async () => ({
      sessions: await prisma.authSession.count({ where: viewerAccounts }),
      accounts: await prisma.account.count({ where: { fhirRef: { in: viewerRefs } } }),
      tokens: await prisma.accountToken.count({ where: viewerAccounts }),
      challenges: await prisma.signInChallenge.count({ where: viewerAccounts }),
      links: await prisma.shareLink.count({ where: { patientId } }),
    });
    const before = await counts();
    const since = new Date();
    for (const choice of [
      { kind: "professional", practitionerId: pros[0]! },
      { kind: "professional", practitionerId: pros[1]! },
      { kind: "emergency" },
      { kind: "caregiver", relatedPersonId },
    ] satisfies ViewerChoice[]) {
      const preview = await previewAs(owner, choice);
      expect(preview.sections).toHaveLength(PREVIEW_TYPES.length);
    }
    expect(await counts()).toEqual(before);
    const rows = await prisma.auditEvent.findMany({ where: { patientId, recorded: { gte: since } } });
    expect(rows.length).toBeGreaterThan(0);
    // Every row of the previews is the patient's own, marked with whom it was made as: the
    // viewers' histories show no access they did not make.
    expect(new Set(rows.map((row) => row.agent))).toEqual(new Set([`Patient/${patientId}`]));
    expect(rows.every((row) => typeof (row.detail as { previewAs?: unknown } | null)?.previewAs === "string")).toBe(true);
  }, 120_000);
});
