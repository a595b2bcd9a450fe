import { beforeAll, describe, expect, it, vi } from "vitest";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aPatient } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship } from "@/lib/fhir/builders/rules";
import { POST as switchSpaceRoute } from "@/app/(patient)/espace/espace-actif/route";
import * as notificationsPage from "@/pages/espace/notifications";
import { systemRepository } from "@/server/fhir/repository";
import { notify } from "@/server/notifications/notify";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { sessionOf, warmUpValidator } from "../fhir-api/http";
import { inRequestScope } from "../../setup/next-headers-scope";
import { formPost, locationOf } from "../prescriptions/http";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/** The page's words as a person reads them: tags dropped, React's escaped apostrophes read back. */
const text = (html: string | undefined) => (html ?? "").replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/\s+/g, " ");
/** The list's items, each as read. */
const items = (html: string | undefined) => (html ?? "").split("<li").slice(1).map((item) => text(`<li${item}`));

/**
 * « Notifications » read by someone acting in another person's space: the page says whose
 * notices it lists, and each one whose record it concerns. A guardian in her son's space sees
 * his notices beside her own and her account's; a caregiver without the history right sees
 * only her own, and is told so. The patient in her own space reads the page as before.
 */
type Person = Awaited<ReturnType<typeof personWithAccount>>;
let mother: Person;
let nadia: Person;
let leo: string;

beforeAll(async () => {
  warmUpValidator();
  const system = await systemRepository("caregiver-notifications-tests");
  mother = await personWithAccount(system, "Sarah", "Notices", "female");
  nadia = await personWithAccount(system, "Nadia", "Aidee", "female");
  leo = (await system.create(aPatient({ given: "Leo", family: "Notices", birthDate: "2017-03-02" }))).id!;
  await system.create(aGuardianship({ patientId: leo, agentPatientId: mother.patientId, scopes: [] }));
  // Sarah acts for Nadia too, with her documents only: not the right to see who looked at her record.
  await system.create(
    aDelegation({ patientId: nadia.patientId, agentPatientId: mother.patientId, agentName: { given: "Sarah", family: "Notices" }, scopes: ["documents:read"], end: addDaysToDay(parisDayOf(new Date()), 60) }),
  );
  const sql = db().sql;
  await notify(sql, { patientId: leo, kind: "pro-first-access" });
  await notify(sql, { patientId: mother.patientId, kind: "delegation-ending", link: "/espace/proches" });
  await notify(sql, { accountId: mother.account.id, kind: "new-sign-in" });
  await notify(sql, { patientId: nadia.patientId, kind: "document-added" });
}, 120_000);

const pageAs = async (cookie: string) => {
  const answer = await servePage(notificationsPage, "/espace/notifications", { cookie, framed: true });
  expect(answer.status).toBe(200);
  return answer.html;
};

describe("the notifications page, in a child's space, to his guardian", () => {
  it("says it lists his notices beside her own, and each one says whose it is, his by name, never « votre dossier »", async () => {
    const html = await pageAs((await sessionOf(mother.account, leo)).cookie);
    const words = text(html);
    expect(words).toContain(
      "Ce qui s'est passé dans l'espace santé de Leo Notices (accès à son dossier, nouveaux documents, ordonnances partagées, délégations), et ce qui concerne votre propre compte et votre propre espace. Chaque notification dit de qui elle parle.",
    );
    expect(words).not.toContain("Ce qui s'est passé dans votre espace santé");

    const listed = items(html);
    const his = listed.find((item) => item.includes("pour la première fois"));
    expect(his).toContain("Un professionnel de santé a consulté le dossier de Leo Notices pour la première fois.");
    expect(his).toContain("· Espace de Leo Notices");
    expect(his).not.toMatch(/\bvotre dossier\b/);
    expect(listed.find((item) => item.includes("Une délégation prend fin bientôt."))).toContain("· Votre propre espace");
    expect(listed.find((item) => item.includes("Une connexion à votre compte a eu lieu depuis un nouveau navigateur."))).toContain("· Votre compte");
    // Nadia's notices are not Sarah's to read here: not in Léo's space.
    expect(words).not.toContain("Nadia");
    expect(words).not.toContain("ajouté un document");
  });
});

describe("the notifications page, in the space of a person who did not give the history right", () => {
  it("says her notices are not shown here, and why; lists the caregiver's own only", async () => {
    const html = await pageAs((await sessionOf(mother.account, nadia.patientId)).cookie);
    const words = text(html);
    expect(words).toContain(
      "Vos notifications : celles de votre propre compte et de votre propre espace santé. Celles de l'espace de Nadia Aidee ne s'affichent pas ici : votre délégation ne comprend pas le droit de voir qui a consulté son dossier.",
    );
    expect(words).not.toContain("ajouté un document");
    expect(words).not.toContain("Ce qui s'est passé dans");
    const listed = items(html);
    expect(listed.find((item) => item.includes("Une délégation prend fin bientôt."))).toContain("· Votre propre espace");
  });
});

describe("the notifications page, in one's own space", () => {
  it("reads as before: « votre espace santé », no mark of whose each notice is; her son's notices are counted apart, not listed", async () => {
    const leoSearches = async () =>
      (await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND entity = 'Notification' AND interaction = 'search'", [leo])).length;
    const before = await leoSearches();
    const html = await pageAs(mother.session.cookie);
    const words = text(html);
    // Her own list holds her account's notices too (sign-ins, password, passkeys): the intro names them.
    expect(words).toContain(
      "Ce qui s'est passé dans votre espace santé (accès à votre dossier, nouveaux documents, ordonnances partagées, délégations) et sur votre compte (connexions, mot de passe, clés d'accès, codes de secours). Elles sont conservées un an.",
    );
    expect(words).toContain("Une délégation prend fin bientôt.");
    expect(words).not.toMatch(/· (Votre propre espace|Votre compte|Espace de)/);
    // Léo's notice is his space's: counted in a section of its own, with the way there, not listed among hers.
    expect(words).toContain("Dans les espaces où vous agissez");
    expect(words).toContain("Dans l'espace de Leo Notices : 1 notification non lue");
    expect(words).not.toContain("pour la première fois");
    expect(html).toContain(`name="patientId" value="${leo}"`);
    expect(html).toContain('name="suite" value="notifications"');
    // The look at his notices is in his trail.
    expect(await leoSearches()).toBe(before + 1);
    // Nadia's space: Sarah may not read its notices (no history right), so nothing of it is said.
    expect(words).not.toContain("Nadia");
  });

  it("counts them in one statement, however many children have unread notices", async () => {
    const system = await systemRepository("caregiver-notifications-tests");
    const statementsOfPage = async (cookie: string) => {
      await pageAs(cookie);
      const spy = vi.spyOn(db().sql, "query");
      try {
        const words = text(await pageAs(cookie));
        // The statements that read notices: a count of every statement also caught, once in a
        // full run, a write of this process's batched counters landing during the page.
        const notices = spy.mock.calls.filter(([statement]) => typeof statement === "string" && /\bnotification\b/.test(statement));
        return { statements: notices.length, words };
      } finally {
        spy.mockRestore();
      }
    };
    const guardianOf = async (children: number) => {
      const parent = await personWithAccount(system, "Paul", `Fratrie${children}`, "male");
      for (let i = 0; i < children; i++) {
        const child = (await system.create(aPatient({ given: `Enfant${i}`, family: `Fratrie${children}`, birthDate: "2015-01-01" }))).id!;
        await system.create(aGuardianship({ patientId: child, agentPatientId: parent.patientId, scopes: [] }));
        await notify(db().sql, { patientId: child, kind: "document-added" });
      }
      return statementsOfPage(parent.session.cookie);
    };
    const one = await guardianOf(1);
    const three = await guardianOf(3);
    expect(three.words).toContain("Dans l'espace d'Enfant2 Fratrie3 : 1 notification non lue");
    expect(one.statements).toBeGreaterThan(0);
    expect(three.statements).toBe(one.statements);
  });

  it("takes her, by that form, to her son's notifications page", async () => {
    const request = formPost("/espace/espace-actif", { patientId: leo, suite: "notifications" }, { cookie: mother.session.cookie });
    const answer = await inRequestScope(request, () => switchSpaceRoute(request));
    expect(answer.status).toBe(303);
    expect(locationOf(answer)).toBe("/espace/notifications");
  });
});
