import type { DocumentReference } from "@medplum/fhirtypes";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/documents/route";
import { createSession } from "@/server/db/session-store";
import { extractionWorkersRunning, extractPdfText } from "@/server/documents/extract-pdf-text";
import { isFhirPath, requestUrl, serveFhir } from "@/server/fhir-api/node-handler";
import { TEXT_EXTRACTION_TIMEOUT_MS } from "@/server/documents/upload-policy";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, FHIR_BASE_PATH, sessionCookie, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { pdfSlowToExtract } from "./hostile-files";
import { aPdf, buildWorld, type World } from "./world";

useTestDatabase();

/**
 * SECURITY-CASES 47: a PDF built so that reading its text takes minutes. The text is read in a
 * worker thread that is terminated at the limit, so the upload answers after about the limit
 * (accepted, found by its title only, and the page says so) and the server keeps answering
 * other people meanwhile: their requests, over a real HTTP server on the same process, take
 * about as long during the extraction as before it (a generous ratio against a baseline
 * measured here, not an absolute time).
 */
let world: World;
let cookie = "";
let server: http.Server;
let readUrl = "";

beforeAll(async () => {
  warmUpValidator();
  world = await buildWorld();
  const sessionId = await createSession({ accountId: world.actors.camille.accountId, securityStamp: 0, activeSpace: null, userAgent: "vitest", now: new Date() });
  cookie = await sessionCookie(sessionId);
  const document = await world.addDocument({ title: "Bilan de référence", kind: "lab", date: "2024-01-15T09:00:00Z" });
  server = http.createServer((req, res) => {
    const url = requestUrl(req, appUrl());
    if (isFhirPath(url.pathname)) void serveFhir(req, res, url, false);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  readUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FHIR_BASE_PATH}/DocumentReference/${document.id}`;
}, 120_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Milliseconds of each of `count` reads of one document by its patient, one after the other. */
async function readTimes(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(readUrl, { headers: { cookie, accept: "application/fhir+json" } });
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    times.push(performance.now() - started);
  }
  return times;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function uploadRequest(pdf: Buffer): Request {
  const form = new FormData();
  form.set("fichier", new File([new Uint8Array(pdf)], "compte-rendu.pdf", { type: "application/pdf" }));
  form.set("titre", "Compte rendu piégé");
  form.set("type", "personal");
  form.set("date", "2024-06-01");
  return new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie }, body: form });
}

async function waitUntil(condition: () => boolean, withinMs: number): Promise<boolean> {
  const until = Date.now() + withinMs;
  while (!condition() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
  return condition();
}

describe("reading a PDF's text in a worker thread", () => {
  it("reads an ordinary PDF's words", async () => {
    const text = await extractPdfText(await aPdf(["Échographie abdominale", "Foie de taille normale"]));
    expect(text).toEqual({ read: true, text: expect.stringContaining("Foie de taille normale") });
    expect(await waitUntil(() => extractionWorkersRunning() === 0, 5_000)).toBe(true);
  });

  it("stops a crafted PDF at the limit; the upload is accepted without its text while other requests keep their pace", async () => {
    const hostile = await pdfSlowToExtract();
    // Still running when the limit strikes: without it, this file keeps pdf.js busy for minutes.
    const short = await extractPdfText(hostile, 1_000);
    expect(short).toEqual({ read: false, reason: "timeout" });
    expect(await waitUntil(() => extractionWorkersRunning() === 0, 5_000)).toBe(true);

    await readTimes(5); // warm-up: the first requests pay for compiling the code paths
    const baseline = await readTimes(30);

    const request = uploadRequest(hostile);
    let answered = false;
    const started = performance.now();
    const upload = inRequestScope(request, () => POST(request)).finally(() => {
      answered = true;
    });
    expect(await waitUntil(() => extractionWorkersRunning() > 0, 5_000)).toBe(true);
    const during: number[] = [];
    while (!answered && during.length < 200) during.push(...(await readTimes(1)));
    const response = await upload;
    const uploadMs = performance.now() - started;

    expect(response.status).toBe(303);
    const location = response.headers.get("location") ?? "";
    expect(location).toMatch(/^\/espace\/documents\/[0-9a-f-]{36}\?message=ajoute-sans-texte$/);
    // The answer came at about the limit, not after minutes.
    expect(uploadMs).toBeLessThan(TEXT_EXTRACTION_TIMEOUT_MS * 3);
    expect(during.length).toBeGreaterThan(10);
    const ratio = median(during) / median(baseline);
    console.log(
      `extraction limit: upload answered in ${Math.round(uploadMs)} ms; reads median ${median(baseline).toFixed(1)} ms before, ${median(during).toFixed(1)} ms during (${during.length} reads, max ${Math.max(...during).toFixed(1)} ms)`,
    );
    // Read on this thread, even in pdf.js's slices, a read waits for the extraction's turns: tens
    // to hundreds of milliseconds against a baseline of a few, or not answered at all until the
    // limit (`during` then holds one read). A worker on these 2-core machines, with the other test
    // files' workers beside it, leaves reads slowed by contention alone: ratios up to 4 were seen
    // and once crossed; 10 leaves that room and still catches the extraction on this thread.
    expect(ratio).toBeLessThan(10);
    // The worker is gone once the limit has passed.
    expect(await waitUntil(() => extractionWorkersRunning() === 0, 5_000)).toBe(true);

    // Stored, and found by its title (its text was never read).
    const id = location.split("/")[3]!.split("?")[0]!;
    const repo = await world.repoFor(world.actors.camille);
    const stored = await repo.read<DocumentReference>("DocumentReference", id);
    expect(stored.description).toBe("Compte rendu piégé");
  }, 120_000);
});
