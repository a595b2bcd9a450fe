import type { RelatedPerson } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as certificatePdf } from "@/app/api/prevention/certificat-vaccination/route";
import { anImmunization, VACCINES } from "@/lib/fhir/builders/record";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";
import { appUrl, signIn, type SignedIn } from "../fhir-api/http";
import { buildWorld, type World } from "./world";

/**
 * The certificate's download from a space its caregiver no longer reaches (her delegation
 * withdrawn while the page was open): her session then acts as herself (actor-for-session.ts),
 * and the download gave her own certificate, her name and her vaccinations, under the
 * space's button, to be sent to the school of the person she acted for, and read her record
 * in her own history. It must give nothing, as the record's copy does (lost-space-answer.ts).
 */
const db = useTestDatabase();
let world: World;
let yasmine: string;
let yasmineForJean: SignedIn;
let tie: RelatedPerson;
beforeAll(async () => {
  world = await buildWorld();
  const system = await systemRepository("certificate-lost-space-tests");
  yasmine = (await system.create(aPatient({ given: "Yasmine", family: "Haddad", birthDate: "1991-04-02" }))).id!;
  await system.create(anImmunization({ patientId: yasmine, vaccine: VACCINES.hpv, date: "2010-03-01T10:00:00+01:00", lot: "YASMINE-OWN-LOT" }));
  tie = await system.create(aDelegation({ patientId: world.ids.jean, agentPatientId: yasmine, scopes: ["record:read"] }));
  yasmineForJean = await signIn(`Patient/${yasmine}`, { space: world.ids.jean, name: "Yasmine Haddad" });
}, 120_000);

async function download(cookie: string, headers: Record<string, string> = {}) {
  const request = new Request(`${appUrl()}/api/prevention/certificat-vaccination`, { headers: { cookie, "x-forwarded-for": "10.0.7.7", ...headers } });
  return inRequestScope(request, () => certificatePdf(request));
}

describe("the certificate of a space its caregiver no longer reaches", () => {
  it("is Jean's while her delegation lasts", async () => {
    const answer = await download(yasmineForJean.cookie);
    expect(answer.status).toBe(200);
    const pdf = await readTaggedPdf(new Uint8Array(await answer.arrayBuffer()));
    expect(pdf.text).toContain("Jean Martin");
  });

  it("once it is withdrawn, is neither Jean's nor hers, and reads nothing of her record", async () => {
    const system = await systemRepository("certificate-lost-space-tests");
    await system.update<RelatedPerson>({ ...tie, active: false });
    const answer = await download(yasmineForJean.cookie);
    const body = new Uint8Array(await answer.arrayBuffer());
    expect(answer.status).not.toBe(200);
    expect(answer.headers.get("content-type") ?? "").not.toContain("application/pdf");
    expect(Buffer.from(body).toString("latin1")).not.toContain("YASMINE");
    const rows = await db().sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.7.7'", [yasmine]);
    expect(rows[0]?.n).toBe(0);
    const json = await download(yasmineForJean.cookie, { accept: "application/json" });
    expect(json.status).toBe(403);
  });
});
