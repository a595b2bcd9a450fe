import type { RelatedPerson } from "@medplum/fhirtypes";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as home from "@/pages/espace";
import * as documents from "@/pages/espace/documents";
import * as prevention from "@/pages/espace/prevention";
import * as preferences from "@/pages/espace/notifications/preferences";
import { KIND_INFO } from "@/lib/notifications/kinds";
import { personWithAccount } from "../delegations/world";
import * as history from "@/pages/espace/historique";
import * as relatives from "@/pages/espace/proches";
import { endProtectionMeasure } from "@/server/guardianship/end-protection-measure";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, resourceOf, sessionOf } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { noticeOf, post } from "../delegations/world";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { clock } from "../delegations/test-clock";
import { DECISION, measureWorld } from "./world";

vi.mock("@/server/clock", () => import("../delegations/test-clock"));

const db = useTestDatabase();
const DAY = 24 * 3600 * 1000;
const text = (html: string | undefined) => (html ?? "").replaceAll("&#x27;", "'");
const ENDED = "Vous n'avez plus accès à cet espace";
const MEASURE_ENDED = "la mesure de protection par laquelle le juge vous avait confié sa représentation est terminée";
const WITHDRAWN = "il a été retiré, ou il est arrivé à sa date de fin";

afterEach(() => {
  clock.offsetMs = 0;
});

describe("a judge's protection measure recorded by the assistance", () => {
  it("opens the adult's space to her representative, pages and API, traced for her; she keeps hers and reads the measure", async () => {
    const { ines, paul, documentId, measureId } = await measureWorld("measure-access");
    const paulInInes = await sessionOf(paul.account, ines.patientId);

    // The pages: the banner says whose space, the document is listed.
    const page = text((await servePage(documents, "/espace/documents", { cookie: paulInInes.cookie, framed: true })).html);
    expect(page).toContain("Vous êtes dans l'espace d'Ines Protegee");
    expect(page).toContain("vous exercez sa représentation légale");
    expect(page).toContain("Bilan sanguin d'Ines");
    // The FHIR API.
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(200);
    // His own relatives page lists her space, as a parent's lists a child's.
    const his = text((await servePage(relatives, "/espace/proches", { cookie: paul.session.cookie })).html);
    expect(his).toContain("Ines Protegee — vous êtes son représentant légal");

    // Hers is an adult's space, not a child's: no growth chart on its home, not among his children's calendars.
    const inHers = text((await servePage(home, "/espace", { cookie: paulInInes.cookie, framed: true })).html);
    expect(inHers).toContain("Ines Protegee");
    expect(inHers).not.toContain("/espace/carnet-enfant");
    expect(text((await servePage(prevention, "/espace/prevention", { cookie: paul.session.cookie })).html)).not.toContain("Le calendrier de vos enfants");

    // She keeps her own access (CSP L1111-2; Code civil 457-1, 459).
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: ines.session.cookie })).status).toBe(200);
    // Her page shows the measure: who, until when, the decision, set by the assistance; nothing to change.
    const hers = text((await servePage(relatives, "/espace/proches", { cookie: ines.session.cookie })).html);
    expect(hers).toContain("Paul Tuteur");
    expect(hers).toContain(`Mesure de protection décidée par le juge : ${DECISION}.`);
    expect(hers).toMatch(/jusqu'au \d{1,2}(er)? \S+ \d{4} inclus/);
    expect(hers).toContain("Enregistrée par l'assistance du service sur décision du juge");
    expect(hers).not.toContain(`/espace/proches/${measureId}`);
    expect(hers).not.toContain(`/api/proches/${measureId}/`);

    // His reading is in her trail, for her.
    const trail = text((await servePage(history, "/espace/historique", { cookie: ines.session.cookie })).html);
    expect(trail).toContain("Paul Tuteur");
    expect(trail).toContain("pour vous");
    const rows = await db().sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_event WHERE patient_id = $1::uuid AND entity = $2 AND agent = $3 AND on_behalf_of = $4",
      [ines.patientId, `DocumentReference/${documentId}`, `Patient/${paul.patientId}`, `Patient/${ines.patientId}`],
    );
    expect(rows[0]!.n).toBeGreaterThan(0);

    // Both were told: a notice of the measure in her space and in his account (his alone: measure-notices-of-representative.test.ts),
    // and an e-mail with no name, decision or health data.
    for (const [column, id] of [["patient_id", ines.patientId], ["account_id", paul.account.id]] as const) {
      const notices = await db().sql.query<{ kind: string }>(`SELECT kind FROM notification WHERE ${column} = $1::uuid`, [id]);
      expect(notices.map((notice) => notice.kind)).toContain("protection-measure-set");
    }
    for (const to of [ines.email, paul.email]) {
      const mails = await db().sql.query<{ subject: string; text_body: string }>("SELECT subject, text_body FROM email_outbox WHERE recipient = $1", [to]);
      expect(mails.length, to).toBeGreaterThan(0);
      const all = mails.map((mail) => `${mail.subject}\n${mail.text_body}`).join("\n");
      expect(all).toContain("Vous avez une nouvelle notification dans votre espace santé");
      for (const secret of ["Ines", "Paul", "Protegee", "Tuteur", "RG 26/01234", "Bilan"]) expect(all).not.toContain(secret);
    }
  });

  it("lets the representative invite for her the ties of an adult (a spouse), until the measure's last day at most", async () => {
    const { ines, paul } = await measureWorld("measure-invite", 90);
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    const invite = (fin: string) => post("inviter", { prenom: "Sam", nom: "Conjoint", email: `sam-${Date.now()}@example.org`, lien: "conjoint", droits: ["documents:read"], fin }, paulInInes.cookie);
    expect(noticeOf(await invite(addDaysToDay(parisDayOf(new Date()), 60)))).toBe("invite");
    // Not past the measure: his choice for her ends with his power to make it.
    expect(noticeOf(await invite(addDaysToDay(parisDayOf(new Date()), 120)))).toBe("date");
  });

  it("lists the measure's notices in the preferences of the adult and her representative only", async () => {
    const { system, ines, paul } = await measureWorld("measure-preferences");
    const stranger = await personWithAccount(system, "Zoe", "Seule", "female");
    const label = KIND_INFO["protection-measure-set"].label;
    const listed = async (cookie: string) => text((await servePage(preferences, "/espace/notifications/preferences", { cookie })).html).includes(label);
    expect([await listed(ines.session.cookie), await listed(paul.session.cookie), await listed(stranger.session.cookie)]).toEqual([true, true, false]);
  });

  it("ends at the assistance's mainlevée: his very next view says his access ended; hers goes on", async () => {
    const { ines, paul, documentId, measureId } = await measureWorld("measure-end");
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    expect(text((await servePage(documents, "/espace/documents", { cookie: paulInInes.cookie, framed: true })).html)).not.toContain(ENDED);

    expect(await endProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, now: new Date() })).toEqual({ ok: true, relatedPersonId: measureId });

    const after = text((await servePage(documents, "/espace/documents", { cookie: paulInInes.cookie, framed: true })).html);
    expect(after).toContain(ENDED);
    // Why, in his words: the measure ended, not « retiré, ou arrivé à sa date de fin ».
    expect(after).toContain(MEASURE_ENDED);
    expect(after).not.toContain(WITHDRAWN);
    expect(after).not.toContain("Bilan sanguin");
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(404);
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: ines.session.cookie })).status).toBe(200);
    const stored = resourceOf<RelatedPerson>(await fhir("GET", `RelatedPerson/${measureId}`, { cookie: ines.session.cookie }));
    expect(stored.active).toBe(false);
    expect(text((await servePage(relatives, "/espace/proches", { cookie: ines.session.cookie })).html)).toContain("Terminée avant sa date de fin : l'assistance du service a enregistré la décision du juge.");
    // Ended once: a second run finds no measure going on.
    expect(await endProtectionMeasure({ adultEmail: ines.email, representativeEmail: paul.email, now: new Date() })).toEqual({ ok: false, reason: "no-measure" });
  });

  it("ends by itself after its last day (Paris, the day included)", async () => {
    const { ines, paul, documentId } = await measureWorld("measure-expiry", 1);
    const paulInInes = await sessionOf(paul.account, ines.patientId);
    // Tomorrow is its last day: still his.
    clock.offsetMs = DAY;
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(200);
    // The day after that: over, on his very next view.
    clock.offsetMs = 2 * DAY + 1;
    const over = text((await servePage(documents, "/espace/documents", { cookie: paulInInes.cookie, framed: true })).html);
    expect(over).toContain(ENDED);
    expect(over).toContain(MEASURE_ENDED);
    expect(over).not.toContain(WITHDRAWN);
    expect((await fhir("GET", `DocumentReference/${documentId}`, { cookie: paulInInes.cookie })).status).toBe(404);
  });
});
