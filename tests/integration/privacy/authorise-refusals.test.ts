import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import * as sharingPage from "@/pages/espace/partage";
import { clock } from "../delegations/test-clock";
import { appUrl } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { useTestDatabase } from "../../setup/test-database";
import { buildPrivacyWorld, noticeOf, post, type PrivacyWorld } from "./world";

vi.mock("@/server/clock", () => import("../delegations/test-clock"));
const db = useTestDatabase();

/**
 * « Autoriser un professionnel » refused: each refusal with its own code and words. A
 * time-limited authorisation refused for its date said « Ce professionnel est bloqué » (found by
 * an exploratory test): every 422 of the route had the blocked professional's code. The date is
 * refused by the use case when it is not ahead on the server's clock, moved here past the day the
 * form allowed (only that clock: sessions keep the real one).
 */
let world: PrivacyWorld;
beforeAll(async () => {
  world = await buildPrivacyWorld();
}, 120_000);

const consentCount = async () => (await db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "Consent" } })) as number;
const pageFor = async (answer: Response) => {
  const location = new URL(answer.headers.get("location") ?? "/", appUrl());
  return (await servePage(sharingPage, `${location.pathname}${location.search}`, { cookie: world.sessions.camille.cookie })).html!.replace(/&#x27;/g, "'");
};

describe("authorising a professional, refused", () => {
  it("for its end date says the date, not that the professional is blocked; nothing is stored", async () => {
    const before = await consentCount();
    clock.offsetMs = 3 * 24 * 3600 * 1000;
    let answer: Response;
    try {
      answer = await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: addDaysToDay(parisDayOf(new Date()), 1) }, { cookie: world.sessions.camille.cookie });
    } finally {
      clock.offsetMs = 0;
    }
    expect(noticeOf(answer)).toBe("date");
    const page = await pageFor(answer);
    expect(page).toContain("La date de fin n'est pas acceptée : elle doit être aujourd'hui ou un jour à venir, dans les trois ans au plus. Rien n'a changé.");
    expect(page).not.toContain("Ce blocage est toujours en place");
    expect(await consentCount()).toBe(before);
  });

  it("for a past day, from a search result: back to that result, its form open and the day's field marked and described", async () => {
    // Found by walking the page on a phone: the refusal came back to the top of the page, the
    // search results gone and the form closed, with no word of whose date or which field.
    const before = await consentCount();
    const yesterday = addDaysToDay(parisDayOf(new Date()), -1);
    const answer = await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: yesterday, q: "Bêta" }, { cookie: world.sessions.camille.cookie });
    const location = new URL(answer.headers.get("location") ?? "/", appUrl());
    expect(location.searchParams.get("message")).toBe("date");
    expect(location.searchParams.get("q")).toBe("Bêta");
    expect(location.searchParams.get("praticien")).toBe(world.beta);
    const page = await pageFor(answer);
    expect(page).toContain("Résultats pour « Bêta »");
    const form = /<details open="">[\s\S]*?<\/details>/.exec(page)?.[0] ?? "";
    expect(form).toContain(`name="praticien" value="${world.beta}"`);
    expect(form).toContain('name="q" value="Bêta"');
    const field = /<input[^>]*name="jusqu_au"[^>]*>/.exec(form)?.[0] ?? "";
    expect(field).toContain('aria-invalid="true"');
    expect(field).toContain(`aria-describedby="resultat-${world.beta}-until-error resultat-${world.beta}-until-hint"`);
    expect(form).toContain(`id="resultat-${world.beta}-until-error"`);
    expect(form).toContain("Choisissez aujourd'hui ou un jour à venir, dans les trois ans au plus.");
    // One form open, the refused one's: the other professionals' stay closed.
    expect(page.match(/<details open="">/g)).toHaveLength(1);
    expect(await consentCount()).toBe(before);
  });

  it("for a day the use case finds past, from the authorised list: that professional's form open, the field marked", async () => {
    expect(noticeOf(await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: "" }, { cookie: world.sessions.camille.cookie }))).toBe("autorise");
    clock.offsetMs = 3 * 24 * 3600 * 1000;
    let answer: Response;
    try {
      answer = await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: addDaysToDay(parisDayOf(new Date()), 1) }, { cookie: world.sessions.camille.cookie });
    } finally {
      clock.offsetMs = 0;
    }
    expect(noticeOf(answer)).toBe("date");
    const page = await pageFor(answer);
    const form = /<details open="">[\s\S]*?<\/details>/.exec(page)?.[0] ?? "";
    expect(form).toContain(`id="pro-${world.beta}-until-error"`);
    expect(/<input[^>]*name="jusqu_au"[^>]*>/.exec(form)?.[0]).toContain('aria-invalid="true"');
    expect(await post("retirer", { praticien: world.beta }, { cookie: world.sessions.camille.cookie }).then(noticeOf)).toBe("retire");
  });

  it("for a blocked professional still says to lift the block first", async () => {
    expect(noticeOf(await post("bloquer", { praticien: world.alpha }, { cookie: world.sessions.camille.cookie }))).toBe("bloque");
    const answer = await post("autoriser", { praticien: world.alpha, niveau: "N", jusqu_au: "" }, { cookie: world.sessions.camille.cookie });
    expect(noticeOf(answer)).toBe("bloque_d_abord");
    expect(await pageFor(answer)).toContain("Ce blocage est toujours en place : débloquez d'abord, puis autorisez.");
  });
});
