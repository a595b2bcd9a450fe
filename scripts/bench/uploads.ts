import pg from "pg";
import { MAX_UPLOAD_BYTES } from "../../src/server/documents/upload-policy";
import { pdfOfSize } from "../../tests/integration/documents/hostile-files";
import { SERVER_NODE_FLAGS, startApp, stop } from "./app-server";
import { benchAppEnv, freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { peakResidentMb, residentMb } from "./page-measure";
import { signedInCookie } from "./session-cookie";
import { median } from "./stats";

/**
 * `npm run bench -- uploads`: what 20 MB uploads cost the server's memory (issue 16: ≤ 400 MB
 * for one process). Through the running production server, as the upload form posts: one
 * upload, then UPLOADS_AT_ONCE at the same time. For each heap setting, the resident memory
 * after start, its peak (VmHWM) after each step, whether every upload was stored, and how long
 * they took. The server runs on the machine's PostgreSQL (the deployment that grows past one
 * machine); the Playwright upload test covers PGlite in-process.
 */
const APP_PORT = 3194;
const UPLOADS_AT_ONCE = Number(process.env.BENCH_UPLOADS_AT_ONCE ?? 4);

/** The flags compared: the start script's (a capped heap), and the uncapped ones used before 2026-12-01. */
export const HEAP_SETTINGS: { label: string; flags: string[] }[] = [
  { label: "start script", flags: SERVER_NODE_FLAGS },
  { label: "uncapped", flags: ["--max-semi-space-size=64"] },
];

export type UploadStep = { uploads: number; statuses: number[]; medianMs: number; peakRssMb: number; rssAfterMb: number };
export type UploadsResult = { setting: string; flags: string[]; rssAfterStartMb: number; steps: UploadStep[]; exited?: string }[];

export async function benchUploads(serverUrl: string): Promise<UploadsResult> {
  const db = await freshDatabase(serverUrl, `bench_uploads_${process.pid}`);
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const secretsEnv = benchAppEnv(db.url, appUrl);
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  const results: UploadsResult = [];
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 2 }));
    await database();
    await loadPatients(pool, 1, 1, 0);
    const cookie = await signedInCookie(patientId(1));
    // At the limit, built as the Playwright upload test builds it.
    const pdf = await pdfOfSize(MAX_UPLOAD_BYTES, "Compte rendu numérisé");
    for (const setting of HEAP_SETTINGS) {
      const app = await startApp(APP_PORT, secretsEnv, setting.flags);
      let exited: string | undefined;
      app.once("exit", (code, signal) => (exited = `exited (code ${code}, signal ${signal})`));
      const row: UploadsResult[number] = { setting: setting.label, flags: setting.flags, rssAfterStartMb: residentMb(app.pid), steps: [] };
      try {
        for (const uploads of [1, UPLOADS_AT_ONCE]) {
          const done = await Promise.all(Array.from({ length: uploads }, (_, k) => upload(appUrl, cookie, pdf, `${setting.label} ${uploads}.${k}`)));
          row.steps.push({
            uploads,
            statuses: done.map((d) => d.status),
            medianMs: median(done.map((d) => d.ms)),
            peakRssMb: peakResidentMb(app.pid),
            rssAfterMb: residentMb(app.pid),
          });
          if (exited) break;
        }
      } finally {
        row.exited = exited;
        results.push(row);
        await stop(app);
      }
    }
    return results;
  } finally {
    await pool.end();
    await db.drop();
  }
}

async function upload(appUrl: string, cookie: string, pdf: Buffer, title: string): Promise<{ status: number; ms: number }> {
  const form = new FormData();
  form.set("fichier", new Blob([new Uint8Array(pdf)], { type: "application/pdf" }), "compte-rendu.pdf");
  form.set("titre", title);
  form.set("type", "personal");
  form.set("date", "2026-11-02");
  const started = performance.now();
  try {
    const response = await fetch(`${appUrl}/api/documents`, { method: "POST", body: form, headers: { cookie, accept: "application/json", origin: appUrl } });
    await response.arrayBuffer();
    return { status: response.status, ms: performance.now() - started };
  } catch {
    // The server died mid-upload (out of memory): no answer at all.
    return { status: 0, ms: performance.now() - started };
  }
}

export function reportUploads(results: UploadsResult) {
  console.log(`\nuploads of ${(MAX_UPLOAD_BYTES / 1024 / 1024).toFixed(0)} MB through the running server (memory target for one process: ≤ 400 MB)`);
  console.log(`${"heap setting".padEnd(14)} ${"at once".padStart(7)} ${"stored".padStart(7)} ${"median ms".padStart(10)} ${"peak RSS MB".padStart(12)} ${"RSS after".padStart(10)}`);
  for (const row of results) {
    console.log(`${row.setting.padEnd(14)} ${"start".padStart(7)} ${"".padStart(7)} ${"".padStart(10)} ${"".padStart(12)} ${row.rssAfterStartMb.toFixed(0).padStart(10)}   (${row.flags.join(" ")})`);
    for (const step of row.steps) {
      const stored = step.statuses.filter((s) => s === 201).length;
      console.log(
        `${"".padEnd(14)} ${String(step.uploads).padStart(7)} ${`${stored}/${step.uploads}`.padStart(7)} ${step.medianMs.toFixed(0).padStart(10)} ${step.peakRssMb.toFixed(0).padStart(12)} ${step.rssAfterMb.toFixed(0).padStart(10)}${step.statuses.some((s) => s !== 201) ? `   statuses ${step.statuses.join(",")}` : ""}`,
      );
    }
    if (row.exited) console.log(`${"".padEnd(14)} the server ${row.exited}`);
  }
}
