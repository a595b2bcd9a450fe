import { aPatient } from "@/lib/fhir/builders/people";
import { aBlock, aGuardianship } from "@/lib/fhir/builders/rules";
import { SCOPES } from "@/server/access/scopes";
import { describe, expect, it } from "vitest";
import * as notificationsPage from "@/pages/espace/notifications";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, sameOrigin, signIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { buildPrivacyWorld, post, type PrivacyWorld } from "./world";

const db = useTestDatabase();

/**
 * When someone acting for the patient changes who may see her record, she is told: a notice in
 * her space that leads to the history of her choices, and an e-mail whatever her preferences,
 * naming no one. Her own changes tell her nothing.
 */
const noticesOf = async (world: PrivacyWorld) =>
  db().sql.query<{ kind: string; link: string }>("SELECT kind, link FROM notification WHERE patient_id = $1::uuid AND kind = 'sharing-changed-for-you'", [world.camilleId]);

const mailsOf = async (world: PrivacyWorld) =>
  db().sql.query<{ text_body: string }>(
    "SELECT o.text_body FROM email_outbox o JOIN account a ON a.email = o.recipient WHERE a.fhir_ref = $1 AND o.kind = 'notification-sharing-changed-for-you'",
    [`Patient/${world.camilleId}`],
  );

const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

describe("a sharing choice made for the patient", () => {
  it("is notified to her once a day per person acting, in her space and by e-mail, and not when she makes it herself", async () => {
    const world = await buildPrivacyWorld();
    const { alpha, beta, sessions } = world;
    await post("autoriser", { praticien: alpha, niveau: "N", jusqu_au: "" }, { cookie: sessions.camille.cookie });
    await post("recherche", { choix: "non" }, { cookie: sessions.camille.cookie });
    expect(await noticesOf(world)).toEqual([]);

    expect((await post("retirer", { praticien: alpha }, { cookie: sessions.manager.cookie })).status).toBe(303);
    expect((await post("bloquer", { praticien: beta }, { cookie: sessions.manager.cookie })).status).toBe(303);
    expect((await post("urgence", { choix: "non" }, { cookie: sessions.manager.cookie })).status).toBe(303);
    expect(await noticesOf(world)).toEqual([{ kind: "sharing-changed-for-you", link: "/espace/partage/historique" }]);
    const mails = await mailsOf(world);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text_body).toContain("Elle concerne la sécurité de votre espace");
    for (const name of ["Maya", "Gestion", "Alpha", "Bêta"]) expect(mails[0]!.text_body).not.toContain(name);

    const page = text((await servePage(notificationsPage, "/espace/notifications", { cookie: sessions.camille.cookie })).html);
    expect(page).toContain("Une personne qui agit pour vous a modifié vos choix de partage");
  });

  it("is notified when the caregiver changes the rules through the FHIR API too; a caregiver without the right changes nothing and tells nothing", async () => {
    const world = await buildPrivacyWorld();
    const { camilleId, alpha, sessions } = world;
    const refused = await fhir("POST", "Consent", { cookie: sessions.helper.cookie, body: aBlock({ patientId: camilleId, practitionerId: alpha }), headers: sameOrigin() });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(await noticesOf(world)).toEqual([]);

    const written = await fhir("POST", "Consent", { cookie: sessions.manager.cookie, body: aBlock({ patientId: camilleId, practitionerId: alpha }), headers: sameOrigin() });
    expect(written.status).toBe(201);
    expect(await noticesOf(world)).toHaveLength(1);
    expect(await mailsOf(world)).toHaveLength(1);
  });

  it("is not left in a child's space, which has no account to tell: its guardian who acted would read it as her own", async () => {
    const world = await buildPrivacyWorld();
    const { system, managerId, alpha } = world;
    const child = (await system.create(aPatient({ given: "Lou", family: "Enfant", birthDate: "2018-03-02" }))).id!;
    await system.create(aGuardianship({ patientId: child, agentPatientId: managerId, agentName: { given: "Maya", family: "Gestion" }, scopes: SCOPES }));
    const guardian = await signIn(`Patient/${managerId}`, { space: child, name: "Maya Gestion" });
    expect((await post("bloquer", { praticien: alpha }, { cookie: guardian.cookie })).status).toBe(303);
    expect(await db().sql.query("SELECT id FROM fhir_resource WHERE patient_id = $1::uuid AND resource_type = 'Consent' AND actor_ref = $2", [child, `Practitioner/${alpha}`])).toHaveLength(1);
    expect(await db().sql.query("SELECT 1 FROM notification WHERE patient_id = $1::uuid", [child])).toEqual([]);
  });
});
