import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as deliver } from "@/app/(link)/p/[linkId]/delivrer/route";
import { POST as open } from "@/app/(link)/p/[linkId]/ouvrir/route";
import { POST as revoke } from "@/app/api/ordonnances/[id]/liens/[linkId]/revoquer/route";
import { aPatient } from "@/lib/fhir/builders/people";
import { validateForWrite } from "@/server/fhir/validate";
import { viewSharedPrescription } from "@/server/prescriptions/view-shared-prescription";
import { linkScope } from "@/server/sharing/link-scope";
import { sharePrescription } from "@/server/sharing/share-prescription";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, signIn } from "../fhir-api/http";
import { cookieOf, formPost, locationOf, params, secretOf, APP } from "./http";
import { buildWorld, type World } from "./world";

/**
 * Case 18 with the dispensation already on its way: the pharmacist's post has passed the link's
 * check (live then) when the patient's « Retirer le lien » answers. Nothing may be recorded after
 * that answer. The window is held open here at the prescription's read, the first thing the
 * dispensation does after the link's check (on a loaded server, any few milliseconds).
 */
const gate = vi.hoisted(() => ({ hold: undefined as { reached: () => void; released: Promise<void> } | undefined }));

vi.mock("@/server/prescriptions/read-prescriptions", async (original) => {
  const actual = await original<typeof import("@/server/prescriptions/read-prescriptions")>();
  return {
    ...actual,
    readPrescription: async (...args: Parameters<typeof actual.readPrescription>) => {
      const hold = gate.hold;
      if (hold && args[0].actor.kind === "link") {
        gate.hold = undefined;
        hold.reached();
        await hold.released;
      }
      return actual.readPrescription(...args);
    },
  };
});

const db = useTestDatabase();
let world: World;
beforeAll(async () => {
  validateForWrite(aPatient());
  world = await buildWorld();
});

async function dispensesOf(patientId: string): Promise<number> {
  return (await db().sql.query("SELECT 1 FROM fhir_resource WHERE resource_type = 'MedicationDispense' AND patient_id = $1::uuid", [patientId])).length;
}

describe("the patient revokes a link while a dispensation through it is on its way", () => {
  it("once « Retirer le lien » has answered, the dispensation is not recorded", async () => {
    const prescriptionId = world.camilleActive.prescriptionId;
    const shared = await sharePrescription(await world.repoFor(world.actors.camille), { prescriptionId, withPasscode: true }, APP);
    const opened = await open(formPost(`/p/${shared.linkId}/ouvrir`, { cle: secretOf(shared.url), code: shared.passcode!, pharmacie: "Pharmacie Test" }), params({ linkId: shared.linkId }));
    const cookie = cookieOf(opened)!;
    const scope = await linkScope(shared.linkId, cookie.split("=")[1], { address: "198.51.100.20" }, new Date());
    const form = await viewSharedPrescription(scope!.repo);
    const line = form.prescription.lines[0]!;
    const before = await dispensesOf(world.camilleId);

    let reached!: () => void;
    let release!: () => void;
    const reaching = new Promise<void>((resolve) => (reached = resolve));
    gate.hold = { reached, released: new Promise<void>((resolve) => (release = resolve)) };
    const fields = { "cle-formulaire": form.formKey, etat: form.state, [`choix-${line.requestId}`]: "partie", [`quantite-${line.requestId}`]: "1" };
    const answer = deliver(formPost(`/p/${shared.linkId}/delivrer`, fields, { cookie }), params({ linkId: shared.linkId }));
    await reaching;

    const camille = await signIn(`Patient/${world.camilleId}`);
    const revokeRequest = new Request(`${appUrl()}/api/ordonnances/${prescriptionId}/liens/${shared.linkId}/revoquer`, {
      method: "POST",
      headers: { origin: appUrl(), cookie: camille.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    const revoked = await inRequestScope(revokeRequest, () => revoke(revokeRequest, params({ id: prescriptionId, linkId: shared.linkId })));
    expect(locationOf(revoked)).toContain("message=lien-revoque");
    release();

    expect(locationOf(await answer)).toBe(`/p/${shared.linkId}/indisponible`);
    expect(await dispensesOf(world.camilleId)).toBe(before);
  });
});
