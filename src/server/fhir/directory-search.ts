import "@/server/server-only";
import type { Organization, Practitioner, PractitionerRole } from "@medplum/fhirtypes";
import { SYSTEMS } from "@/lib/fhir/systems";
import type { Queryable } from "../db/queryable";
import { formatHumanName } from "@/lib/fhir/human-name";
import { grammaticalSex, type GrammaticalSex } from "@/lib/fhir/grammatical-sex";

/**
 * The professionals' directory as a patient searches it ("Dr Bernard", "cardiologue Lyon",
 * an RPPS number): each word must appear, accents and case aside, in the professional's name,
 * RPPS number, specialty or the town of their practice. Directory entries are public to every
 * signed-in person and are not patient data, so a search leaves no trace in anyone's record.
 *
 * Words are folded the same way on both sides (lower case, accents removed: PostgreSQL's
 * translate() rather than the unaccent extension, which PGlite does not ship).
 */
/** `sex`: the Practitioner's gender as French agrees with it (« elle n'a pas accès »), when it is recorded. */
export type ProfessionalCard = { id: string; name: string; specialty?: string; town?: string; rpps?: string; sex?: GrammaticalSex };

const ACCENTED = "àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa";

/** The same folding as the SQL's, for the words typed. */
export function foldWords(query: string): string[] {
  return query
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0)
    .slice(0, 6);
}

type Row = { id: string; practitioner: Practitioner; role: PractitionerRole | null; organization: Organization | null };

export async function findProfessionals(
  db: Queryable,
  filter: { words?: string[]; ids?: string[]; limit: number },
): Promise<{ cards: ProfessionalCard[]; more: boolean }> {
  const params: unknown[] = [];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ["p.resource_type = 'Practitioner'", "NOT p.deleted"];
  if (filter.ids) where.push(`p.id = ANY(${add(filter.ids)}::uuid[])`);
  const haystack = `translate(lower(concat_ws(' ', p.content->'name', p.content->'identifier', r.content->'specialty', o.content->'address')::text), '${ACCENTED}', '${PLAIN}')`;
  // Each word is bound as a parameter; LIKE's own wildcards in it are escaped.
  for (const word of filter.words ?? []) where.push(`${haystack} LIKE ${add(`%${word.replace(/[\\%_]/g, "\\$&")}%`)}`);
  const rows = await db.query<Row>(
    `SELECT p.id::text AS id, p.content AS practitioner, r.content AS role, o.content AS organization
       FROM fhir_resource p
       LEFT JOIN LATERAL (
         SELECT content FROM fhir_resource
          WHERE actor_ref = 'Practitioner/' || p.id::text AND resource_type = 'PractitionerRole' AND NOT deleted
          ORDER BY last_updated DESC LIMIT 1
       ) r ON true
       LEFT JOIN fhir_resource o
         ON o.resource_type = 'Organization' AND NOT o.deleted AND 'Organization/' || o.id::text = r.content->'organization'->>'reference'
      WHERE ${where.join(" AND ")}
      ORDER BY lower(p.content->'name'->0->>'family'), p.id
      LIMIT ${add(filter.limit + 1)}`,
    params,
  );
  return { cards: rows.slice(0, filter.limit).map(cardOf), more: rows.length > filter.limit };
}

function cardOf(row: Row): ProfessionalCard {
  const specialty = row.role?.specialty?.[0];
  return {
    id: row.id,
    name: formatHumanName(row.practitioner.name) ?? "Professionnel de santé",
    specialty: specialty?.text ?? specialty?.coding?.[0]?.display,
    town: row.organization?.address?.[0]?.city,
    rpps: row.practitioner.identifier?.find((identifier) => identifier.system === SYSTEMS.rpps)?.value,
    sex: grammaticalSex(row.practitioner.gender),
  };
}
