/**
 * The data the pages benchmark (issue 16) reads, at the sizes the issue names: a patient with
 * 5,000 documents and 30 prescriptions (one shared with a pharmacy), a professional authorised
 * by 2,000 patients, a caregiver acting for 3 patients. Documents go in with set-based SQL
 * (load-synthetic.ts); the rest through the system repository, so it has the exact stored shape
 * (rules, prescriptions, the share link and their audit rows) the pages read.
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { aPractitioner } from "../../src/lib/fhir/builders/people";
import { aPrescription } from "../../src/lib/fhir/builders/prescriptions";
import { aDelegation, anAuthorisation } from "../../src/lib/fhir/builders/rules";
import { documentId, loadPatients, patientId } from "./load-synthetic";
import { signedInAs } from "./session-cookie";

export const MAIN_DOCUMENTS = 5_000;
export const PRO_PATIENTS = 2_000;
/**
 * The patient's audit trail before the first page is measured: years of her own views, with
 * professionals' reads and a few refused attempts among them. Without it, the history page was
 * measured on whatever trail the pages benched before it had left (a few thousand rows in a
 * partial run, about 100,000 in a full one), so a partial run could not compare it.
 */
export const TRAIL_ROWS = 100_000;
const TRAIL_BATCH = 1_000;
const OTHER_DOCUMENTS = 20;
const PRESCRIPTIONS = 30;

export type PagesWorld = {
  patientId: string;
  documentId: string;
  prescriptionId: string;
  practitionerId: string;
  link: { id: string; cookie: string };
  cookies: { patient: string; practitioner: string; caregiver: string };
};

export async function buildPagesWorld(pool: pg.Pool, appUrl: string): Promise<PagesWorld> {
  const { systemRepository, createRepository } = await import("../../src/server/fhir/repository");
  const system = await systemRepository("bench-pages");
  const self = patientId(1);
  await loadPatients(pool, 1, 1, MAIN_DOCUMENTS);
  await loadPatients(pool, 2, PRO_PATIENTS + 1, OTHER_DOCUMENTS);

  const practitioner = await system.create(aPractitioner({ id: randomUUID(), family: "Banc", given: "Marie" }));
  const practitionerId = practitioner.id!;
  for (let n = 1; n <= PRO_PATIENTS; n++) {
    await system.create(anAuthorisation({ patientId: patientId(n), practitionerId, restricted: n % 3 === 0 }));
  }

  let prescriptionId = "";
  for (let k = 0; k < PRESCRIPTIONS; k++) {
    const authoredOn = new Date(Date.now() - k * 20 * 86_400_000).toISOString();
    const lines = aPrescription({ patientId: self, requesterId: practitionerId, authoredOn });
    for (const line of lines) await system.create(line);
    if (k === 0) prescriptionId = lines[0]!.groupIdentifier!.value!;
  }

  // The caregiver is a patient of their own (the last synthetic one) acting for patients 1, 2, 3.
  const caregiverId = patientId(PRO_PATIENTS + 1);
  for (const n of [1, 2, 3]) {
    await system.create(
      aDelegation({
        patientId: patientId(n),
        agentPatientId: caregiverId,
        agentName: { given: "Aidant", family: "Banc" },
        scopes: ["documents:read", "prescriptions:read", "record:read"],
        start: new Date(Date.now() - 86_400_000).toISOString(),
      }),
    );
  }

  const link = await sharedLink(self, prescriptionId, appUrl, createRepository);
  await loadTrail(pool, self, practitionerId);
  await pool.query("VACUUM (ANALYZE) fhir_resource, audit_event");
  // Every other table's statistics too, as autovacuum would have them on a server that has run a
  // while: the world's 12,000 unread notices, written a minute before the first view, were not yet
  // in them, and the session's statement then counted a patient's unread notices through the
  // unread-by-conversation index (20261223010000), all 12,000 rows, 20 ms a page instead of 0.2.
  await pool.query("ANALYZE");
  return {
    patientId: self,
    documentId: documentId(1, 7),
    prescriptionId,
    practitionerId,
    link,
    cookies: {
      patient: await signedInAs({ kind: "patient", patientId: self }),
      practitioner: await signedInAs({ kind: "practitioner", practitionerId }),
      caregiver: await signedInAs({ kind: "patient", patientId: caregiverId, activeSpace: self }),
    },
  };
}

/**
 * TRAIL_ROWS rows in the patient's trail, through the chain trigger as the app writes them, one
 * transaction per batch: the trigger updates the patient's chain head once per row, and one
 * transaction updating a row 100,000 times would walk an ever longer chain of its versions.
 * Of every 100 rows: 90 her own page views, 8 reads by her professional, 2 refused attempts by
 * an unknown one (HISTORY_GROUP_SQL's three groups).
 */
async function loadTrail(pool: pg.Pool, self: string, practitionerId: string) {
  const stranger = `Practitioner/${randomUUID()}`;
  for (let from = 1; from <= TRAIL_ROWS; from += TRAIL_BATCH) {
    await pool.query(
      `INSERT INTO audit_event (id, recorded, agent, agent_name, actor_kind, patient_id, entity, interaction, outcome, reason, address, user_agent)
       SELECT gen_random_uuid(), now() - make_interval(mins => ${TRAIL_ROWS} - g),
         CASE WHEN g % 100 < 90 THEN 'Patient/' || $1 WHEN g % 100 < 98 THEN $2 ELSE $3 END,
         CASE WHEN g % 100 < 90 THEN NULL WHEN g % 100 < 98 THEN 'Dr Marie Banc' ELSE 'Dr Inconnu' END,
         CASE WHEN g % 100 < 90 THEN 'patient' ELSE 'practitioner' END,
         $1::uuid,
         CASE WHEN g % 100 < 90 THEN 'DocumentReference' ELSE 'DocumentReference/' || $4 END,
         CASE WHEN g % 100 < 90 THEN 'search' ELSE 'read' END,
         CASE WHEN g % 100 < 98 THEN 'success' ELSE 'denied' END,
         CASE WHEN g % 100 < 98 THEN NULL ELSE 'not-authorised' END,
         '127.0.0.1', 'bench'
       FROM generate_series($5::int, $6::int) g`,
      [self, `Practitioner/${practitionerId}`, stranger, documentId(1, 7), from, Math.min(from + TRAIL_BATCH - 1, TRAIL_ROWS)],
    );
  }
}

type CreateRepository = typeof import("../../src/server/fhir/repository").createRepository;

/** The pharmacist's view: a link shared by the patient, and the session cookie a right passcode opens. */
async function sharedLink(self: string, prescriptionId: string, appUrl: string, createRepository: CreateRepository) {
  const { sharePrescription } = await import("../../src/server/sharing/share-prescription");
  const { sealLinkSession, linkCookie } = await import("../../src/server/sharing/link-session");
  const repo = await createRepository({ kind: "patient", accountId: "bench", patientId: self });
  const shared = await sharePrescription(repo, { prescriptionId, withPasscode: true }, appUrl);
  const { token } = sealLinkSession(shared.linkId, "Pharmacie du banc", new Date());
  return { id: shared.linkId, cookie: `${linkCookie(shared.linkId, true).name}=${token}` };
}
