/**
 * The process that crash-mid-write.test.ts kills with SIGKILL: it writes resources through the
 * Repository as a patient, as fast as it can, and prints one line per write only once the write
 * has committed ("ack <type> <id>"). With PGlite the database lives in this process, so the kill
 * stops the database itself in the middle of a write; on a server it drops the connections of
 * transactions in flight.
 *
 * Run with `node --import tsx --conditions react-server` (one process). Environment: WRITE_LOOP_PGLITE_DIR (and
 * WRITE_LOOP_TEMPLATE, a migrated dump to start from) or WRITE_LOOP_DATABASE_URL.
 */
import { readFile } from "node:fs/promises";
import { openDatabase, setDatabase, type Database } from "@/server/db/client";
import { createRepository, systemRepository } from "@/server/fhir/repository";
import { validateForWrite } from "@/server/fhir/validate";
import { newId } from "@/lib/fhir/builders/ids";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { aCondition } from "@/lib/fhir/builders/record";

const WRITERS = 3;

async function open(): Promise<Database> {
  const url = process.env.WRITE_LOOP_DATABASE_URL;
  if (url) return openDatabase({ kind: "server", url }, { poolSize: WRITERS + 1 });
  const dataDir = process.env.WRITE_LOOP_PGLITE_DIR;
  if (!dataDir) throw new Error("WRITE_LOOP_PGLITE_DIR or WRITE_LOOP_DATABASE_URL is required");
  const template = process.env.WRITE_LOOP_TEMPLATE;
  const loadDataDir = template ? new Blob([await readFile(template)]) : undefined;
  return openDatabase({ kind: "pglite", dataDir }, loadDataDir ? { loadDataDir } : {});
}

function say(line: string) {
  process.stdout.write(`${line}\n`);
}

async function main() {
  setDatabase(open());
  // Build the FHIR validator's index now: inside the first write's transaction, on a loaded
  // machine, it can outlast the transaction's timeout.
  validateForWrite(aPatient());
  const system = await systemRepository("crash-mid-write");
  const patientId = (await system.create(aPatient({ given: "Élise", family: `Panne${newId().slice(0, 6)}` }))).id!;
  say(`patient ${patientId}`);
  const repo = await createRepository({ kind: "patient", accountId: newId(), patientId }, { agentName: "Élise Panne" });
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  // Several writers at once, so that more than one transaction is open when the kill lands.
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let i = 0; ; i++) {
        if ((i + writer) % 3 === 0) {
          const document = await repo.createDocument(
            aDocument({ patientId, author: `Patient/${patientId}`, kind: "personal", title: `Note ${writer}-${i}` }),
            { bytes: pdf, contentType: "application/pdf" },
          );
          say(`ack DocumentReference ${document.id} ${document.content?.[0]?.attachment?.url ?? ""}`);
        } else {
          const condition = await repo.create(aCondition({ patientId, onset: new Date().toISOString() }));
          say(`ack Condition ${condition.id}`);
        }
      }
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
