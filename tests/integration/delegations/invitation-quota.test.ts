import { beforeAll, describe, expect, it } from "vitest";
import { addMonthsToDay, parisDayOf } from "@/lib/dates/paris-day";
import * as relativesPage from "@/pages/espace/proches";
import { MAX_INVITATIONS_PER_DAY } from "@/server/delegations/invitation-quota";
import { servePage } from "../pages/pages-route";
import { useTestDatabase } from "../../setup/test-database";
import { buildWorld, locationOf, noticeOf, post, type World } from "./world";

const db = useTestDatabase();

/**
 * « Inviter un proche » sends an e-mail to any address typed, and one to the patient with a
 * cancel link. Without a bound, a signed-in account made the portal send e-mails without end:
 * ten invitations in a row to one stranger's address were ten e-mails in that inbox, from the
 * portal's own domain (found by the attack helper against the running portal). A space sends at
 * most MAX_INVITATIONS_PER_DAY in 24 hours, cancelled ones included (cancel and invite again
 * would otherwise start over).
 */
let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

const inAYear = () => addMonthsToDay(parisDayOf(new Date()), 11);
const mailsTo = async (address: string) => Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM email_outbox WHERE recipient = $1", [address]))[0]?.n ?? 0);
const invitationsOf = async (patientId: string) => Number((await db().sql.query<{ n: string }>("SELECT count(*) AS n FROM delegation_invitation WHERE patient_id = $1::uuid", [patientId]))[0]?.n ?? 0);
const invite = (email: string, cookie: string) => post("inviter", { prenom: "Inconnu", nom: "Destinataire", email, lien: "autre", droits: ["documents:read"], fin: inAYear() }, cookie);

describe("invitations a space sends in a day", () => {
  it("stops at the bound with its own message, sending no more e-mail; another space is not held back", async () => {
    const stranger = `inconnu-${crypto.randomUUID()}@example.net`;
    for (let i = 0; i < MAX_INVITATIONS_PER_DAY; i++) expect(noticeOf(await invite(stranger, world.camille.session.cookie))).toBe("invite");
    expect(await mailsTo(stranger)).toBe(MAX_INVITATIONS_PER_DAY);

    const refused = await invite(stranger, world.camille.session.cookie);
    expect(refused.status).toBe(303);
    expect(noticeOf(refused)).toBe("trop");
    // What the page then says: the bound, that it is the space's and counts cancelled ones, and
    // when to try again (it said « le nombre maximal », « attendez », neither number nor delay).
    const page = (await servePage(relativesPage, `${locationOf(refused).pathname}${locationOf(refused).search}`, { cookie: world.camille.session.cookie })).html!;
    expect(page.replace(/<[^>]+>/g, "").replaceAll("&#x27;", "'")).toContain(
      `Cet espace a déjà envoyé ${MAX_INVITATIONS_PER_DAY} invitations en 24 heures, le maximum (les invitations annulées comptent aussi). Vous pourrez en envoyer une autre au plus tard dans 24 heures. Rien n'a été envoyé.`,
    );
    expect(await mailsTo(stranger)).toBe(MAX_INVITATIONS_PER_DAY);
    expect(await invitationsOf(world.camille.patientId)).toBe(MAX_INVITATIONS_PER_DAY);

    expect(noticeOf(await invite(`proche-${crypto.randomUUID()}@example.net`, world.eve.session.cookie))).toBe("invite");
  });

  it("holds under invitations posted all at once", async () => {
    const burst = await Promise.all(Array.from({ length: MAX_INVITATIONS_PER_DAY + 5 }, (_, i) => invite(`rafale-${i}-${crypto.randomUUID()}@example.net`, world.lea.session.cookie)));
    expect(burst.filter((answer) => noticeOf(answer) === "invite")).toHaveLength(MAX_INVITATIONS_PER_DAY);
    expect(await invitationsOf(world.lea.patientId)).toBe(MAX_INVITATIONS_PER_DAY);
  });
});
