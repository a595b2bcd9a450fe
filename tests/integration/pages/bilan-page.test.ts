import type { QuestionnaireResponse } from "@medplum/fhirtypes";
import { beforeAll, describe, expect, it } from "vitest";
import * as bilanPage from "@/pages/espace/prevention/bilan";
import { formatDateTime } from "@/lib/documents/format";
import { aPatient, aPractitioner } from "@/lib/fhir/builders/people";
import { aDelegation, aGuardianship, confidentialityLabel } from "@/lib/fhir/builders/rules";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { signIn, type SignedIn } from "../fhir-api/http";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * « Mon bilan prévention », served by the Pages Router without runtime JavaScript: its
 * getServerSideProps with the request Next hands it, then the HTML. Rose (23, in the 18–25 band)
 * filled in two questionnaires, one kept to herself; Hugo is her caregiver (record:read); Jean
 * (76) is past the last band; Camille acts in her son Léo's space.
 */
let ids: { rose: string };
let sessions: Record<"rose" | "hugoForRose" | "jean" | "camilleForLeo" | "doctor", SignedIn>;
const KEPT = "2026-03-04T09:30:00Z";
const SHARED = "2026-05-06T14:00:00Z";

beforeAll(async () => {
  const system = await systemRepository("bilan-page-tests");
  // 23 years old on any day of 2026–2027: in the 18–25 band.
  const rose = (await system.create(aPatient({ given: "Rose", family: "Bilan", birthDate: "2003-01-15", gender: "female" }))).id!;
  const hugo = (await system.create(aPatient({ given: "Hugo", family: "Bilan", birthDate: "1999-02-01" }))).id!;
  const jean = (await system.create(aPatient({ given: "Jean", family: "Horsbande", birthDate: "1950-06-02", gender: "male" }))).id!;
  const camille = (await system.create(aPatient({ given: "Camille", family: "Bilan", birthDate: "1985-03-14" }))).id!;
  const leo = (await system.create(aPatient({ given: "Léo", family: "Bilan", birthDate: "2016-09-10", gender: "male" }))).id!;
  const doctor = (await system.create(aPractitioner({ given: "Dr", family: "Bilan" }))).id!;
  await system.create(aDelegation({ patientId: rose, agentPatientId: hugo, scopes: ["record:read"] }));
  await system.create(aGuardianship({ patientId: leo, agentPatientId: camille, scopes: [] }));
  const response = (authored: string, answers: number, kept: boolean): QuestionnaireResponse => ({
    resourceType: "QuestionnaireResponse",
    meta: kept ? { security: [confidentialityLabel("V")] } : undefined,
    questionnaire: "https://espace-sante.example.org/fhir/Questionnaire/mon-bilan-prevention-18-25|2024",
    status: "completed",
    subject: { reference: `Patient/${rose}` },
    authored,
    author: { reference: `Patient/${rose}` },
    item: Array.from({ length: answers }, (_, i) => ({ linkId: `q${i}`, text: `Question ${i}`, answer: [{ valueString: "Oui" }] })),
  });
  await system.create(response(KEPT, 2, true));
  await system.create(response(SHARED, 3, false));
  ids = { rose };
  sessions = {
    rose: await signIn(`Patient/${rose}`, { name: "Rose Bilan" }),
    hugoForRose: await signIn(`Patient/${hugo}`, { space: rose, name: "Hugo Bilan" }),
    jean: await signIn(`Patient/${jean}`, { name: "Jean Horsbande" }),
    camilleForLeo: await signIn(`Patient/${camille}`, { space: leo, name: "Camille Bilan" }),
    doctor: await signIn(`Practitioner/${doctor}`, { name: "Dr Bilan" }),
  };
}, 60_000);

const PATH = "/espace/prevention/bilan";
const FORM = /<form [^>]*action="\/espace\/prevention\/bilan\/envoyer" method="post">/;
const OUT_OF_BAND = "Vous n&#x27;êtes pas dans l&#x27;une des tranches d&#x27;âge du bilan prévention aujourd&#x27;hui";

async function html(path: string, cookie: string, address?: string) {
  const answer = await servePage(bilanPage, path, { cookie, address });
  expect(answer.status, path).toBe(200);
  return answer.html!;
}

describe("« Mon bilan prévention » (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and a professional to their own space", async () => {
    expect(await servePage(bilanPage, PATH)).toEqual(toSignIn(PATH));
    expect(await servePage(bilanPage, PATH, { cookie: sessions.doctor.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("offers Rose the questionnaire of her band and lists hers, newest first, saying which she kept to herself; the reads are audited", async () => {
    const page = await html(PATH, sessions.rose.cookie, "10.0.0.41");
    expect(page).toContain("Questionnaire des 18 à 25 ans");
    expect(page).toMatch(/<h1[^>]*>Mon bilan prévention<\/h1>/);
    expect(page).toMatch(FORM);
    expect(page).toContain('name="partage"');
    expect(page).not.toContain(OUT_OF_BAND);
    const shared = page.indexOf(`Le ${formatDateTime(new Date(SHARED))} : partagé avec les professionnels que vous avez autorisés (3 réponses)`);
    const kept = page.indexOf(`Le ${formatDateTime(new Date(KEPT))} : visible de vous seul (2 réponses)`);
    expect(shared).toBeGreaterThan(-1);
    expect(kept).toBeGreaterThan(shared);
    expect(page).toContain('href="/espace/prevention"');
    expect(page).toContain('href="https://sante.gouv.fr/prevention-en-sante/preserver-sa-sante/mon-bilan-prevention/"');
    const rows = await db().sql.query<{ entity: string | null; interaction: string }>(
      "SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.41'",
      [ids.rose],
    );
    expect(rows).toContainEqual({ entity: `Patient/${ids.rose}`, interaction: "read" });
    expect(rows.map((row) => row.interaction)).toContain("search");
  });

  it("says what the form's answer code means, and nothing for an unknown one", async () => {
    const saved = await html(`${PATH}?message=bilan`, sessions.rose.cookie);
    expect(saved).toContain("Votre questionnaire est enregistré dans votre dossier.");
    expect(saved).toContain('role="status"');
    expect(await html(`${PATH}?message=invalide`, sessions.rose.cookie)).toContain('role="alert"');
    // The questionnaire's own refusals speak of its questions, not of a date it does not have
    // (a blank one read « vérifiez la date », found by a walk of the bilan).
    const blank = await html(`${PATH}?message=bilan-vide`, sessions.rose.cookie);
    expect(blank).toContain("Rien n&#x27;a été enregistré : aucune question n&#x27;avait de réponse. Répondez à au moins une question, puis enregistrez.");
    expect(blank).toContain('role="alert"');
    expect(blank).not.toContain("date");
    const unread = await html(`${PATH}?message=bilan-invalide`, sessions.rose.cookie);
    expect(unread).toContain("Vérifiez vos réponses (la réponse libre compte 1 000 caractères au plus)");
    const forged = await html(`${PATH}?message=%3Ci%3EAppelez%20le%2001%3C%2Fi%3E`, sessions.rose.cookie);
    expect(forged).not.toMatch(/role="(status|alert)"|Appelez|&lt;i&gt;/);
  });

  it("gives a caregiver no form, and only the questionnaire Rose shared", async () => {
    const page = await html(PATH, sessions.hugoForRose.cookie);
    expect(page).toContain("Questionnaire des 18 à 25 ans");
    expect(page).toContain("Vos droits sur cet espace ne permettent pas de remplir ce questionnaire.");
    expect(page).not.toContain("<form");
    expect(page).toContain("(3 réponses)");
    expect(page).not.toContain("visible de vous seul");
    // About Rose, not as if the questionnaires were Hugo's own.
    expect(page).toContain("Sans l&#x27;accord de partage, les réponses de Rose Bilan ne sont montrées à aucun de ses professionnels.");
    expect(page).toContain("partagé avec les professionnels autorisés par Rose Bilan (3 réponses)");
    expect(page).not.toMatch(/vos réponses|que vous avez autorisés/);
    // Its heading names her: « Mon bilan prévention » read as Hugo's own (found by the walk of the bilan).
    expect(page).toMatch(/<h1[^>]*>Bilan prévention de Rose Bilan<\/h1>/);
    expect(page).not.toMatch(/<h1[^>]*>Mon bilan/);
  });

  it("tells a person past the bands, or a parent in a child's space, that there is nothing to fill in yet", async () => {
    // To the parent, about the child: not « Vous n'êtes pas… » as if it were her own age.
    for (const [cookie, outOfBand] of [
      [sessions.jean.cookie, OUT_OF_BAND],
      [sessions.camilleForLeo.cookie, "Léo Bilan n&#x27;est dans aucune des tranches d&#x27;âge du bilan prévention aujourd&#x27;hui"],
    ] as const) {
      const page = await html(PATH, cookie);
      expect(page).toContain(outOfBand);
      expect(page).toMatch(cookie === sessions.jean.cookie ? /<h1[^>]*>Mon bilan prévention<\/h1>/ : /<h1[^>]*>Bilan prévention de Léo Bilan<\/h1>/);
      expect(page).not.toContain("<form");
      expect(page).toContain("Aucun pour le moment.");
    }
  });
});
