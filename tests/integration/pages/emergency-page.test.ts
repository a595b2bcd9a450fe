import { describe, expect, it } from "vitest";
import { POST as openEmergency } from "@/app/(pro)/pro/urgence/ouvrir/route";
import * as proHome from "@/pages/pro";
import * as emergencyPage from "@/pages/pro/urgence";
import { aPatient, aPractitioner, aPractitionerRole } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { appUrl, signIn, type SignedIn } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { uniqueFamilyName } from "../unique-family-name";
import { servePage, toSignIn } from "./pages-route";

useTestDatabase();

/**
 * « Accès en urgence » (/pro/urgence), served by the Pages Router without runtime JavaScript:
 * its getServerSideProps with the request Next hands it, then the HTML.
 */
async function people() {
  const system = await systemRepository("emergency-page-tests");
  // An emergency physician (SNOMED 773568002, access/break-glass.ts) and a general practitioner.
  const urgentist = (await system.create(aPractitioner({ given: "Ines", family: "Urgence" }))).id!;
  await system.create(aPractitionerRole({ practitionerId: urgentist, specialty: { code: "773568002", display: "Emergency medicine", label: "médecine d'urgence" } }));
  const practitioner = await signIn(`Practitioner/${urgentist}`, { name: "Dr Ines Urgence" });
  const generalist = (await system.create(aPractitioner({ given: "Sophie", family: "Generaliste" }))).id!;
  await system.create(aPractitionerRole({ practitionerId: generalist }));
  const gp = await signIn(`Practitioner/${generalist}`, { name: "Dr Sophie Generaliste" });
  const patient = await signIn(`Patient/${(await system.create(aPatient({ given: "Paul", family: "Patient" }))).id!}`, { name: "Paul Patient" });
  return { practitioner, gp, patient };
}

describe("« Accès en urgence » (Pages Router)", () => {
  it("sends a visitor without a session to sign in and a patient to their space", async () => {
    const { patient } = await people();
    expect(await servePage(emergencyPage, "/pro/urgence")).toEqual(toSignIn("/pro/urgence"));
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

  it("tells a professional whose role does not allow emergency access so, without the form, and their home offers no link to it", async () => {
    const { practitioner, gp } = await people();
    const answer = await servePage(emergencyPage, "/pro/urgence", { cookie: gp.cookie });
    expect(answer.status).toBe(200);
    expect(answer.html).toContain("Votre rôle ne permet pas l&#x27;accès en urgence : il est réservé aux médecins urgentistes.");
    expect(answer.html).not.toContain("<form");
    expect(answer.html).not.toContain('name="motif"');
    expect((await servePage(proHome, "/pro", { cookie: gp.cookie })).html).not.toContain('href="/pro/urgence"');
    expect((await servePage(proHome, "/pro", { cookie: practitioner.cookie })).html).toContain('href="/pro/urgence"');
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

/**
 * Found by an exploratory test of the demo: a refusal (a birth date mistyped) brought the
 * emergency physician back to an empty form, to type the patient's identity and a reason of 20
 * characters again. What was typed comes back, from a sealed cookie of this session's, never
 * from the address.
 */
describe("a refused emergency form comes back filled", () => {
  const REASON = "Patient inconscient aux urgences, recherche d'antécédents";
  async function post(who: SignedIn, fields: Record<string, string>): Promise<Response> {
    const request = new Request(`${appUrl()}/pro/urgence/ouvrir`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie: who.cookie },
      body: new URLSearchParams(fields),
    });
    return inRequestScope(request, () => openEmergency(request));
  }
  const typedCookie = (answer: Response) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.urgence-saisie="))?.split(";")[0] ?? "";

  it("with what was typed, for this session only, and not once the access opened", async () => {
    const system = await systemRepository("emergency-page-tests");
    const urgentist = `Practitioner/${(await system.create(aPractitioner({ given: "Ines", family: "Saisie" }))).id!}`;
    await system.create(aPractitionerRole({ practitionerId: urgentist.slice("Practitioner/".length), specialty: { code: "773568002", display: "Emergency medicine", label: "médecine d'urgence" } }));
    const practitioner = await signIn(urgentist, { name: "Dr Ines Saisie" });
    const family = uniqueFamilyName("Saisie");
    await system.create(aPatient({ given: "Rémi", family, birthDate: "1961-09-09" }));
    const refused = await post(practitioner, { nom: family, prenom: "Rémi", naissance: "1961-09-08", motif: REASON });
    expect(refused.headers.get("location")).toBe("/pro/urgence?erreur=refuse");
    expect(refused.headers.get("location")).not.toContain(family);
    const sealed = typedCookie(refused);
    expect(sealed).not.toContain(family);
    expect(refused.headers.getSetCookie().join()).toMatch(/Path=\/pro\/urgence; Max-Age=300; SameSite=Strict; HttpOnly/);

    const page = (await servePage(emergencyPage, "/pro/urgence?erreur=refuse", { cookie: `${practitioner.cookie}; ${sealed}` })).html!.replace(/&#x27;/g, "'");
    expect(page).toContain(`value="${family}"`);
    expect(page).toContain('value="Rémi"');
    expect(page).toContain('value="1961-09-08"');
    expect(page).toMatch(new RegExp(`<textarea[^>]*name="motif"[^>]*>${REASON}</textarea>`));
    // Another session of the same professional holding that cookie gets an empty form.
    const other = await signIn(urgentist, { name: "Dr Ines Saisie" });
    expect((await servePage(emergencyPage, "/pro/urgence?erreur=refuse", { cookie: `${other.cookie}; ${sealed}` })).html).not.toContain(family);

    const opened = await post(practitioner, { nom: family, prenom: "Rémi", naissance: "1961-09-09", motif: REASON });
    expect(opened.headers.get("location")).toMatch(/^\/pro\/patients\//);
    expect(opened.headers.getSetCookie().join()).toMatch(/espace-sante\.urgence-saisie=; Path=\/pro\/urgence; Max-Age=0/);
  });
});
