import { describe, expect, it } from "vitest";
import * as emergencyPage from "@/pages/pro/urgence";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * « Accès en urgence » (/pro/urgence), served by the Pages Router without runtime JavaScript:
 * its getServerSideProps with the request Next hands it, then the HTML.
 */
async function people() {
  const system = await systemRepository("emergency-page-tests");
  const practitioner = await signIn(`Practitioner/${(await system.create(aPractitioner({ given: "Ines", family: "Urgence" }))).id!}`, { name: "Dr Ines Urgence" });
  const patient = await signIn(`Patient/${(await system.create(aPatient({ given: "Paul", family: "Patient" }))).id!}`, { name: "Paul Patient" });
  return { practitioner, patient };
}

describe("« Accès en urgence » (Pages Router)", () => {
  it("sends a visitor without a session to sign in and a patient to their space", async () => {
    const { patient } = await people();
    expect(await servePage(emergencyPage, "/pro/urgence")).toEqual({ status: 307, redirect: "/connexion" });
    expect(await servePage(emergencyPage, "/pro/urgence", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/espace" });
  });

  it("offers the professional the plain form posting to /pro/urgence/ouvrir, the reason bounded as the handler bounds it", async () => {
    const { practitioner } = await people();
    const answer = await servePage(emergencyPage, "/pro/urgence", { cookie: practitioner.cookie });
    expect(answer.status).toBe(200);
    const html = answer.html!;
    expect(html).toMatch(/<form [^>]*action="\/pro\/urgence\/ouvrir" method="post">/);
    for (const name of ["nom", "prenom", "naissance", "ins", "motif"]) expect(html).toContain(`name="${name}"`);
    expect(html).toMatch(/<textarea [^>]*name="motif"[^>]*required=""[^>]*minLength="20" maxLength="500"/);
    expect(html).toContain('href="/pro"');
    expect(html).not.toContain('role="alert"');
  });

  it("says what the handler's code means, never an unknown code's text", async () => {
    const { practitioner } = await people();
    const refused = (await servePage(emergencyPage, "/pro/urgence?erreur=refuse", { cookie: practitioner.cookie })).html!;
    expect(refused).toContain('role="alert"');
    expect(refused).toContain("Aucun dossier accessible en urgence ne correspond à ces informations.");
    expect((await servePage(emergencyPage, "/pro/urgence?erreur=role", { cookie: practitioner.cookie })).html).toContain("réservé aux médecins urgentistes");
    const forged = (await servePage(emergencyPage, "/pro/urgence?erreur=%3Cb%3EPatient%20introuvable%3C%2Fb%3E", { cookie: practitioner.cookie })).html!;
    expect(forged).not.toMatch(/introuvable|<b>|role="alert"/);
    // A key of the object's prototype is no code either.
    expect((await servePage(emergencyPage, "/pro/urgence?erreur=constructor", { cookie: practitioner.cookie })).html).not.toContain('role="alert"');
  });

  it("answers an App Router prefetch 204 without reading the session's scope", async () => {
    const { practitioner } = await people();
    expect(await servePage(emergencyPage, "/pro/urgence", { cookie: practitioner.cookie, headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
  });
});
