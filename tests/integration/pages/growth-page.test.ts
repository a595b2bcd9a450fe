import { beforeAll, describe, expect, it } from "vitest";
import * as growthPage from "@/pages/espace/carnet-enfant";
import { aDelegation } from "@/lib/fhir/builders/rules";
import { growthObservation } from "@/server/children/growth-observation";
import { systemRepository } from "@/server/fhir/repository";
import { todayInParis } from "@/server/prevention/days";
import { useTestDatabase } from "../../setup/test-database";
import { POST as record } from "@/app/(patient)/espace/carnet-enfant/mesure/route";
import { inRequestScope } from "../../setup/next-headers-scope";
import { appUrl, signIn, type SignedIn } from "../fhir-api/http";
import { buildWorld, type World } from "../children/world";
import { servePage, toSignIn } from "./pages-route";

const db = useTestDatabase();

/**
 * The carnet de santé (growth and certificates), served by the Pages Router without runtime
 * JavaScript: its getServerSideProps with the request Next hands it, then the HTML. Léo (born
 * 2016-09-10) has two guardians, Camille and Paul, a certificate, a weight and a height a doctor
 * recorded, and a document and a measure he keeps secret (minor-secret); Paul is also Nadia's
 * caregiver (record:read); Nadia is an adult in her own space.
 */
let world: World;
let paulForNadia: SignedIn;
beforeAll(async () => {
  world = await buildWorld();
  const system = await systemRepository("growth-page-tests");
  const doctor = `Practitioner/${world.ids.bernard}`;
  await system.create(growthObservation(world.ids.leo, "weight", 28.7, "2026-01-15", doctor));
  await system.create(growthObservation(world.ids.leo, "height", 136.4, "2026-01-15", doctor));
  await system.create(aDelegation({ patientId: world.ids.nadia, agentPatientId: world.ids.paul, scopes: ["record:read"] }));
  paulForNadia = await signIn(`Patient/${world.ids.paul}`, { space: world.ids.nadia, name: "Paul Martin" });
}, 120_000);

const PATH = "/espace/carnet-enfant";
const FORM = /<form [^>]*action="\/espace\/carnet-enfant\/mesure" method="post">/;

async function html(path: string, cookie: string, address?: string) {
  const answer = await servePage(growthPage, path, { cookie, address });
  expect(answer.status, path).toBe(200);
  return answer.html!;
}

describe("the carnet de santé (Pages Router)", () => {
  it("sends a visitor without a session to sign in, and a professional to their own space", async () => {
    expect(await servePage(growthPage, PATH)).toEqual(toSignIn(PATH));
    expect(await servePage(growthPage, PATH, { cookie: "authjs.session-token=forged" })).toEqual(toSignIn(PATH));
    expect(await servePage(growthPage, PATH, { cookie: world.sessions.bernard.cookie })).toEqual({ status: 307, redirect: "/pro" });
  });

  it("shows a guardian their child's curves and tables, the form for his space, the tie and the day he comes of age; nothing he keeps secret; the reads are audited", async () => {
    const page = await html(PATH, world.sessions.camilleForLeo.cookie, "10.0.0.51");
    expect(page).toContain("Le poids, la taille, l&#x27;IMC et le périmètre crânien de Léo Martin, sur les courbes de référence.");
    expect(page).toContain("Représentants légaux");
    expect(page).toContain("aucun ne peut retirer l&#x27;accès de l&#x27;autre");
    // What a guardian may not see is said, in the same words for every child (L1111-5: nothing about Léo's own).
    expect(page).toContain("Comme la loi le permet, Léo Martin peut demander à un médecin ou à une sage-femme de garder le secret sur certains soins : ce qui s&#x27;y rapporte n&#x27;apparaît pas dans son espace pour vous.");
    // Written as the portal writes days (format.ts), not « 10/09/2034 ».
    expect(page).toContain("Léo Martin aura 18 ans le 10 septembre 2034 : ce jour-là, votre accès à son espace prendra fin de lui-même");
    // The caregivers invited in the child's space lose theirs the same day (access/rules.ts): said too.
    expect(page).toContain("prendra fin de lui-même, comme celui des proches invités dans cet espace, et Léo Martin recevra");
    expect(page).toMatch(FORM);
    expect(page).toContain(`name="espace" value="${world.ids.leo}"`);
    expect(page).toContain('min="2016-09-10"');
    expect(page).toContain(`max="${todayInParis()}"`);
    // Weight, height and BMI drawn (SVG with its title) and tabled; no head circumference after 5.
    for (const title of ["Poids selon l&#x27;âge", "Taille selon l&#x27;âge", "Indice de masse corporelle (IMC) selon l&#x27;âge"]) expect(page).toContain(`>${title}</title>`);
    expect(page).not.toContain("Périmètre crânien selon");
    expect(page).not.toContain('id="ofc-title"');
    expect(page).toContain("28,7");
    expect(page).toContain("136,4");
    expect(page).toContain("un professionnel de santé");
    // The certificate, a link to the document; the secret document and measure stay out.
    expect(page).toContain(`href="/espace/documents/${world.ids.certificate}"`);
    expect(page).toContain("Certificat de santé du 24e mois");
    expect(page).not.toContain(world.ids.secretDocument);
    expect(page).not.toContain("confidentielle");
    expect(page).not.toContain("31,2");
    expect(page).not.toContain("01/06/2026");
    expect(page).toContain('href="/espace/prevention/carnet"');
    expect(page).toContain('href="/espace/prevention/carnet/certificat"');
    const rows = await db().sql.query<{ entity: string | null; interaction: string }>(
      "SELECT entity, interaction FROM audit_event WHERE patient_id = $1::uuid AND address = '10.0.0.51'",
      [world.ids.leo],
    );
    expect(rows).toContainEqual({ entity: `Patient/${world.ids.leo}`, interaction: "read" });
    expect(rows.filter((row) => row.interaction === "search").length).toBeGreaterThanOrEqual(2);
  });

  it("names the guardian's part in the banner without a gender it does not know (Camille read « comme représentant légal »)", async () => {
    const framed = await servePage(growthPage, PATH, { cookie: world.sessions.camilleForLeo.cookie, framed: true });
    expect(framed.html).toContain("Vous êtes dans l&#x27;espace de Léo Martin</strong> : vous exercez sa représentation légale.");
  });

  it("says what the form's answer code means, and nothing for an unknown or repeated one", async () => {
    const cookie = world.sessions.camilleForLeo.cookie;
    const added = await html(`${PATH}?message=ajoute`, cookie);
    expect(added).toContain("La mesure a été ajoutée au carnet de santé.");
    expect(added).toContain('role="status"');
    const empty = await html(`${PATH}?message=vide`, cookie);
    expect(empty).toContain("Indiquez au moins une mesure");
    expect(empty).toMatch(/role="alert" tabindex="-1" autofocus=""/);
    expect(empty).not.toContain("aria-invalid");
    for (const message of ["%3Cb%3ETaille%20fausse%3C%2Fb%3E", "ajoute&message=ajoute", "toString", "__proto__"]) {
      const page = await html(`${PATH}?message=${message}`, cookie);
      expect(page, message).not.toMatch(/role="(status|alert)"|Taille fausse|&lt;b&gt;/);
    }
  });

  it("marks the field a refusal is about, reads the reason with it and puts the focus there (Camille, on her phone, landed on a box at the top and looked for the field)", async () => {
    const cookie = world.sessions.camilleForLeo.cookie;
    const input = (page: string, id: string) => page.match(new RegExp(`<input id="${id}"[^>]*>`))?.[0] ?? "";
    for (const [message, field, text] of [
      ["taille", "taille", "Cette taille est hors des valeurs acceptées : elle doit être entre 20 et 250 cm (1,12 m s&#x27;écrit 112)."],
      ["taille-nombre", "taille", "La taille doit être écrite en chiffres, sans l&#x27;unité : un nombre de centimètres entre 20 et 250"],
      ["taille-age", "taille", "Cette taille est très loin de ce qui est possible à l&#x27;âge qu&#x27;avait l&#x27;enfant ce jour-là : vérifiez qu&#x27;elle est en centimètres"],
      ["poids", "poids", "Ce poids est hors des valeurs acceptées : il doit être entre 0,3 et 250 kg"],
      ["poids-nombre", "poids", "Le poids doit être écrit en chiffres, sans l&#x27;unité : un nombre de kilogrammes entre 0,3 et 250"],
      ["poids-age", "poids", "Ce poids est très loin de ce qui est possible à l&#x27;âge qu&#x27;avait l&#x27;enfant ce jour-là : vérifiez qu&#x27;il est en kilogrammes"],
      ["perimetre", "perimetre", "Ce périmètre crânien est hors des valeurs acceptées : il doit être entre 15 et 75 cm"],
      ["perimetre-nombre", "perimetre", "Le périmètre crânien doit être écrit en chiffres, sans l&#x27;unité : un nombre de centimètres entre 15 et 75"],
      ["naissance", "date", "Cette date est avant la naissance de l&#x27;enfant : indiquez un jour entre sa naissance et aujourd&#x27;hui."],
      ["futur", "date", "Cette date est dans le futur : indiquez le jour où l&#x27;enfant a été mesuré, aujourd&#x27;hui au plus tard."],
      ["date", "date", "Cette date n&#x27;existe pas ou est incomplète : indiquez le jour, le mois et l&#x27;année de la mesure."],
    ] as const) {
      const page = await html(`${PATH}?message=${message}`, cookie);
      const faulty = input(page, field);
      expect(faulty, message).toContain('aria-invalid="true"');
      expect(faulty, message).toContain('autofocus=""');
      expect(faulty, message).toMatch(/aria-describedby="(numbers-hint )?mesure-erreur"/);
      const error = page.match(/<p id="mesure-erreur"[^>]*><span class="sr-only">Erreur : <\/span>([^<]*)<\/p>/)?.[1] ?? "";
      expect(error, message).toContain(text);
      // The other values typed stay in the form: said not saved, beside the value to correct.
      expect(error, message).toContain("Rien n&#x27;a été enregistré : corrigez cette valeur, puis ajoutez à nouveau.");
      // One place that takes the focus, and the other fields untouched.
      expect(page.match(/autofocus=""/g), message).toHaveLength(1);
      for (const other of ["date", "poids", "taille", "perimetre"].filter((id) => id !== field)) {
        expect(input(page, other), `${message}: ${other}`).not.toContain("aria-invalid");
      }
    }
  });

  it("is « Page introuvable » in an adult's space, her own or as her caregiver: no carnet, no form, nothing of her record read", async () => {
    for (const [who, cookie, address] of [["Nadia", world.sessions.nadia.cookie, "10.0.0.52"], ["Paul for Nadia", paulForNadia.cookie, "10.0.0.53"]] as const) {
      const answer = await servePage(growthPage, PATH, { cookie, address });
      expect(answer.status, who).toBe(404);
      expect(answer.html, who).toContain("Page introuvable");
      expect(answer.html, who).not.toContain("Nadia Benali");
      expect(answer.html, who).not.toMatch(FORM);
      const searches = await db().sql.query("SELECT 1 FROM audit_event WHERE patient_id = $1::uuid AND address = $2 AND interaction = 'search'", [world.ids.nadia, address]);
      expect(searches, who).toEqual([]);
    }
  });
});

/** The form as a browser posts it without JavaScript (urlencoded, same origin, the session cookie). */
async function postMeasure(fields: Record<string, string>, cookie: string) {
  const request = new Request(`${appUrl()}/espace/carnet-enfant/mesure`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => record(request));
}
const typedCookieOf = (answer: Response) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith("espace-sante.mesure-saisie="))?.split(";")[0] ?? "";
const inputOf = (page: string, id: string) => page.match(new RegExp(`<input id="${id}"[^>]*>`))?.[0] ?? "";

describe("a measure refused for one value comes back with everything typed (Camille lost the weight and the date when the height was wrong)", () => {
  it("gives back each value and the day, the wrong one marked; never in the address, for this session only, forgotten once added", async () => {
    const cookie = world.sessions.camilleForLeo.cookie;
    const refused = await postMeasure({ espace: world.ids.leo, date: "2026-05-03", poids: "31,2", taille: "1,39", perimetre: "52" }, cookie);
    expect(refused.headers.get("location")).toBe("/espace/carnet-enfant?message=taille");
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.mesure-saisie=[^;]+; Path=\/espace\/carnet-enfant; Max-Age=300; SameSite=Strict; HttpOnly/);
    const sealed = typedCookieOf(refused);
    expect(sealed).not.toMatch(/31,2|1,39|2026-05-03/);

    const page = await html(refused.headers.get("location")!, `${cookie}; ${sealed}`);
    expect(inputOf(page, "date")).toContain('value="2026-05-03"');
    expect(inputOf(page, "poids")).toContain('value="31,2"');
    expect(inputOf(page, "perimetre")).toContain('value="52"');
    const height = inputOf(page, "taille");
    expect(height).toContain('value="1,39"');
    expect(height).toContain('aria-invalid="true"');
    expect(height).toContain('autofocus=""');
    for (const other of ["date", "poids", "perimetre"]) expect(inputOf(page, other), other).not.toContain("aria-invalid");

    // Not without a refusal's code, not in another session of Camille's holding the cookie.
    expect(inputOf(await html(PATH, `${cookie}; ${sealed}`), "poids")).not.toContain("31,2");
    const other = await signIn(`Patient/${world.ids.camille}`, { space: world.ids.leo, name: "Camille Martin" });
    expect(inputOf(await html(refused.headers.get("location")!, `${other.cookie}; ${sealed}`), "poids")).not.toContain("31,2");

    const added = await postMeasure({ espace: world.ids.leo, date: "2026-05-03", poids: "31,2", taille: "139" }, `${cookie}; ${sealed}`);
    expect(added.headers.get("location")).toBe("/espace/carnet-enfant?message=ajoute");
    expect(added.headers.getSetCookie().join()).toMatch(/espace-sante\.mesure-saisie=; Path=\/espace\/carnet-enfant; Max-Age=0/);
  });
});
