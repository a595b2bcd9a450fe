import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as upload } from "@/app/api/documents/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { aPdf } from "../documents/world";
import { appUrl, fhir, sessionOf, warmUpValidator } from "../fhir-api/http";
import { personWithAccount } from "./world";
import { clock } from "./test-clock";

vi.mock("@/server/clock", () => import("./test-clock"));

const db = useTestDatabase();
const DAY = 24 * 3600 * 1000;

afterEach(() => {
  clock.offsetMs = 0;
});

/**
 * Case 22, by expiry: a caregiver's session opened while the delegation lasted, still open once
 * its last day is over (the day included, in Paris). Her next requests, through the API and the
 * upload form, reach nothing of the patient and add nothing to the record.
 */
describe("a caregiver's session opened before the delegation's last day, used after it", () => {
  it("reads nothing of the patient and adds nothing", async () => {
    warmUpValidator();
    const system = await systemRepository("expired-delegation-tests");
    const camille = await personWithAccount(system, "Camille", "Echue", "female");
    const lea = await personWithAccount(system, "Lea", "Aidante", "female");
    const lastDay = addDaysToDay(parisDayOf(new Date()), 1);
    await system.create(aDelegation({ patientId: camille.patientId, agentPatientId: lea.patientId, scopes: ["documents:read", "documents:write"], end: lastDay }));
    const document = await system.create(aDocument({ patientId: camille.patientId, title: "Bilan de Camille" }));
    const leaInCamille = await sessionOf(lea.account, camille.patientId);

    // On the last day itself, she still reads it.
    expect((await fhir("GET", `DocumentReference/${document.id}`, { cookie: leaInCamille.cookie })).status).toBe(200);

    clock.offsetMs = 3 * DAY;
    expect((await fhir("GET", `DocumentReference/${document.id}`, { cookie: leaInCamille.cookie })).status).toBe(404);
    expect((await fhir("GET", `Patient/${camille.patientId}`, { cookie: leaInCamille.cookie })).status).toBe(404);

    const form = new FormData();
    form.set("titre", "Compte rendu après la fin");
    form.set("type", "personal");
    form.set("date", parisDayOf(new Date()));
    form.set("fichier", new File([new Uint8Array(await aPdf(["Compte rendu"]))], "compte-rendu.pdf", { type: "application/pdf" }));
    const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie: leaInCamille.cookie }, body: form });
    const answer = await inRequestScope(request, () => upload(request));
    expect(answer.status).not.toBe(500);
    const rows = await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = ANY($1::uuid[]) AND NOT deleted", [[camille.patientId, lea.patientId]]);
    expect(rows).toHaveLength(1);
  });
});
