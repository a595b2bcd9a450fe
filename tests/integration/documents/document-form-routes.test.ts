import { beforeAll, describe, expect, it } from "vitest";
import { POST as setLevel } from "@/app/api/documents/[id]/confidentialite/route";
import { POST as remove } from "@/app/api/documents/[id]/supprimer/route";
import { systemRepository } from "@/server/fhir/repository";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPatient } from "@/lib/fhir/builders/people";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, fhir, signIn, warmUpValidator, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";

useTestDatabase();

/**
 * The document page's forms, as a browser posts them: their fields go through the zod schema
 * beside each route, so a bad form answers with a message on the page and changes nothing.
 */
const ROUTES = { confidentialite: setLevel, supprimer: remove } as const;

async function post(route: keyof typeof ROUTES, id: string, fields: Record<string, string>, cookie: string) {
  const request = new Request(`${appUrl()}/api/documents/${id}/${route}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => ROUTES[route](request, { params: Promise.resolve({ id }) }));
}

const messageOf = (response: Response) => new URL(response.headers.get("location") ?? "/", appUrl()).searchParams.get("message");

let patient: SignedIn;
let patientId: string;
beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("document-form-routes");
  patientId = (await system.create(aPatient({ given: "Iris", family: "Formulaire" }))).id!;
  patient = await signIn(`Patient/${patientId}`, { name: "Iris Formulaire" });
}, 60_000);

async function ownDocument() {
  const system = await systemRepository("document-form-routes");
  return (await system.create(aDocument({ patientId, title: "Note", author: `Patient/${patientId}` }))).id!;
}

const versionOf = async (id: string) => (await fhir("GET", `DocumentReference/${id}`, { cookie: patient.cookie })).json() as { meta?: { versionId?: string; security?: { code?: string }[] } };

describe("the confidentiality form", () => {
  it("sets a level it knows and refuses anything else without changing the document", async () => {
    const id = await ownDocument();
    for (const niveau of ["X", "", "<script>", "N,R"]) {
      const answer = await post("confidentialite", id, { niveau }, patient.cookie);
      expect(answer.status).toBe(303);
      expect(messageOf(answer)).toBe("echec");
    }
    expect((await versionOf(id)).meta?.versionId).toBe("1");
    const answer = await post("confidentialite", id, { niveau: "R", version: "1" }, patient.cookie);
    expect(messageOf(answer)).toBe("niveau");
    expect((await versionOf(id)).meta?.security?.map((label) => label.code)).toContain("R");
  });
});

describe("the delete form", () => {
  it("deletes only with the confirmation ticked", async () => {
    const id = await ownDocument();
    for (const fields of [{}, { confirmation: "non" }, { confirmation: "OUI " }] as Record<string, string>[]) {
      expect(messageOf(await post("supprimer", id, fields, patient.cookie))).toBe("echec");
    }
    expect((await fhir("GET", `DocumentReference/${id}`, { cookie: patient.cookie })).status).toBe(200);
    expect(messageOf(await post("supprimer", id, { confirmation: "oui" }, patient.cookie))).toBe("supprime");
    expect((await fhir("GET", `DocumentReference/${id}`, { cookie: patient.cookie })).status).toBe(404);
  });
});
