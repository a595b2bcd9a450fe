import { describe, expect, it } from "vitest";
import { POST as addToRecord } from "@/app/(patient)/espace/prevention/carnet/ajouter/route";
import { POST as upload } from "@/app/api/documents/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { aPdf } from "../documents/world";
import { appUrl, sessionOf, warmUpValidator } from "../fhir-api/http";
import { locationOf, personWithAccount, postId } from "./world";

const db = useTestDatabase();

/**
 * A caregiver's session still points at the space of a person whose delegation was withdrawn
 * (a tab left open, a form half filled in). The pages of that space say she no longer has access
 * (caregiver-views.test.ts); what she sends from them must not be done either: not in the
 * person's record, which she no longer reaches, and not in her own, which she never chose.
 */
async function world() {
  warmUpValidator();
  const system = await systemRepository("lost-space-posts-tests");
  const camille = await personWithAccount(system, "Camille", "Perdue", "female");
  const lea = await personWithAccount(system, "Lea", "Aidante", "female");
  const tie = await system.create(
    aDelegation({
      patientId: camille.patientId,
      agentPatientId: lea.patientId,
      agentName: { given: "Lea", family: "Aidante" },
      scopes: ["documents:read", "documents:write"],
      end: addDaysToDay(parisDayOf(new Date()), 60),
    }),
  );
  await system.create(aDocument({ patientId: lea.patientId, title: "Radio de Lea" }));
  return { camille, lea, tie, leaInCamille: await sessionOf(lea.account, camille.patientId) };
}

async function uploadAs(cookie: string, title: string, accept?: string): Promise<Response> {
  const form = new FormData();
  form.set("titre", title);
  form.set("type", "personal");
  form.set("date", parisDayOf(new Date()));
  form.set("fichier", new File([new Uint8Array(await aPdf(["Compte rendu"]))], "compte-rendu.pdf", { type: "application/pdf" }));
  const request = new Request(`${appUrl()}/api/documents`, { method: "POST", headers: { origin: appUrl(), cookie, ...(accept ? { accept } : {}) }, body: form });
  return inRequestScope(request, () => upload(request));
}

async function vaccinationsOf(patientId: string): Promise<number> {
  const rows = await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'Immunization' AND patient_id = $1::uuid AND NOT deleted", [patientId]);
  return rows.length;
}

async function titlesOf(patientId: string): Promise<string[]> {
  const rows = await db().sql.query<{ title: string }>(
    "SELECT content->>'description' AS title FROM fhir_resource WHERE resource_type = 'DocumentReference' AND patient_id = $1::uuid AND NOT deleted ORDER BY 1",
    [patientId],
  );
  return rows.map((row) => row.title);
}

describe("a caregiver's post from a space she no longer reaches", () => {
  it("adds nothing: not to the person's record, not to her own", async () => {
    const { camille, lea, tie, leaInCamille } = await world();
    const before = { camille: await titlesOf(camille.patientId), lea: await titlesOf(lea.patientId) };
    // While the delegation lasts, her upload goes to Camille's record.
    expect((await uploadAs(leaInCamille.cookie, "Ordonnance pour Camille")).status).toBe(303);
    expect(await titlesOf(camille.patientId)).toEqual([...before.camille, "Ordonnance pour Camille"].sort());

    expect(locationOf(await postId("retirer", tie.id!, {}, camille.session.cookie)).searchParams.get("message")).toBe("retiree");
    // The plain form is sent to the space's home page, which says the access has ended (403);
    // the form's script is told so with a 403.
    const refused = await uploadAs(leaInCamille.cookie, "Compte rendu pour Camille");
    expect(refused.status).toBe(303);
    expect(locationOf(refused).pathname).toBe("/espace");
    const refusedToScript = await uploadAs(leaInCamille.cookie, "Compte rendu pour Camille", "application/json");
    expect(refusedToScript.status).toBe(403);
    expect(await refusedToScript.json()).toEqual({ error: "Vous n'avez plus accès à cet espace" });
    expect(await titlesOf(camille.patientId)).toEqual([...before.camille, "Ordonnance pour Camille"].sort());
    expect(await titlesOf(lea.patientId)).toEqual(before.lea);
  });

  it("records no vaccination, in either record, from the vaccination record's form", async () => {
    const { camille, lea, tie, leaInCamille } = await world();
    expect(locationOf(await postId("retirer", tie.id!, {}, camille.session.cookie)).searchParams.get("message")).toBe("retiree");
    const request = new Request(`${appUrl()}/espace/prevention/carnet/ajouter`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: leaInCamille.cookie },
      body: new URLSearchParams({ product: "shingrix", date: "2025-11-03", lot: "SHX-2025/A1" }),
    });
    const answer = await inRequestScope(request, () => addToRecord(request));
    expect(answer.status).toBe(303);
    expect(locationOf(answer).pathname).toBe("/espace");
    expect(await vaccinationsOf(lea.patientId)).toBe(0);
    expect(await vaccinationsOf(camille.patientId)).toBe(0);
  });
});
