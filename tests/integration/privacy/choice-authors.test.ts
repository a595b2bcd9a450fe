import type { Consent, Immunization } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import { anImmunization } from "@/lib/fhir/builders/record";
import { aBlock } from "@/lib/fhir/builders/rules";
import * as choices from "@/pages/espace/partage/historique";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sameOrigin } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { buildPrivacyWorld, post, type PrivacyWorld } from "./world";

useTestDatabase();

/**
 * Who made each change of the sharing choices, as the history page says it to the patient and
 * to her caregiver who manages her sharing (Maya): each version records its writer, set by the
 * server from the session, whatever a request body claims.
 */
let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");
const historyOf = async (cookie: string) => text((await servePage(choices, "/espace/partage/historique", { cookie })).html);

describe("the history of the sharing choices", () => {
  it("tells the patient which changes her caregiver made, by name, and the caregiver which the patient made", async () => {
    const { alpha, beta, sessions } = world;
    expect((await post("autoriser", { praticien: alpha, niveau: "N", jusqu_au: "" }, { cookie: sessions.camille.cookie })).status).toBe(303);
    expect((await post("retirer", { praticien: alpha }, { cookie: sessions.manager.cookie })).status).toBe(303);
    expect((await post("bloquer", { praticien: beta }, { cookie: sessions.manager.cookie })).status).toBe(303);
    expect((await post("recherche", { choix: "non" }, { cookie: sessions.camille.cookie })).status).toBe(303);

    const camilles = await historyOf(sessions.camille.cookie);
    expect(camilles).toContain("Vous avez autorisé Dr Anne Alpha");
    expect(camilles).toContain("L'autorisation de Dr Anne Alpha a été retirée par Maya Gestion");
    expect(camilles).toContain("Dr Bruno Bêta a été bloqué·e par Maya Gestion");
    expect(camilles).toContain("Vous avez changé le choix pour la recherche");
    expect(camilles).not.toContain("Vous avez retiré");
    expect(camilles).not.toContain("Vous avez bloqué");

    const mayas = await historyOf(sessions.manager.cookie);
    expect(mayas).toContain("Historique des choix de partage de Camille Partage");
    expect(mayas).toContain("Dr Anne Alpha a été autorisé·e par Camille Partage");
    expect(mayas).toContain("Vous avez retiré l'autorisation de Dr Anne Alpha");
    expect(mayas).toContain("Vous avez bloqué Dr Bruno Bêta");
    expect(mayas).toContain("Le choix pour la recherche a été changé par Camille Partage");
  });

  it("keeps the writer the server saw, whatever the body claims, and names no one for a change it cannot attribute", async () => {
    const { camilleId, managerRp, sessions, system } = world;
    // Camille writes a rule through the FHIR API, claiming her caregiver wrote it.
    const forged: Consent = { ...aBlock({ patientId: camilleId, practitionerId: world.alpha }), meta: { author: { reference: `RelatedPerson/${managerRp}`, display: "Maya Gestion" } } };
    const answer = await fhir("POST", "Consent", { cookie: sessions.camille.cookie, body: forged, headers: sameOrigin() });
    expect(answer.status).toBe(201);
    const stored = resourceOf<Consent>(answer);
    expect(stored.meta?.author).toEqual({ reference: `Patient/${camilleId}`, display: "Camille Partage" });
    expect((await fhir("GET", `Consent/${stored.id}`, { cookie: sessions.camille.cookie })).json()).toMatchObject({ meta: { author: { reference: `Patient/${camilleId}` } } });

    // Maya, acting for Camille: her RelatedPerson on Camille, on Camille's behalf.
    const unblocked = await post("debloquer", { praticien: world.alpha }, { cookie: sessions.manager.cookie });
    expect(unblocked.status).toBe(303);
    const versions = await fhir("GET", `Consent/${stored.id}/_history`, { cookie: sessions.camille.cookie });
    const latest = (versions.json() as { entry: { resource: Consent }[] }).entry[0]!.resource;
    expect(latest.meta?.author).toEqual({ reference: `RelatedPerson/${managerRp}`, display: "Maya Gestion" });
    expect(latest.meta?.onBehalfOf).toEqual({ reference: `Patient/${camilleId}` });

    // A change the system made (a job, or a version from before writers were recorded): no « vous », no name.
    await system.create(aBlock({ patientId: camilleId, practitionerId: world.beta }));
    const camilles = await historyOf(sessions.camille.cookie);
    expect(camilles).toContain("Dr Anne Alpha a été débloqué·e par Maya Gestion");
    expect(camilles).toMatch(/Dr Bruno Bêta a été bloqué·e —/);
  });

  it("is written on the choices alone: what professionals read names no writer", async () => {
    const { camilleId, sessions } = world;
    const answer = await fhir("POST", "Immunization", { cookie: sessions.camille.cookie, body: anImmunization({ patientId: camilleId }), headers: sameOrigin() });
    expect(answer.status).toBe(201);
    const written = resourceOf<Immunization>(answer);
    expect(written.meta?.author).toBeUndefined();
    expect(written.meta?.onBehalfOf).toBeUndefined();
  });
});
