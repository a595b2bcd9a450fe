import { describe, expect, it } from "vitest";
import * as signInPage from "@/pages/connexion";
import * as afterSignInPage from "@/pages/connexion/suite";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { systemRepository } from "@/server/fhir/repository";
import { notificationEmail } from "@/server/notifications/notification-email";
import { appUrl, signIn } from "../fhir-api/http";
import { useTestDatabase } from "../../setup/test-database";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * A notification's e-mail says « Connectez-vous pour la lire » with a link: followed, signed out
 * then signed in, or already signed in, it ends on the notifications page of the account's own
 * area, where the notice is. It was the bare sign-in address, which ended on the home page (found
 * by the walk of the portal: the person had to look for the notice).
 */
function signInLinkOf(accountKind: "patient" | "practitioner"): string {
  const email = notificationEmail("message-received", { email: "quelqu.un@example.org", accountKind }, appUrl());
  const link = /Connectez-vous pour la lire : (\S+)/.exec(email.text)?.[1];
  if (!link?.startsWith(appUrl())) throw new Error(`no sign-in link in ${email.text}`);
  return link.slice(appUrl().length);
}

async function personOf(accountKind: "patient" | "practitioner") {
  const system = await systemRepository("notification-email-link-tests");
  if (accountKind === "patient") {
    const id = (await system.create(aPatient({ given: "Lise", family: "Lien", birthDate: "1971-03-04" }))).id!;
    return signIn(`Patient/${id}`, { name: "Lise Lien" });
  }
  const id = (await system.create(aPractitioner({ given: "Paul", family: "Lien" }))).id!;
  return signIn(`Practitioner/${id}`, { name: "Dr Paul Lien" });
}

describe("the sign-in link of a notification's e-mail", () => {
  it.each([
    ["patient", "/espace/notifications"],
    ["practitioner", "/pro/notifications"],
  ] as const)("of a %s's notice ends on %s", async (accountKind, notifications) => {
    const link = signInLinkOf(accountKind);
    expect(new URL(link, appUrl()).pathname).toBe("/connexion");

    // Signed out: the sign-in page keeps where to go, and the page every sign-in lands on goes there.
    const signedOut = await servePage(signInPage, link);
    expect(signedOut.status).toBe(200);
    const kept = signedOut.setCookies?.[0]?.split(";")[0];
    expect(kept).toBe(`espace-sante.retour=${encodeURIComponent(notifications)}`);
    const { cookie } = await personOf(accountKind);
    expect(await servePage(afterSignInPage, "/connexion/suite", { cookie: `${cookie}; ${kept}` })).toMatchObject({ status: 307, redirect: notifications });

    // Already signed in (the session still open in this browser): straight there.
    expect(await servePage(signInPage, link, { cookie })).toEqual({ status: 307, redirect: notifications });
  });
});
