import { createHash } from "node:crypto";
import { once } from "node:events";
import type { Writable } from "node:stream";
import type { DocumentReference, Patient, Resource } from "@medplum/fhirtypes";
import type pg from "pg";
// pg-copy-streams (a dev dependency, from the npm registry): COPY … FROM STDIN as a Node stream,
// so millions of rows go to PostgreSQL in its bulk format without one INSERT per batch.
import { from as copyFrom } from "pg-copy-streams";
import { SYSTEMS } from "../../src/lib/fhir/systems";
import { extractColumns } from "../../src/server/fhir/columns";
import { documentId, patientId } from "./load-synthetic";

/**
 * Synthetic patients for the scale bench (issue 16), written with PostgreSQL's COPY: each patient,
 * its documents, every version in fhir_resource_history, and the audit rows the repository
 * writes when they are created, chained as the audit trigger chains them (hash = sha256 of the
 * previous hash and audit_event_canonical(row)), with the chain heads. The trigger is bypassed
 * for the load only (session_replication_role = replica on this session, which needs the
 * superuser the bench connects as); `npm run audit:verify` then recomputes every hash in SQL, so
 * a row this file chains differently from the trigger would be reported.
 *
 * Secondary indexes are dropped before a step and built again after it (one sort instead of
 * millions of random index inserts), then the tables are analysed.
 */
const PRACTITIONER = "Practitioner/c0000000-0000-4000-8000-000000000001";
const CATEGORIES = ["lab", "imaging", "report", "prescription", "vaccination", "personal"];
const TABLES = ["fhir_resource", "fhir_resource_history", "audit_event"];
const CHUNK = 200; // patients per string handed to the COPY stream

/** One value in COPY's text format: \N for null, backslash, tab and newlines escaped. */
function cell(value: string | number | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
const line = (cells: (string | number | null)[]) => `${cells.map(cell).join("\t")}\n`;

/** As PostgreSQL prints jsonb_build_array(...)::text for strings and nulls: `["a", null]`. */
const jsonbArrayText = (items: (string | null)[]) => `[${items.map((v) => (v === null ? "null" : JSON.stringify(v))).join(", ")}]`;

type Version = { id: string; type: string; updated: string; content: string; patient: string; columns: (string | number | null)[] };
type Audit = { agent: string; agentName: string; kind: string; entity: string; recorded: string };

/** The row of a resource's first version, its indexed columns as the repository's writeVersion() extracts them. */
function version(resource: Resource, updated: string, searchText: string | null): Version {
  const c = extractColumns(resource);
  const security = `{${c.security.join(",")}}`;
  const columns = [c.status, c.category, c.code, c.date?.toISOString() ?? null, c.author, c.actorRef, security, null, searchText];
  return { id: resource.id!, type: resource.resourceType, updated, content: JSON.stringify(resource), patient: c.patientId!, columns };
}

function patientVersion(g: number, updated: string): Version {
  const birthDate = new Date(Date.UTC(1940, 0, 1) + (g % 25_000) * 86_400_000).toISOString().slice(0, 10);
  const patient: Patient = {
    resourceType: "Patient",
    id: patientId(g),
    meta: { versionId: "1", lastUpdated: updated },
    name: [{ family: `Patient${g}`, given: ["Synthétique"] }],
    gender: g % 2 === 0 ? "female" : "male",
    birthDate,
  };
  return version(patient, updated, null);
}

function documentVersion(g: number, k: number, updated: string): Version {
  const did = documentId(g, k);
  const date = new Date(Date.UTC(2026, 10, 1, 8) - k * 17 * 86_400_000 - (g % 97) * 3_600_000).toISOString().replace(".000Z", "Z");
  const description = `Document ${k} du patient ${g}`;
  const title = `document-${k}.pdf`;
  const document: DocumentReference = {
    resourceType: "DocumentReference",
    id: did,
    // One document in ten is restricted (R), as in the other bench parts.
    meta: { versionId: "1", lastUpdated: updated, ...(k % 10 === 0 ? { security: [{ system: SYSTEMS.confidentiality, code: "R" }] } : {}) },
    status: "current",
    type: { coding: [{ system: "http://loinc.org", code: "11502-2" }] },
    category: [{ coding: [{ system: SYSTEMS.documentCategory, code: CATEGORIES[k % CATEGORIES.length]! }] }],
    subject: { reference: `Patient/${patientId(g)}` },
    author: [{ reference: PRACTITIONER }],
    date,
    description,
    content: [{ attachment: { contentType: "application/pdf", url: `Binary/${did}`, title } }],
  };
  // writeVersion()'s search text: the document's title words (no PDF text here).
  return version(document, updated, `${description} ${title}`);
}

/** A patient's resources, oldest first: the Patient (created by the system), then its documents. */
function patientResources(g: number, docs: number): { versions: Version[]; audits: Audit[] } {
  const created = Date.UTC(2026, 0, 1) + g * 60_000;
  const at = (i: number) => new Date(created + i * 1000).toISOString();
  const versions = [patientVersion(g, at(0))];
  const audits: Audit[] = [{ agent: "System/bench-scale", agentName: "Chargement synthétique", kind: "system", entity: `Patient/${patientId(g)}`, recorded: at(0) }];
  for (let k = 1; k <= docs; k++) {
    versions.push(documentVersion(g, k, at(k)));
    audits.push({ agent: PRACTITIONER, agentName: "Dr Bench", kind: "practitioner", entity: `DocumentReference/${documentId(g, k)}`, recorded: at(k) });
  }
  return { versions, audits };
}

const auditId = (seq: number) => `a${seq.toString(16).padStart(7, "0").slice(-7)}-0000-4000-8000-${seq.toString(16).padStart(12, "0")}`;

/** The rows of one chunk of patients, as three COPY texts, and the chain heads it ends on. */
function chunkRows(from: number, to: number, docs: number, firstSeq: number) {
  let resources = "";
  let history = "";
  let audit = "";
  const heads: string[] = [];
  let seq = firstSeq;
  for (let g = from; g <= to; g++) {
    const { versions, audits } = patientResources(g, docs);
    for (const v of versions) {
      resources += line([v.id, v.type, 1, v.updated, "f", v.content, v.patient, ...v.columns]);
      history += line([v.id, 1, v.type, v.updated, "f", v.content, v.patient]);
    }
    let prev = "";
    audits.forEach((a, i) => {
      const id = auditId(seq);
      const chainSeq = i + 1;
      const pid = patientId(g);
      // audit_event_canonical(): id, recorded, agent, agent_name, on_behalf_of, actor_kind, patient_id,
      // entity, interaction, outcome, reason, address, user_agent, detail, chain_seq.
      const canonical = jsonbArrayText([id, a.recorded, a.agent, a.agentName, null, a.kind, pid, a.entity, "create", "success", null, "127.0.0.1", "bench", null, String(chainSeq)]);
      const hash = createHash("sha256").update(prev + canonical, "utf8").digest("hex");
      audit += line([seq, id, a.recorded, a.agent, a.agentName, null, a.kind, pid, a.entity, "create", "success", null, "127.0.0.1", "bench", null, chainSeq, prev, hash]);
      prev = hash;
      seq++;
    });
    // Every loaded row is a system's or a professional's success: all in the "others" group of the
    // history page's counts, which the trigger would have kept (20261205010000_history_group_counts).
    heads.push(line([patientId(g), audits.length, prev, audits.length]));
  }
  return { resources, history, audit, heads: heads.join(""), nextSeq: seq };
}

const COPIES = [
  "COPY fhir_resource (id, resource_type, version_id, last_updated, deleted, content, patient_id, status, category, code, date, author, actor_ref, security, group_id, search_text) FROM STDIN",
  "COPY fhir_resource_history (id, version_id, resource_type, last_updated, deleted, content, patient_id) FROM STDIN",
  "COPY audit_event (seq, id, recorded, agent, agent_name, on_behalf_of, actor_kind, patient_id, entity, interaction, outcome, reason, address, user_agent, detail, chain_seq, prev_hash, hash) FROM STDIN",
  "COPY audit_chain_head (chain_key, seq, hash, others_count) FROM STDIN",
];

/** Writes one chunk to a COPY stream, waiting when PostgreSQL has not taken the previous one yet. */
async function write(stream: Writable, text: string) {
  if (!stream.write(text)) await once(stream, "drain");
}

/**
 * Loads patients `from`..`to`, each with `docs` documents, their history and audit rows. The rows
 * are generated once and go to the four tables through four COPY streams on four connections at
 * once (one chunk of patients at a time), so PostgreSQL parses them while the next chunk is made.
 */
export async function copyPatients(pool: pg.Pool, from: number, to: number, docs: number): Promise<void> {
  const clients = await Promise.all(COPIES.map(() => pool.connect()));
  try {
    const indexes = await dropSecondaryIndexes(clients[0]!);
    // The loaded rows' seq values are taken from the sequence at once, before the COPY: the running
    // app (its jobs, its audit batches) keeps taking seq values meanwhile, and must not take these
    // (only a nextval() in the instant between the two calls of this statement could).
    const total = (to - from + 1) * (docs + 1);
    const [{ next }] = (
      await clients[0]!.query<{ next: string }>("SELECT setval('audit_event_seq_seq', nextval('audit_event_seq_seq') + $1::bigint - 1) - $1::bigint + 1 AS next", [total])
    ).rows as [{ next: string }];
    const streams = await Promise.all(
      clients.map(async (client, i) => {
        await client.query("SET session_replication_role = replica");
        const stream = client.query(copyFrom(COPIES[i]!));
        const done = new Promise<void>((resolve, reject) => {
          stream.on("finish", resolve);
          stream.on("error", reject);
        });
        done.catch(() => undefined); // awaited below; a failure is rethrown there
        return { stream, done };
      }),
    );
    let seq = Number(next);
    for (let start = from; start <= to; start += CHUNK) {
      const rows = chunkRows(start, Math.min(to, start + CHUNK - 1), docs, seq);
      seq = rows.nextSeq;
      const texts = [rows.resources, rows.history, rows.audit, rows.heads];
      await Promise.all(streams.map(({ stream }, i) => write(stream, texts[i]!)));
    }
    for (const { stream } of streams) stream.end();
    await Promise.all(streams.map(({ done }) => done));
    const client = clients[0]!;
    await Promise.all(clients.map((c) => c.query("SET session_replication_role = DEFAULT")));
    // One index build per connection at a time: the machine's cores, not one.
    const queue = [...indexes];
    await Promise.all(clients.slice(0, 2).map(async (c) => {
      for (let definition = queue.shift(); definition; definition = queue.shift()) await c.query(definition);
    }));
    await client.query(`VACUUM (ANALYZE) ${TABLES.join(", ")}, audit_chain_head`);
  } finally {
    for (const client of clients) client.release();
  }
}

/** Drops the tables' indexes that back no constraint (primary keys stay), and returns their definitions to build them again. */
async function dropSecondaryIndexes(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
      WHERE i.schemaname = 'public' AND i.tablename = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [TABLES],
  );
  for (const row of rows) await client.query(`DROP INDEX "${row.name}"`);
  return rows.map((row) => row.definition);
}
