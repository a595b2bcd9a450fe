import { beforeAll, describe, expect, it, vi } from "vitest";
import * as documentsRoute from "@/pages/espace/documents";
import * as historyRoute from "@/pages/espace/historique";
import * as preventionRoute from "@/pages/espace/prevention";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

// Before any module reads the environment: a limit small enough to reach in a test.
const LIMIT = vi.hoisted(() => {
  process.env.READS_PER_MINUTE = "10";
  return 10;
});

useTestDatabase();

/**
 * A person past their reads of the minute is told so in words (/trop-de-demandes), whether the
 * limit was reached before the page or while it read: never an error page, never « introuvable ».
 */
let patientId = "";
beforeAll(async () => {
  const system = await systemRepository("read-limit-pages");
  patientId = (await system.create(aPatient({ given: "Rita", family: "Pages" }))).id!;
  await system.create(aDocument({ patientId, kind: "lab", title: "Bilan de Rita" }));
}, 60_000);

/** A new session of the patient, with `reads` of its reads of the minute spent on the FHIR API. */
async function patientHaving(reads: number): Promise<string> {
  const { cookie } = await signIn(`Patient/${patientId}`, { name: "Rita Pages" });
  for (let i = 0; i < reads; i++) expect((await fhir("GET", `DocumentReference?patient=${patientId}`, { cookie })).status).toBe(200);
  return cookie;
}

describe("the read limit on a page served by the Pages Router", () => {
  it("sends a person already past it to the page that says so", async () => {
    const cookie = await patientHaving(LIMIT);
    expect(await servePage(documentsRoute, "/espace/documents", { cookie })).toEqual({ status: 307, redirect: "/trop-de-demandes" });
    expect(await servePage(historyRoute, "/espace/historique", { cookie })).toEqual({ status: 307, redirect: "/trop-de-demandes" });
  });

  it("sends there too a person who reaches it while the page reads", async () => {
    // One read left: the prevention page's first read passes, a later one (it reads the
    // vaccinations, conditions and procedures, and the reminder choices) meets the limit.
    const cookie = await patientHaving(LIMIT - 1);
    expect(await servePage(preventionRoute, "/espace/prevention", { cookie })).toEqual({ status: 307, redirect: "/trop-de-demandes" });
  });

  it("shows the page to a person under it", async () => {
    const answer = await servePage(documentsRoute, "/espace/documents", { cookie: await patientHaving(0) });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Bilan de Rita");
  });
});
