import type { Bundle } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import * as historyRoute from "@/pages/espace/historique";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { t } from "@/lib/i18n/messages";
import { useTestDatabase } from "../../setup/test-database";
import { fhir, signIn, type SignedIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { buildPrivacyWorld, noticeOf, post, type PrivacyWorld } from "./world";

const db = useTestDatabase();

/**
 * "Voir qui a consulté mon dossier" is a right of its own (audit:read), apart from managing the
 * sharing settings: a caregiver given only that right reads the history page and the trail
 * through the FHIR API, and changes nothing of the sharing (not even through "Je ne reconnais
 * pas cet accès", which blocks the professional and so is not offered to them); a caregiver
 * without it is refused the trail; one who manages sharing still reads it.
 */
let world: PrivacyWorld;
let auditor: SignedIn;
let professionalAccess: string;
beforeAll(async () => {
  world = await buildPrivacyWorld();
  const auditorId = (await world.system.create(aPatient({ given: "Alix", family: "Lecture" }))).id!;
  await world.system.create(aDelegation({ patientId: world.camilleId, agentPatientId: auditorId, agentName: { given: "Alix", family: "Lecture" }, scopes: ["audit:read"] }));
  auditor = await signIn(`Patient/${auditorId}`, { space: world.camilleId, name: "Alix Lecture" });
  // A professional's access for the trail to show: Camille authorises Dr Alpha, who reads a document.
  expect(noticeOf(await post("autoriser", { praticien: world.alpha, niveau: "N", jusqu_au: "" }, { cookie: world.sessions.camille.cookie }))).toBe("autorise");
  expect((await fhir("GET", `DocumentReference/${world.documents.normal.id}`, { cookie: world.sessions.alpha.cookie })).status).toBe(200);
  const access = await db().prisma.auditEvent.findFirst({ where: { patientId: world.camilleId, agent: `Practitioner/${world.alpha}`, interaction: "read", outcome: "success" }, orderBy: { seq: "desc" } });
  professionalAccess = access!.id;
}, 120_000);

/** The history page (/espace/historique) as this session's browser gets it. */
async function historyPage(cookie: string): Promise<string> {
  const answer = await servePage(historyRoute, "/espace/historique", { cookie });
  if (answer.html === undefined) throw new Error(`no page: ${JSON.stringify(answer)}`);
  return answer.html;
}

const trailIds = async (cookie: string) => {
  const answer = await fhir("GET", `AuditEvent?patient=${world.camilleId}&_count=50`, { cookie });
  return { status: answer.status, ids: ((answer.json() as Bundle).entry ?? []).map((e) => e.resource?.id ?? "") };
};
const consents = () => db().prisma.resource.count({ where: { patientId: world.camilleId, resourceType: "Consent" } });
const REPORT_BUTTON = t("unrecognised.button");
/** The refusal as the page's HTML spells it (React escapes the apostrophes). */
const NOT_ALLOWED = t("outOfReach.trail").replace(/'/g, "&#x27;");

describe("a caregiver with only 'voir qui a consulté mon dossier' (audit:read)", () => {
  it("reads the trail through the FHIR API, search and read", async () => {
    const { status, ids } = await trailIds(auditor.cookie);
    expect(status).toBe(200);
    expect(ids).toContain(professionalAccess);
    expect((await fhir("GET", `AuditEvent/${professionalAccess}`, { cookie: auditor.cookie })).status).toBe(200);
  });

  it("reads the history page, with Dr Alpha's access, but is not offered to report it", async () => {
    const html = await historyPage(auditor.cookie);
    expect(html).toContain("Dr Anne Alpha");
    expect(html).not.toContain(NOT_ALLOWED);
    expect(html).not.toContain(REPORT_BUTTON);
    // The caregiver who manages sharing is offered it: the difference is the right, not the page.
    expect(await historyPage(world.sessions.manager.cookie)).toContain(REPORT_BUTTON);
  });

  it("changes nothing of the sharing settings, and sees nothing else of the record", async () => {
    const before = await consents();
    expect(noticeOf(await post("bloquer", { praticien: world.alpha }, { cookie: auditor.cookie }))).toBe("interdit");
    expect(noticeOf(await post("autoriser", { praticien: world.beta, niveau: "N", jusqu_au: "" }, { cookie: auditor.cookie }))).toBe("interdit");
    expect(noticeOf(await post("urgence", { choix: "refused" }, { cookie: auditor.cookie }))).toBe("interdit");
    const report = await post("signaler", { acces: professionalAccess }, { cookie: auditor.cookie });
    expect(noticeOf(report) ?? String(report.status)).toMatch(/^(interdit|404)$/);
    expect(await consents()).toBe(before);
    expect(await db().prisma.auditEvent.count({ where: { patientId: world.camilleId, interaction: "report-access", entity: `AuditEvent/${professionalAccess}` } })).toBe(0);
    expect((await fhir("GET", `DocumentReference/${world.documents.normal.id}`, { cookie: auditor.cookie })).status).toBe(404);
    const sharing = await fhir("GET", `Consent?patient=${world.camilleId}`, { cookie: auditor.cookie });
    expect(sharing.status === 200 ? ((sharing.json() as Bundle).entry ?? []).length : 0).toBe(0);
    // Dr Alpha still reads: nothing was blocked.
    expect((await fhir("GET", `DocumentReference/${world.documents.normal.id}`, { cookie: world.sessions.alpha.cookie })).status).toBe(200);
  });
});

describe("a caregiver without it", () => {
  it("is refused the trail (API and page); a caregiver who manages sharing still reads it", async () => {
    const helper = world.sessions.helper.cookie;
    const { ids } = await trailIds(helper);
    expect(ids).toEqual([]);
    expect((await fhir("GET", `AuditEvent/${professionalAccess}`, { cookie: helper })).status).toBe(404);
    expect(await historyPage(helper)).toContain(NOT_ALLOWED);
    expect((await trailIds(world.sessions.manager.cookie)).ids).toContain(professionalAccess);
  });
});

describe("the history page's \"Je ne reconnais pas cet accès\"", () => {
  /** What the page's form submits when the button is pressed: its one action, and the button's name and value. */
  function reportForm(html: string): { action: string; buttons: Map<string, string> } {
    const forms = [...html.matchAll(/<form[^>]*action="([^"]*)"[^>]*>/g)].map((m) => m[1]!).filter((action) => action.includes("signaler"));
    // One form around the table, not one per entry.
    expect(forms).toEqual(["/api/partage/signaler"]);
    const buttons = new Map<string, string>();
    for (const [, attributes, text] of html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)) {
      const attribute = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attributes!)?.[1];
      if (attribute("name") === "acces") buttons.set(attribute("value")!, text!);
    }
    return { action: forms[0]!, buttons };
  }

  it("is one form with a button per professional's access, whose value names the entry; pressing it blocks the professional and the entry says so", async () => {
    const before = await historyPage(world.sessions.camille.cookie);
    const { buttons } = reportForm(before);
    expect(buttons.get(professionalAccess)).toBe(REPORT_BUTTON.replace(/'/g, "&#x27;"));
    // What the button does is said once, in words, and read with each button (not a title only a mouse shows).
    expect(before).toContain(`id="signaler-aide"`);
    expect(before).toMatch(new RegExp(`<button[^>]*value="${professionalAccess}" aria-describedby="qui-${professionalAccess} signaler-aide"`));
    expect(before).not.toMatch(/<button[^>]*title=[^>]*name="acces"/);

    // The browser posts the button's name and value: acces=<entry>.
    expect(noticeOf(await post("signaler", { acces: professionalAccess }, { cookie: world.sessions.camille.cookie }))).toBe("signale");
    expect((await fhir("GET", `DocumentReference/${world.documents.normal.id}`, { cookie: world.sessions.alpha.cookie })).status).toBe(404);
    const after = await historyPage(world.sessions.camille.cookie);
    expect(after).toContain(t("unrecognised.flagged"));
    expect(reportFormOrNone(after).has(professionalAccess)).toBe(false);
  });

  /** The buttons still offered (none left: no form at all). */
  function reportFormOrNone(html: string): Map<string, string> {
    return html.includes(`action="/api/partage/signaler"`) ? reportForm(html).buttons : new Map();
  }
});
