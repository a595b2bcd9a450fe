import { describe, expect, it } from "vitest";
import * as homePage from "@/pages/index";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { currentAuthCookies } from "@/server/auth/session-token";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn } from "../fhir-api/http";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * The portal's landing page (/), served by the Pages Router without runtime JavaScript: a
 * signed-in person is sent to their own space, anyone else gets the welcome and the sign-in link.
 */
describe("the landing page (Pages Router)", () => {
  it("sends a signed-in patient to /espace and a professional to /pro", async () => {
    const system = await systemRepository("home-page-tests");
    const patient = await signIn(`Patient/${(await system.create(aPatient({ given: "Alix", family: "Accueil" }))).id!}`);
    const practitioner = await signIn(`Practitioner/${(await system.create(aPractitioner({ given: "Paul", family: "Accueil" }))).id!}`);
    expect(await servePage(homePage, "/", { cookie: patient.cookie })).toEqual({ status: 307, redirect: "/espace" });
    expect(await servePage(homePage, "/", { cookie: practitioner.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("shows a visitor the welcome and the link to sign in, as does a forged session cookie", async () => {
    for (const cookie of [undefined, `${currentAuthCookies().sessionToken.name}=forged`]) {
      const answer = await servePage(homePage, "/", { cookie });
      expect(answer.status).toBe(200);
      expect(answer.html).toMatch(/<h1[^>]*>Bienvenue sur Mon espace santé<\/h1>/);
      expect(answer.html).toContain('href="/connexion"');
      expect(answer.html).toContain("Se connecter");
    }
  });

  it("answers an App Router prefetch 204, reading no session", async () => {
    expect(await servePage(homePage, "/", { headers: { rsc: "1", "next-router-prefetch": "1" } })).toEqual({ status: 204, ended: true });
  });
});
