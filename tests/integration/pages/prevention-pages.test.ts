import { beforeAll, describe, expect, it } from "vitest";
import * as preventionPage from "@/pages/espace/prevention";
import * as recordPage from "@/pages/espace/prevention/carnet";
import * as certificatePage from "@/pages/espace/prevention/carnet/certificat";
import { anImmunization, VACCINES } from "@/lib/fhir/builders/record";
import { SYSTEMS } from "@/lib/fhir/systems";
import { systemRepository } from "@/server/fhir/repository";
import { todayInParis } from "@/server/prevention/days";
import { frDay } from "@/server/prevention/evaluators/context";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, type World } from "../prevention/world";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * The vaccination record and its printable certificate, served by the Pages Router without
 * runtime JavaScript: their getServerSideProps with the request Next hands them, then the HTML.
 * Jean (his dTP of 2015), Camille in her son Léo's space (his hexavalent; a minor-secret one she
 * may not see), Nadia as Jean's caregiver (record:read), Dr Bernard.
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
  const system = await systemRepository("prevention-pages-tests");
  await system.create(anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.hexavalent, date: "2016-11-10T10:00:00+01:00", lot: "HEXA-LOT-1", doseNumber: 1 }));
  await system.create({
    ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.hpv, date: "2026-01-12T10:00:00+01:00", lot: "SECRET-LOT" }),
    meta: { security: [{ system: SYSTEMS.privacyLabel, code: "minor-secret" }] },
  });
  // Doses that were not given: a refusal recorded as not done, an entry in error, a subpotent dose.
  await system.create({ ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.flu, date: "2025-11-03T10:00:00+01:00", lot: "NOTDONE-LOT" }), status: "not-done" });
  await system.create({ ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.flu, date: "2025-11-04T10:00:00+01:00", lot: "ERROR-LOT" }), status: "entered-in-error" });
  await system.create({ ...anImmunization({ patientId: world.ids.leo, vaccine: VACCINES.flu, date: "2025-11-05T10:00:00+01:00", lot: "SUBPOTENT-LOT" }), isSubpotent: true });
}, 120_000);

const RECORD = "/espace/prevention/carnet";
const CERTIFICATE = "/espace/prevention/carnet/certificat";

type Options = Parameters<typeof servePage>[2];
const serveRecord = (path: string, options?: Options) => servePage(recordPage, path, options);
const serveCertificate = (path: string, options?: Options) => servePage(certificatePage, path, options);

async function html(serve: typeof serveRecord, path: string, cookie: string, address?: string) {
  const answer = await serve(path, { cookie, address });
  expect(answer.status, path).toBe(200);
  return answer.html!;
}

describe("the vaccination record (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and a professional to their own space", async () => {
    for (const [serve, path] of [[serveRecord, RECORD], [serveCertificate, CERTIFICATE]] as const) {
      expect(await serve(path)).toEqual(toSignIn(path));
      expect(await serve(path, { cookie: "authjs.session-token=forged" })).toEqual(toSignIn(path));
      expect(await serve(path, { cookie: world.sessions.bernard.cookie })).toEqual({ status: 307, redirect: "/pro" });
    }
  });

  it("shows Jean his vaccinations and the form to add one, dated today at the latest, and leaves the search in the audit trail", async () => {
    const page = await html(serveRecord, RECORD, world.sessions.jean.cookie, "10.0.0.31");
    expect(page).toContain("<h1");
    expect(page).toContain("Carnet de vaccination");
    expect(page).toContain("Diphtérie, tétanos, poliomyélite (dTP)");
    expect(page).toContain(frDay("2015-06-15"));
    expect(page).toMatch(/<form [^>]*action="\/espace\/prevention\/carnet\/ajouter" method="post">/);
    expect(page).toContain('<option value="shingrix">');
    const today = todayInParis();
    expect(page).toContain(`max="${today}"`);
    expect(page).toContain(`value="${today}"`);
    expect(page).toContain('href="/espace/prevention/carnet/certificat"');
    expect(page).toContain('href="/espace/prevention"');
    // Jean is no one's guardian here: no link to a child's growth.
    expect(page).not.toContain('href="/espace/carnet-enfant"');
    // Nobody else's record.
    expect(page).not.toContain("HEXA-LOT-1");
    const rows = await db().sql.query<{ entity: string | null; interaction: string }>(
      "SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.31'",
      [world.ids.jean],
    );
    expect(rows).toContainEqual({ entity: `Patient/${world.ids.jean}`, interaction: "read" });
    expect(rows.map((row) => row.interaction)).toContain("search");
  });

  it("says what a form's answer code means, and nothing for an unknown or repeated one", async () => {
    const cookie = world.sessions.jean.cookie;
    const added = await html(serveRecord, `${RECORD}?message=ajoute`, cookie);
    expect(added).toContain("est ajouté au carnet de vaccination.");
    expect(added).toContain('role="status"');
    const refused = await html(serveRecord, `${RECORD}?message=refuse`, cookie);
    expect(refused).toContain("Rien n&#x27;a été enregistré : vos droits sur cet espace ne le permettent pas.");
    expect(refused).toContain('role="alert"');
    for (const message of ["%3Cb%3EVaccin%20refus%C3%A9%3C%2Fb%3E", "ajoute&message=ajoute", "__proto__"]) {
      const page = await html(serveRecord, `${RECORD}?message=${message}`, cookie);
      expect(page, message).not.toMatch(/role="(status|alert)"|Vaccin refusé|&lt;b&gt;/);
    }
  });

  it("marks the field a refused vaccination came back for, with its error read with it, and none for the general refusal", async () => {
    const cookie = world.sessions.jean.cookie;
    const input = (page: string, name: string) => page.match(new RegExp(`<input[^>]*name="${name}"[^>]*>`))?.[0] ?? "";
    for (const [code, field, other, error] of [
      ["date-invalide", "date", "lot", "Une date passée, après la naissance."],
      ["lot-invalide", "lot", "date", "Lettres, chiffres, espaces, points, barres obliques et tirets seulement, 40 caractères au plus."],
    ] as const) {
      const page = await html(serveRecord, `${RECORD}?message=${code}`, cookie);
      expect(page, code).toContain('role="alert"');
      expect(input(page, field), code).toContain('aria-invalid="true"');
      const errorId = input(page, field).match(/aria-describedby="([^"]*)"/)?.[1];
      expect(errorId, code).toBeDefined();
      expect(page, code).toMatch(new RegExp(`<p id="${errorId}"[^>]*>.*${error.replace(/[.()]/g, "\\$&")}</p>`));
      expect(input(page, other), code).not.toContain("aria-invalid");
    }
    const general = await html(serveRecord, `${RECORD}?message=invalide`, cookie);
    for (const name of ["date", "lot"]) expect(input(general, name)).not.toContain("aria-invalid");
  });

  it("shows a guardian their child's record with the form and the child's growth, without what the child keeps secret", async () => {
    const page = await html(serveRecord, RECORD, world.sessions.camilleForLeo.cookie);
    expect(page).toContain("Hexavalent DTCaP-Hib-Hépatite B");
    expect(page).toContain("HEXA-LOT-1");
    expect(page).not.toContain("SECRET-LOT");
    expect(page).not.toContain("Diphtérie, tétanos, poliomyélite (dTP)");
    expect(page).toContain('action="/espace/prevention/carnet/ajouter"');
    expect(page).toContain('href="/espace/carnet-enfant"');
  });

  it("shows a caregiver the record they may read, with no form to add to it", async () => {
    const page = await html(serveRecord, RECORD, world.sessions.nadiaForJean.cookie);
    expect(page).toContain("Diphtérie, tétanos, poliomyélite (dTP)");
    expect(page).not.toContain("<form");
    expect(page).not.toContain('href="/espace/carnet-enfant"');
  });
});

describe("the vaccination certificate (Pages Router)", () => {
  it("names the person, their birth date and today, and lists their vaccinations", async () => {
    const page = await html(serveCertificate, CERTIFICATE, world.sessions.jean.cookie);
    expect(page).toContain("Certificat de vaccination");
    expect(page).toContain("<dd>Jean Martin</dd>");
    expect(page).toContain(`<dd>${frDay("1950-06-02")}</dd>`);
    expect(page).toContain(`<dd>${frDay(todayInParis())}</dd>`);
    expect(page).toContain("Diphtérie, tétanos, poliomyélite (dTP)");
    expect(page).not.toContain("<form");
  });

  it("in a child's space, is the child's, without what the child keeps secret", async () => {
    const page = await html(serveCertificate, CERTIFICATE, world.sessions.camilleForLeo.cookie);
    expect(page).toContain("<dd>Léo Martin</dd>");
    expect(page).toContain(`<dd>${frDay("2016-09-10")}</dd>`);
    expect(page).toContain("HEXA-LOT-1");
    expect(page).not.toContain("SECRET-LOT");
    expect(page).not.toContain("Jean Martin");
  });

  it("lists the doses given, as the calendar counts them: not one recorded as not done, in error or subpotent (nor does the carnet)", async () => {
    for (const serve of [serveCertificate, serveRecord]) {
      const page = await html(serve, serve === serveCertificate ? CERTIFICATE : RECORD, world.sessions.camilleForLeo.cookie);
      expect(page).toContain("HEXA-LOT-1");
      for (const lot of ["NOTDONE-LOT", "ERROR-LOT", "SUBPOTENT-LOT"]) expect(page, lot).not.toContain(lot);
    }
  });
});

describe("« C'est fait » refused for its day (the calendar, Pages Router)", () => {
  const input = (page: string, id: string) => page.match(new RegExp(`<input[^>]*id="${id}"[^>]*>`))?.[0] ?? "";

  it("names the item in the notice, links to its date field, and marks that field alone, its error read with it", async () => {
    const page = (await servePage(preventionPage, "/espace/prevention?message=date-invalide&item=FLU", { cookie: world.sessions.jean.cookie })).html!.replace(/&#x27;/g, "'");
    expect(page).toContain('role="alert"');
    expect(page).toMatch(/Rien n'a été enregistré pour « Grippe[^»]*» : vérifiez la date de réalisation \(une date passée, après la naissance\)\./);
    expect(page).toContain('href="#item-flu-date"');
    const flu = input(page, "item-flu-date");
    expect(flu).toContain('aria-invalid="true"');
    expect(flu).toContain('aria-describedby="item-flu-date-error"');
    expect(page).toMatch(/<p id="item-flu-date-error"[^>]*>.*Une date passée, après la naissance\.<\/p>/);
    // The other items' date fields are not marked.
    expect(page.match(/aria-invalid/g)).toHaveLength(1);
  });

  it("marks nothing, and says the general refusal, for an item that is not on the page, none, or a general refusal", async () => {
    const cookie = world.sessions.jean.cookie;
    for (const query of ["message=date-invalide&item=NOT_AN_ITEM", "message=date-invalide", "message=invalide&item=FLU", "message=date-invalide&item=FLU&item=DTP_ADULT"]) {
      const page = (await servePage(preventionPage, `/espace/prevention?${query}`, { cookie })).html!.replace(/&#x27;/g, "'");
      expect(page, query).toContain("Rien n'a été enregistré : vérifiez la date (une date passée, après la naissance) et les champs.");
      expect(page, query).not.toContain("aria-invalid");
      expect(page, query).not.toContain("de la vaccination");
    }
  });
});

describe("the prevention calendar's notices (one list of codes for the three pages)", () => {
  it("says what a form's answer code means, and nothing for an unknown or repeated one", async () => {
    const cookie = world.sessions.jean.cookie;
    const done = (await servePage(preventionPage, "/espace/prevention?message=fait", { cookie })).html!;
    expect(done).toContain("C&#x27;est noté : ce que vous avez déclaré est enregistré dans le dossier.");
    for (const message of ["%3Cb%3EC%27est%20fini%3C%2Fb%3E", "fait&message=fait"]) {
      const page = (await servePage(preventionPage, `/espace/prevention?message=${message}`, { cookie })).html!;
      expect(page, message).not.toMatch(/role="(status|alert)"|C&#x27;est fini|&lt;b&gt;/);
    }
  });
});
