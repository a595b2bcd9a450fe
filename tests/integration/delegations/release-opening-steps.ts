import { afterAll, beforeAll } from "vitest";
import { POST as releaseRoute } from "@/app/api/invitation/annuler-ouverture/route";
import * as releasePage from "@/pages/invitation/ouverture/[token]";
import type { Database } from "@/server/db/client";
import { anAddress } from "../auth/helpers";
import { Browser, startTestServer } from "../auth/test-server";
import { servePage } from "../pages/pages-route";
import { accountOpeningSteps, OPENING_ROUTES } from "./account-opening-steps";
import { buildWorld, type World } from "./world";

/** Where the release's POST leads: done, or refused with nothing changed. */
export const RELEASED = "/invitation/ouverture/fait";
export const REFUSED = "/invitation/ouverture/invalide";

const RELEASE_LINK = /\/invitation\/ouverture\/([A-Za-z0-9_-]{43})/;
/** The secret of the release link an e-mail carries (release-account-opening.ts). */
export const releaseSecretIn = (text: string | undefined) => RELEASE_LINK.exec(text ?? "")?.[1];

/**
 * The world and a server with the account-opening routes and the release's, started for the
 * calling test file; the opening's steps, the release's POST from a browser of its own and its page.
 */
export function releaseOpeningSteps(db: () => Database) {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let world: World;
  beforeAll(async () => {
    world = await buildWorld();
    server = await startTestServer({ ...OPENING_ROUTES, "/api/invitation/annuler-ouverture": releaseRoute }, 1);
  }, 120_000);
  afterAll(() => server.close());
  const steps = accountOpeningSteps(db, () => world);
  return {
    ...steps,
    world: () => world,
    newBrowser: () => new Browser(server.base, anAddress()),
    release: (jeton: string, headers: Record<string, string> = {}) => new Browser(server.base, anAddress()).post("/api/invitation/annuler-ouverture", { jeton }, headers),
    showPage: (secret: string) => servePage(releasePage, `/invitation/ouverture/${secret}`, { params: { token: secret } }),
  };
}
