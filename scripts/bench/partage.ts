/**
 * `npm run bench -- partage` (issue 12): the sharing page of a patient who has authorised 200
 * professionals and blocked 50 others, and the "Voir comme…" preview of her record of 5,000
 * documents, as a professional authorised at the restricted level and as an emergency doctor.
 * Sequential requests on the production build and the machine's PostgreSQL: TTFB p50/p95 and the
 * app's CPU per request. The documents page of the same record is measured in the same run as the
 * baseline (machines here are noisy: compare the ratios). Targets: p95 150 ms for the page,
 * 300 ms for a preview; reported, never asserted.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { startApp, stop } from "./app-server";
import { benchAppEnv, freshDatabase } from "./database";
import { loadPatients, patientId } from "./load-synthetic";
import { keepAlive, measure, readLoadAverage, timedGet, type Timing } from "./page-measure";
import { signedInAs } from "./session-cookie";

const APP_PORT = 3194;
const REQUESTS = Number(process.env.BENCH_PAGE_REQUESTS ?? 100);
const AUTHORISED = 200;
const BLOCKED = 50;
const DOCUMENTS = 5_000;

export type PartageResult = { rows: { key: string; target?: number; timing: Timing }[]; loadAverage: string };

export async function benchPartage(serverUrl: string): Promise<PartageResult> {
  const db = await freshDatabase(serverUrl, `bench_partage_${process.pid}`);
  const appUrl = `http://127.0.0.1:${APP_PORT}`;
  const secretsEnv = benchAppEnv(db.url, appUrl);
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  try {
    const { database, openDatabase, setDatabase } = await import("../../src/server/db/client");
    setDatabase(openDatabase({ kind: "server", url: db.url }, { poolSize: 4 }));
    await database();
    const { systemRepository } = await import("../../src/server/fhir/repository");
    const { aPractitioner } = await import("../../src/lib/fhir/builders/people");
    const { aBlock, anAuthorisation } = await import("../../src/lib/fhir/builders/rules");
    const system = await systemRepository("bench-partage");
    const t = Date.now();
    const self = patientId(1);
    await loadPatients(pool, 1, 1, DOCUMENTS);
    const until = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    const practitioners: string[] = [];
    // Ten at a time: the rules go through the repository (their exact stored shape and audit rows).
    for (let start = 0; start < AUTHORISED + BLOCKED; start += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, AUTHORISED + BLOCKED - start) }, async (_, k) => {
          const n = start + k;
          const practitionerId = (await system.create(aPractitioner({ id: randomUUID(), family: `Banc${n}`, given: "Dr" }))).id!;
          practitioners[n] = practitionerId;
          if (n < AUTHORISED) await system.create(anAuthorisation({ patientId: self, practitionerId, restricted: n % 4 === 0, until: n % 2 === 0 ? until : undefined }));
          else await system.create(aBlock({ patientId: self, practitionerId }));
        }),
      );
    }
    await pool.query("VACUUM (ANALYZE)");
    const cookie = await signedInAs({ kind: "patient", patientId: self });
    console.log(`partage: a patient with ${DOCUMENTS} documents, ${AUTHORISED} authorisations and ${BLOCKED} blocks loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const app = await startApp(APP_PORT, secretsEnv);
    try {
      const pages = [
        { key: "documents page (baseline)", path: "/espace/documents" },
        { key: "sharing page", path: "/espace/partage", target: 150, expect: "Page 1 sur 10" },
        { key: "sharing page, list page 10", path: "/espace/partage?autorises=10", target: 150, expect: "Page 10 sur 10" },
        { key: "preview as a professional (R)", path: `/espace/partage/apercu?vue=pro:${practitioners[0]}`, target: 300 },
        { key: "preview as emergency", path: "/espace/partage/apercu?vue=urgence", target: 300 },
      ];
      const rows: PartageResult["rows"] = [];
      for (const page of pages) {
        const url = `${appUrl}${page.path}`;
        const first = await timedGet(url, cookie);
        if (first.status !== 200) throw new Error(`${page.path} answered ${first.status}: ${first.body.slice(0, 500)}`);
        if (page.expect && !first.body.includes(page.expect)) throw new Error(`${page.path} does not show "${page.expect}"`);
        rows.push({ key: page.key, target: page.target, timing: await measure(page.key, url, cookie, 1, REQUESTS, app) });
      }
      return { rows, loadAverage: readLoadAverage() };
    } finally {
      await stop(app);
    }
  } finally {
    keepAlive.destroy();
    await pool.end();
    await db.drop();
  }
}

export function reportPartage(result: PartageResult) {
  const baseline = result.rows[0]!.timing;
  console.log(`\nsharing page and preview (${REQUESTS} sequential requests each; load average at the end ${result.loadAverage})`);
  console.log(`${"page".padEnd(32)} ${"CPU ms".padStart(7)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p95 ÷ documents".padStart(16)}  target`);
  for (const row of result.rows) {
    const t = row.timing;
    const verdict = row.target === undefined ? "" : `p95 < ${row.target} ms: ${t.ttfbP95 < row.target ? "met" : "NOT met"}`;
    console.log(
      `${row.key.padEnd(32)} ${t.appCpuMsPerRequest.toFixed(1).padStart(7)} ${t.ttfbMedian.toFixed(1).padStart(7)} ${t.ttfbP95.toFixed(1).padStart(7)} ${(t.ttfbP95 / baseline.ttfbP95).toFixed(2).padStart(16)}  ${verdict}`,
    );
  }
}
