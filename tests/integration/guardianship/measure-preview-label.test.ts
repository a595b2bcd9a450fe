import { describe, expect, it } from "vitest";
import * as sharing from "@/pages/espace/partage";
import * as previewPage from "@/pages/espace/partage/apercu";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "../pages/pages-route";
import { measureWorld } from "./world";

useTestDatabase();

const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");

describe("« Voir comme… » in the space of an adult under a judge's measure", () => {
  it("names her representative « représentant·e légal·e », as the page's glance does, not « aidant·e »; a caregiver stays « aidant·e »", async () => {
    const { system, ines, measureId } = await measureWorld("measure-preview-label");
    const friend = await personWithAccount(system, "Lea", "Amie", "female");
    await system.create(aDelegation({ patientId: ines.patientId, agentPatientId: friend.patientId, agentName: { given: "Lea", family: "Amie" }, scopes: ["documents:read"] }));

    const page = text((await servePage(sharing, "/espace/partage", { cookie: ines.session.cookie })).html);
    expect(page).toContain("Paul Tuteur est votre représentant·e légal·e.");
    expect(page).toContain(`value="proche:${measureId}">Paul Tuteur (représentant·e légal·e)</option>`);
    expect(page).not.toContain("Paul Tuteur (aidant·e)");
    expect(page).toContain("Lea Amie (aidant·e)");

    const preview = text((await servePage(previewPage, `/espace/partage/apercu?vue=${encodeURIComponent(`proche:${measureId}`)}`, { cookie: ines.session.cookie })).html);
    expect(preview).toContain("Aperçu : voici ce que Paul Tuteur (représentant·e légal·e) voit de votre dossier.");
    expect(preview).toContain("Bilan sanguin d'Ines");
  });
});
