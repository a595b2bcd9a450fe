import { describe, expect, it } from "vitest";
import * as afterSignInPage from "@/pages/connexion/suite";
import * as signInPage from "@/pages/connexion";
import * as prescriptionPage from "@/pages/espace/ordonnances/[id]";
import { aPatient } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { servePage, toSignIn } from "./pages-route";

useTestDatabase();

/**
 * Opened signed out (the QR code printed on a prescription, a bookmark), a page of the space
 * sends the person to sign in and, once signed in, back to it: the sign-in page keeps the page in
 * a cookie, the page every sign-in lands on takes her there and forgets it. Nothing but a page of
 * the portal's spaces is ever kept or followed.
 */
const PRESCRIPTION = "/espace/ordonnances/11000000-0000-4000-8000-000000000011";
const KEPT = "espace-sante.retour=%2Fespace%2Fordonnances%2F11000000-0000-4000-8000-000000000011";

async function patient() {
  const system = await systemRepository("return-after-sign-in-tests");
  const id = (await system.create(aPatient({ given: "Rose", family: "Retour", birthDate: "1970-01-02" }))).id!;
  return signIn(`Patient/${id}`, { name: "Rose Retour" });
}

describe("back to the page opened signed out", () => {
  it("is named in the sign-in address, kept by the sign-in page, followed once after the sign-in, then forgotten", async () => {
    expect(await servePage(prescriptionPage, PRESCRIPTION, { params: { id: "11000000-0000-4000-8000-000000000011" } })).toEqual(toSignIn(PRESCRIPTION));

    const signInAnswer = await servePage(signInPage, `/connexion?vers=${encodeURIComponent(PRESCRIPTION)}`);
    expect(signInAnswer.status).toBe(200);
    expect(signInAnswer.setCookies).toEqual([`${KEPT}; Path=/; Max-Age=900; SameSite=Lax; HttpOnly`]);

    const { cookie } = await patient();
    const landed = await servePage(afterSignInPage, "/connexion/suite", { cookie: `${cookie}; ${KEPT}` });
    expect(landed).toMatchObject({ status: 307, redirect: PRESCRIPTION });
    expect(landed.setCookies).toEqual(["espace-sante.retour=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly"]);
    // Without it (forgotten by the browser), the next sign-in goes home.
    expect(await servePage(afterSignInPage, "/connexion/suite", { cookie })).toEqual({ status: 307, redirect: "/" });
  });

  it("takes someone already signed in straight to it", async () => {
    const { cookie } = await patient();
    expect(await servePage(signInPage, `/connexion?vers=${encodeURIComponent(PRESCRIPTION)}`, { cookie })).toEqual({ status: 307, redirect: PRESCRIPTION });
    expect(await servePage(signInPage, `/connexion?vers=${encodeURIComponent("//evil.example")}`, { cookie })).toEqual({ status: 307, redirect: "/" });
  });

  it("keeps and follows nothing but a page of the portal's spaces, whatever the address or the cookie says", async () => {
    for (const elsewhere of ["//evil.example", "https://evil.example/espace", "/espace/%2e%2e/connexion", "/api/fhir/R4/Patient"]) {
      const answer = await servePage(signInPage, `/connexion?vers=${encodeURIComponent(elsewhere)}`);
      expect(answer.status, elsewhere).toBe(200);
      expect(answer.setCookies, elsewhere).toBeUndefined();
    }
    const { cookie } = await patient();
    for (const forged of ["%2F%2Fevil.example", "https%3A%2F%2Fevil.example", "%E0%A4%A", "%2Fespace%2F..%2Fconnexion"]) {
      expect(await servePage(afterSignInPage, "/connexion/suite", { cookie: `${cookie}; espace-sante.retour=${forged}` }), forged).toEqual({ status: 307, redirect: "/" });
    }
  });
});
