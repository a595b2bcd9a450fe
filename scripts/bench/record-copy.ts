import http from "node:http";
import pg from "pg";
import { aDocument } from "../../src/lib/fhir/builders/documents";
import { pdfOfSize } from "../../tests/integration/documents/hostile-files";
import { startApp, stop } from "./app-server";
import { benchAppEnv, freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { cpuMs, peakResidentMb, residentMb } from "./page-measure";
import { signedInCookie } from "./session-cookie";
import { median } from "./stats";

/**
 * `npm run bench -- copie`: « Télécharger une copie de mon dossier » (/espace/copie) through the
 * running production server, as its form posts it, for a patient with BENCH_COPY_DOCUMENTS
 * documents (2,000) of BENCH_COPY_FILE_KB each (30 kB, a scanned letter's size). Measured for each
 * copy: the time to its first byte and to its last, the archive's size, the server's CPU, and its
 * peak resident memory (the copy streams: one page of resources or one file in memory at a time;
 * the target for one process is ≤ 400 MB, issue 16). Checked: the archive holds every file.
 *
 * The baseline, in the same run and taking turns with the copies: the same files downloaded one
 * at a time through the document's own file route (/api/documents/<id>/file), what the person
 * would do without the copy, each read decided and audited as the copy's are. Three copies after
 * a first one: the portal allows four an hour per account (record-copy-limit.ts).
 */
const APP_PORT = 3195;
const DOCUMENTS = Number(process.env.BENCH_COPY_DOCUMENTS ?? 2000);
const FILE_KB = Number(process.env.BENCH_COPY_FILE_KB ?? 30);
const ROUNDS = 3;

export type CopyRound = { copyMs: number; firstByteMs: number; bytes: number; entries: number; copyCpuMs: number; filesMs: number; filesCpuMs: number; filesBytes: number; peakRssMb: number };
export type RecordCopyResult = { documents: number; fileKb: number; rssAfterStartMb: number; rounds: CopyRound[]; auditRowsPerCopy: number };

export async function benchRecordCopy(serverUrl: string): Promise<RecordCopyResult> {
  const db = await freshDatabase(serverUrl, `bench_copy_${process.pid}`);
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const secretsEnv = benchAppEnv(db.url, appUrl);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 4 }));
    await database();
    await loadPatients(pool, 1, 1, 0);
    const owner = patientId(1);
    const documentIds = await writeDocuments(owner);
    const cookie = await signedInCookie(owner);
    const app = await startApp(APP_PORT, secretsEnv);
    try {
      const result: RecordCopyResult = { documents: DOCUMENTS, fileKb: FILE_KB, rssAfterStartMb: residentMb(app.pid), rounds: [], auditRowsPerCopy: 0 };
      // One of each first, not counted: the first copy of a fresh server took three times the
      // next ones (its code compiled as it ran). The fourth copy of the hour, the last allowed.
      await downloadCopy(appUrl, cookie);
      await downloadEachFile(appUrl, cookie, documentIds.slice(0, 200));
      for (let round = 0; round < ROUNDS; round++) {
        const trailBefore = await trailRows(pool, owner);
        let cpu = cpuMs(app.pid);
        const copy = await downloadCopy(appUrl, cookie);
        const copyCpuMs = cpuMs(app.pid) - cpu;
        result.auditRowsPerCopy = (await trailRows(pool, owner)) - trailBefore;
        cpu = cpuMs(app.pid);
        const files = await downloadEachFile(appUrl, cookie, documentIds);
        const filesCpuMs = cpuMs(app.pid) - cpu;
        result.rounds.push({ ...copy, copyCpuMs, filesMs: files.ms, filesCpuMs, filesBytes: files.bytes, peakRssMb: peakResidentMb(app.pid) });
      }
      return result;
    } finally {
      await stop(app);
    }
  } finally {
    await pool.end();
    await db.drop();
  }
}

/** The documents and their files, written as an upload writes them (the repository encrypts each file). */
async function writeDocuments(owner: string): Promise<string[]> {
  const { systemRepository } = await import("../../src/server/fhir/repository");
  const system = await systemRepository("bench-record-copy");
  const pdf = await pdfOfSize(FILE_KB * 1024, "Compte rendu de consultation");
  const ids: string[] = [];
  const started = Date.now();
  for (let i = 0; i < DOCUMENTS; i++) {
    const date = new Date(Date.UTC(2026, 10, 1) - i * 86_400_000).toISOString();
    const document = await system.createDocument(aDocument({ patientId: owner, title: `Compte rendu ${i + 1}`, date, author: `Patient/${owner}` }), { bytes: pdf, contentType: "application/pdf" });
    ids.push(document.id!);
  }
  console.log(`copy bench: ${DOCUMENTS} documents of ${FILE_KB} kB written through the repository in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return ids;
}

async function trailRows(pool: pg.Pool, owner: string): Promise<number> {
  const [row] = (await pool.query<{ n: string }>("SELECT count(*) AS n FROM audit_event WHERE patient_id = $1::uuid", [owner])).rows;
  return Number(row?.n ?? 0);
}

/** POST /api/dossier/copie as the copy page's form sends it; the ZIP read to its end, its entries counted. */
function downloadCopy(appUrl: string, cookie: string): Promise<{ copyMs: number; firstByteMs: number; bytes: number; entries: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.request(`${appUrl}/api/dossier/copie`, { method: "POST", headers: { cookie, origin: appUrl, "content-type": "application/x-www-form-urlencoded", "content-length": 0 } }, (response) => {
      const firstByteMs = performance.now() - started;
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`the copy answered ${response.statusCode} ${response.headers.location ?? ""}`));
        return;
      }
      let bytes = 0;
      // The last 22 bytes: the ZIP's end of central directory, which counts its entries.
      let tail = Buffer.alloc(0);
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        tail = Buffer.concat([tail, chunk]).subarray(-22);
      });
      response.on("end", () => {
        const entries = tail.readUInt32LE(0) === 0x06054b50 ? tail.readUInt16LE(10) : -1;
        resolve({ copyMs: performance.now() - started, firstByteMs, bytes, entries });
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/** Each file through its document's route, one after the other on one kept-alive connection. */
async function downloadEachFile(appUrl: string, cookie: string, ids: readonly string[]): Promise<{ ms: number; bytes: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const started = performance.now();
  let bytes = 0;
  try {
    for (const id of ids) {
      bytes += await new Promise<number>((resolve, reject) => {
        http
          .get(`${appUrl}/api/documents/${id}/file`, { agent, headers: { cookie } }, (response) => {
            if (response.statusCode !== 200) reject(new Error(`a file answered ${response.statusCode}`));
            let n = 0;
            response.on("data", (chunk: Buffer) => (n += chunk.length));
            response.on("end", () => resolve(n));
            response.on("error", reject);
          })
          .on("error", reject);
      });
    }
  } finally {
    agent.destroy();
  }
  return { ms: performance.now() - started, bytes };
}

export function reportRecordCopy(result: RecordCopyResult) {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  console.log(`\nrecord copy (« Télécharger une copie de mon dossier »): ${result.documents} documents of ${result.fileKb} kB, through the running server`);
  console.log(`${"round".padEnd(6)} ${"first byte ms".padStart(13)} ${"copy s".padStart(7)} ${"MB".padStart(6)} ${"MB/s".padStart(6)} ${"entries".padStart(8)} ${"CPU s".padStart(6)} │ ${"files one by one s".padStart(18)} ${"CPU s".padStart(6)} ${"copy ÷ files".padStart(12)} │ ${"peak RSS MB".padStart(11)}`);
  result.rounds.forEach((r, i) => {
    console.log(
      `${String(i + 1).padEnd(6)} ${r.firstByteMs.toFixed(0).padStart(13)} ${(r.copyMs / 1000).toFixed(2).padStart(7)} ${mb(r.bytes).toFixed(1).padStart(6)} ${(mb(r.bytes) / (r.copyMs / 1000)).toFixed(1).padStart(6)} ${String(r.entries).padStart(8)} ${(r.copyCpuMs / 1000).toFixed(2).padStart(6)} │ ${(r.filesMs / 1000).toFixed(2).padStart(18)} ${(r.filesCpuMs / 1000).toFixed(2).padStart(6)} ${(r.copyMs / r.filesMs).toFixed(2).padStart(12)} │ ${r.peakRssMb.toFixed(0).padStart(11)}`,
    );
  });
  const complete = result.rounds.every((r) => r.entries === result.documents + 2);
  const copyMs = median(result.rounds.map((r) => r.copyMs));
  const filesMs = median(result.rounds.map((r) => r.filesMs));
  const peak = Math.max(...result.rounds.map((r) => r.peakRssMb));
  console.log(`medians: copy ${(copyMs / 1000).toFixed(2)} s, the same files one by one ${(filesMs / 1000).toFixed(2)} s (copy ÷ files ${(copyMs / filesMs).toFixed(2)})`);
  console.log(`every archive held its ${result.documents} files, LISEZMOI.txt and dossier.json: ${complete ? "yes" : "NO"}; ${result.auditRowsPerCopy} rows in the patient's trail per copy`);
  console.log(`server memory: ${result.rssAfterStartMb.toFixed(0)} MB after start, peak ${peak.toFixed(0)} MB over the copies and downloads, the largest process (target ≤ 400 MB per process: ${peak <= 400 ? "met" : "NOT met"})`);
}
