import type pg from "pg";

/**
 * Synthetic patients for the benchmark, written with set-based SQL (a million rows through the
 * repository would take hours here). Rows have the repository's exact shape: FHIR JSON with
 * meta, the indexed columns, and the search text. Ids are derived from the patient's number so
 * the benchmark can find patient #1 and its documents again.
 */
export const patientId = (n: number) => uuidFromNumber("b", n);

function uuidFromNumber(prefix: string, n: number) {
  const hex = n.toString(16).padStart(12, "0");
  return `${prefix}0000000-0000-4000-8000-${hex}`;
}

const CATEGORIES = ["lab", "imaging", "report", "prescription", "vaccination", "personal"];

export async function loadPatients(pool: pg.Pool, from: number, to: number, docsPerPatient: number) {
  const batch = 500;
  for (let start = from; start <= to; start += batch) {
    const end = Math.min(to, start + batch - 1);
    await pool.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, status, date, security)
       SELECT pid, 'Patient', 1, now(),
              jsonb_build_object('resourceType', 'Patient', 'id', pid, 'meta', jsonb_build_object('versionId', '1', 'lastUpdated', now()),
                'name', jsonb_build_array(jsonb_build_object('family', 'Patient' || g, 'given', jsonb_build_array('Synthétique'))),
                'gender', CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, 'birthDate', to_char(date '1940-01-01' + (g % 25000), 'YYYY-MM-DD')),
              pid, 'active', date '1940-01-01' + (g % 25000), '{}'
         FROM (SELECT g, ('b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid AS pid
                 FROM generate_series($1::int, $2::int) AS g) AS p`,
      [start, end],
    );
    await pool.query(
      `INSERT INTO fhir_resource (id, resource_type, version_id, last_updated, content, patient_id, status, category, code, date, author, security, search_text)
       SELECT did, 'DocumentReference', 1, now(),
              jsonb_build_object('resourceType', 'DocumentReference', 'id', did,
                'meta', jsonb_build_object('versionId', '1', 'lastUpdated', now()),
                'status', 'current',
                'type', jsonb_build_object('coding', jsonb_build_array(jsonb_build_object('system', 'http://loinc.org', 'code', '11502-2'))),
                'category', jsonb_build_array(jsonb_build_object('coding', jsonb_build_array(jsonb_build_object(
                   'system', 'https://espace-sante.example/fhir/CodeSystem/document-category', 'code', cat)))),
                'subject', jsonb_build_object('reference', 'Patient/' || pid),
                'author', jsonb_build_array(jsonb_build_object('reference', 'Practitioner/c0000000-0000-4000-8000-000000000001')),
                'date', to_char(d AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                'description', 'Document ' || k || ' du patient ' || g,
                'content', jsonb_build_array(jsonb_build_object('attachment', jsonb_build_object(
                   'contentType', 'application/pdf', 'url', 'Binary/' || did, 'title', 'document-' || k || '.pdf')))),
              pid, 'current', cat, '11502-2', d, 'Practitioner/c0000000-0000-4000-8000-000000000001',
              CASE WHEN k % 10 = 0 THEN ARRAY['R'] ELSE ARRAY[]::text[] END,
              'Document ' || k || ' du patient ' || g
         FROM (SELECT g, k, ('b0000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid AS pid,
                      ('d' || lpad(to_hex(g), 7, '0') || '-0000-4000-8000-' || lpad(to_hex(k), 12, '0'))::uuid AS did,
                      (ARRAY[${CATEGORIES.map((c) => `'${c}'`).join(",")}])[1 + k % ${CATEGORIES.length}] AS cat,
                      timestamptz '2026-11-01T08:00:00Z' - (k * interval '17 days') - (g % 97) * interval '1 hour' AS d
                 FROM generate_series($1::int, $2::int) AS g, generate_series(1, $3::int) AS k) AS docs`,
      [start, end, docsPerPatient],
    );
  }
  // A store in its steady state, not one with 450,000 rows just written: without this, autovacuum
  // starts on them in the middle of the measurements.
  await pool.query("VACUUM (ANALYZE) fhir_resource");
}

export const documentId = (patient: number, k: number) =>
  `d${patient.toString(16).padStart(7, "0")}-0000-4000-8000-${k.toString(16).padStart(12, "0")}`;
