-- Every delegation gets a start (found by the rules review). The rules end at the patient's 18th
-- birthday a delegation begun before it (src/server/access/rules.ts): one chosen in a child's space
-- by the parental authority is not the adult's choice. Older RelatedPersons carry no period.start,
-- and those went on past the birthday. The rules now read a missing start as begun during the
-- minority, which would also end an adult's own older delegations; so each gets here the one start
-- that is knowable, the time of its first version in the history: the day it began to be in force
-- at the earliest, as nothing before its first write could give access. (Who wrote it adds nothing:
-- before the 18th birthday only a guardian or the system writes in a child's space.) A start written
-- by the resource itself is kept. Each change is a new version in the history, as the repository
-- writes them. Running it again changes nothing.
WITH undated AS (
  SELECT r.id, r.version_id + 1 AS version_id, r.content, r.patient_id,
         coalesce((SELECT min(h.last_updated) FROM fhir_resource_history h WHERE h.id = r.id), r.last_updated) AS began
  FROM fhir_resource r
  WHERE r.resource_type = 'RelatedPerson' AND NOT r.deleted AND coalesce(r.content -> 'period' ->> 'start', '') = ''
), dated AS (
  UPDATE fhir_resource r
  SET version_id = u.version_id,
      last_updated = now(),
      content = jsonb_set(
        jsonb_set(u.content, '{period}', coalesce(u.content -> 'period', '{}'::jsonb)
          || jsonb_build_object('start', to_char(u.began AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
        '{meta}', coalesce(u.content -> 'meta', '{}'::jsonb) || jsonb_build_object(
          'versionId', u.version_id::text,
          'lastUpdated', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))
  FROM undated u
  WHERE r.id = u.id
  RETURNING r.id, r.version_id, r.last_updated, r.content, r.patient_id
)
INSERT INTO fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id)
SELECT id, version_id, 'RelatedPerson', last_updated, FALSE, content, patient_id FROM dated;
