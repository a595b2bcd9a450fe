import { beforeAll, describe, expect, it } from "vitest";
import { GET as certificatePdf } from "@/app/api/prevention/certificat-vaccination/route";
import { anImmunization, VACCINES } from "@/lib/fhir/builders/record";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { aPatient } from "@/lib/fhir/builders/people";
import { SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { todayInParis } from "@/server/prevention/days";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";
import { appUrl, signIn, type SignedIn } from "../fhir-api/http";
import { buildWorld, type World } from "./world";

/**
 * The certificate of vaccination as a PDF file (GET /api/prevention/certificat-vaccination), as a
 * browser asks for it with its session cookie: Jean's own, Léo's in his mother's session (without
 * what Léo keeps secret from her), nothing for a caregiver whose delegation does not reach the
 * record, for a professional or without a session. Read back by pdf.js as a screen reader would.
 */
const db = useTestDatabase();
let world: World;
let paulForJean: SignedIn;
beforeAll(async () => {
  world = await buildWorld();
  const system = await systemRepository("certificate-pdf-tests");
  await system.create(anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.hexavalent, date: "2016-11-10T10:00:00+01:00", lot: "HEXA-LOT-1", doseNumber: 1 }));
  await system.create({
    ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.hpv, date: "2026-01-12T10:00:00+01:00", lot: "SECRET-LOT" }),
    meta: { security: [{ system: SYSTEMS.privacyLabel, code: "minor-secret" }] },
  });
  await system.create({ ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.flu, date: "2025-11-03T10:00:00+01:00", lot: "NOTDONE-LOT" }), status: "not-done" });
  // Paul manages Jean's sharing settings and does not see his record.
  const paul = (await system.create(aPatient({ given: "Paul", family: "Benali", birthDate: "1990-01-01" }))).id!;
  await system.create(aDelegation({ patientId: world.ids.jean, agentPatientId: paul, scopes: ["privacy:manage"] }));
  paulForJean = await signIn(`Patient/${paul}`, { space: world.ids.jean, name: "Paul Benali" });
}, 120_000);

async function download(cookie?: string, address = "10.0.0.41") {
  const headers = new Headers({ "x-forwarded-for": address });
  if (cookie) headers.set("cookie", cookie);
  const request = new Request(`${appUrl()}/api/prevention/certificat-vaccination`, { headers });
  return inRequestScope(request, () => certificatePdf(request));
}

async function pdfText(cookie: string, address?: string) {
  const answer = await download(cookie, address);
  expect(answer.status).toBe(200);
  expect(answer.headers.get("content-type")).toBe("application/pdf");
  expect(answer.headers.get("content-disposition")).toBe(`attachment; filename="certificat-vaccination-${todayInParis()}.pdf"`);
  expect(answer.headers.get("cache-control")).toBe("no-store");
  return readTaggedPdf(new Uint8Array(await answer.arrayBuffer()));
}

describe("the certificate of vaccination as a PDF", () => {
  it("gives Jean his own, tagged for a screen reader, unsigned, and leaves the reads in his audit trail", async () => {
    const pdf = await pdfText(world.sessions.jean.cookie, "10.0.0.42");
    expect(pdf.lang).toBe("fr-FR");
    expect(pdf.untaggedText).toEqual([]);
    const read = (role: string) => pdf.elements.filter((element) => element.role === role).map((element) => element.text);
    expect(read("H1")).toEqual(["Certificat de vaccination"]);
    expect(pdf.text).toContain("Jean Martin");
    expect(pdf.text).toContain("02/06/1950");
    expect(read("TH")).toEqual(["Date", "Vaccin", "Dose", "Lot", "Origine"]);
    expect(read("TD").join(" ")).toContain("15 juin 2015");
    expect(pdf.text).toContain("Diphtérie, tétanos, poliomyélite (dTP)");
    expect(pdf.text).toContain("Ce relevé ne remplace pas un certificat signé par un médecin.");
    expect(pdf.text).not.toContain("signé électroniquement");
    const rows = await db().sql.query<{ entity: string | null; interaction: string }>(
      "SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.42'",
      [world.ids.jean],
    );
    expect(rows).toContainEqual({ entity: `Patient/${world.ids.jean}`, interaction: "read" });
    expect(rows.map((row) => row.interaction)).toContain("search");
  });

  it("in Léo's space, is Léo's: not what he keeps secret from his mother, not a dose that was not given, nothing of his mother", async () => {
    const pdf = await pdfText(world.sessions.camilleForLeo.cookie);
    expect(pdf.text).toContain("Léo Martin");
    expect(pdf.text).toContain("HEXA-LOT-1");
    expect(pdf.text).not.toContain("SECRET-LOT");
    expect(pdf.text).not.toContain("NOTDONE-LOT");
    expect(pdf.text).not.toContain("Camille");
  });

  it("gives nothing to a caregiver whose delegation does not reach the record, a professional, or no session", async () => {
    const refused = await download(paulForJean.cookie);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain("Jean");
    expect((await download(world.sessions.bernard.cookie)).status).toBe(404);
    expect((await download()).status).toBe(401);
    expect((await download("authjs.session-token=forged")).status).toBe(401);
  });

  it("gives a caregiver who may read the record the certificate of the space she acts in", async () => {
    const pdf = await pdfText(world.sessions.nadiaForJean.cookie);
    expect(pdf.text).toContain("Jean Martin");
    expect(pdf.text).not.toContain("Nadia");
  });
});
