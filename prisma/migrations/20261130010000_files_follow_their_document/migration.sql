-- Files follow their document (issue 10, SECURITY-CASES 39 and 43). From this release the
-- repository keeps a document's Binary rows in line with it: the same labels (meta.security and
-- the security column the access filters read), deleted with it and their bytes erased. Rows
-- written before are brought in line here, each change as a new version in the history, as the
-- repository writes them. Running it again changes nothing.

-- The files of deleted documents: each Binary becomes a tombstone (a last version)...
WITH gone AS (
  SELECT b.id, b.version_id + 1 AS version_id, b.content, b.patient_id
  FROM fhir_resource b
  JOIN fhir_resource d ON d.resource_type = 'DocumentReference' AND b.actor_ref = 'DocumentReference/' || d.id::text
  WHERE b.resource_type = 'Binary' AND NOT b.deleted AND d.deleted
), tombstones AS (
  UPDATE fhir_resource r
  SET deleted = TRUE,
      version_id = g.version_id,
      last_updated = now(),
      content = jsonb_set(g.content, '{meta}', coalesce(g.content -> 'meta', '{}'::jsonb) || jsonb_build_object(
        'versionId', g.version_id::text,
        'lastUpdated', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
  FROM gone g
  WHERE r.id = g.id
  RETURNING r.id, r.version_id, r.last_updated, r.content, r.patient_id
)
INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
SELECT id, version_id, 'Binary', last_updated, TRUE, content, patient_id FROM tombstones;

-- ...and the bytes of every deleted file are erased.
DELETE FROM binary_content c USING fhir_resource b WHERE c.id = b.id AND b.resource_type = 'Binary' AND b.deleted;

-- A deleted resource keeps no text indexed from its file.
UPDATE fhir_resource SET search_text = NULL WHERE deleted AND search_text IS NOT NULL;

-- The files of the other documents take their document's labels.
WITH relabel AS (
  SELECT b.id, b.version_id + 1 AS version_id, b.content, b.patient_id, d.security,
         coalesce(d.content -> 'meta' -> 'security', '[]'::jsonb) AS labels
  FROM fhir_resource b
  JOIN fhir_resource d ON d.resource_type = 'DocumentReference' AND b.actor_ref = 'DocumentReference/' || d.id::text
  WHERE b.resource_type = 'Binary' AND NOT b.deleted AND NOT d.deleted
    AND (coalesce(b.security, ARRAY[]::text[]) IS DISTINCT FROM coalesce(d.security, ARRAY[]::text[])
         OR coalesce(b.content -> 'meta' -> 'security', '[]'::jsonb) IS DISTINCT FROM coalesce(d.content -> 'meta' -> 'security', '[]'::jsonb))
), relabelled AS (
  UPDATE fhir_resource r
  SET security = coalesce(x.security, ARRAY[]::text[]),
      version_id = x.version_id,
      last_updated = now(),
      content = jsonb_set(x.content, '{meta}',
        (coalesce(x.content -> 'meta', '{}'::jsonb) - 'security')
        || jsonb_build_object('versionId', x.version_id::text, 'lastUpdated', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        || CASE WHEN jsonb_array_length(x.labels) > 0 THEN jsonb_build_object('security', x.labels) ELSE '{}'::jsonb END)
  FROM relabel x
  WHERE r.id = x.id
  RETURNING r.id, r.version_id, r.last_updated, r.content, r.patient_id
)
INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
SELECT id, version_id, 'Binary', last_updated, FALSE, content, patient_id FROM relabelled;
