import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { POST as done } from "@/app/(patient)/espace/prevention/fait/route";
import { addDaysToDay, parisDayOf } from "@/lib/dates/paris-day";
import { aDelegation } from "@/lib/fhir/builders/rules";
import * as preventionPage from "@/pages/espace/prevention";
import * as delegationPage from "@/pages/espace/proches/[id]";
import { createAccount } from "@/server/db/account-store";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { inRequestScope } from "../../setup/next-headers-scope";
import { locationOf, noticeOf, personWithAccount, postId } from "../delegations/world";
import { appUrl, sessionOf } from "../fhir-api/http";
import { aPatient } from "@/lib/fhir/builders/people";
import { servePage } from "./pages-route";

useTestDatabase();

/**
 * A date refused on « C'est fait » or on a delegation's « Modifier les droits ou la date » came
 * back with today, or the stored rights and day, in the form: sent again as it stood, the item was
 * recorded as done today, or the rights just changed went back to what they were. What was typed
 * comes back from a sealed cookie of the session's (typed-form-cookie.ts), never from the address;
 * through the route, then the page.
 */
const sealedOf = (answer: Response, name: string) => answer.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))?.split(";")[0];

async function postDone(fields: Record<string, string>, cookie: string) {
  const request = new Request(`${appUrl()}/espace/prevention/fait`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: appUrl(), cookie },
    body: new URLSearchParams(fields),
  });
  return inRequestScope(request, () => done(request));
}

describe("« C'est fait » refused for its day", () => {
  it("gives the day typed back to that item's field, for this session only, and forgets it once an item is recorded", async () => {
    const system = await systemRepository("refused-day-typed-tests");
    // Born in 1950: the flu vaccine is on her calendar (in its campaign or soon); a day before the birth is refused.
    const patientId = (await system.create(aPatient({ given: "Jeanne", family: "Saisie", birthDate: "1950-06-02" }))).id!;
    const account = await createAccount({ email: `jeanne-${randomUUID()}@example.org`, password: "Sante-Demo-2026!", totpSecret: null, kind: "patient", fhirRef: `Patient/${patientId}`, displayName: "Jeanne Saisie" });
    const person = { account, session: await sessionOf(account) };
    const refused = await postDone({ item: "FLU", date: "1949-12-31" }, person.session.cookie);
    expect(refused.headers.get("location")).toBe("/espace/prevention?message=date-invalide&item=FLU");
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.fait-saisie=[^;]+; Path=\/espace\/prevention; Max-Age=300; SameSite=Strict; HttpOnly/);
    const sealed = sealedOf(refused, "espace-sante.fait-saisie")!;
    expect(sealed).not.toContain("1949");

    const field = (html: string, item: string) => html.match(new RegExp(`<input[^>]*id="item-${item}-date"[^>]*>`))?.[0] ?? "";
    const page = (await servePage(preventionPage, "/espace/prevention?message=date-invalide&item=FLU", { cookie: `${person.session.cookie}; ${sealed}` })).html!;
    expect(field(page, "flu")).toContain('value="1949-12-31"');
    expect(field(page, "flu")).toContain('aria-invalid="true"');
    // Not another item's field, not without the refusal's code, not in another session holding the cookie.
    expect(page.match(/value="1949-12-31"/g)).toHaveLength(1);
    expect((await servePage(preventionPage, "/espace/prevention", { cookie: `${person.session.cookie}; ${sealed}` })).html).not.toContain("1949-12-31");
    const other = await sessionOf(person.account);
    expect((await servePage(preventionPage, "/espace/prevention?message=date-invalide&item=FLU", { cookie: `${other.cookie}; ${sealed}` })).html).not.toContain("1949-12-31");

    const recorded = await postDone({ item: "FLU", date: parisDayOf(new Date()) }, `${person.session.cookie}; ${sealed}`);
    expect(recorded.headers.get("location")).toBe("/espace/prevention?message=fait");
    expect(recorded.headers.getSetCookie().join()).toMatch(/espace-sante\.fait-saisie=; Path=\/espace\/prevention; Max-Age=0/);
  });
});

describe("a delegation's change refused for its last day", () => {
  it("gives back the rights ticked and the day typed to that delegation's form, for this session only, and forgets them once saved", async () => {
    const system = await systemRepository("refused-day-typed-tests");
    const patient = await personWithAccount(system, "Berthe", "Saisie");
    const caregiver = await personWithAccount(system, "Remi", "Saisie");
    const today = parisDayOf(new Date());
    const tie = (await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: caregiver.patientId, agentName: { given: "Remi", family: "Saisie" }, scopes: ["documents:read", "documents:write"], end: addDaysToDay(today, 90) }))).id!;
    const other = (await system.create(aDelegation({ patientId: patient.patientId, agentPatientId: (await personWithAccount(system, "Zoe", "Saisie")).patientId, agentName: { given: "Zoe", family: "Saisie" }, scopes: ["documents:read"], end: addDaysToDay(today, 90) }))).id!;

    const refused = await postId("modifier", tie, { droits: ["documents:read", "prescriptions:read"], fin: "demain" }, patient.session.cookie);
    expect(locationOf(refused).pathname).toBe(`/espace/proches/${tie}`);
    expect(noticeOf(refused)).toBe("date");
    expect(refused.headers.getSetCookie().join()).toMatch(/espace-sante\.delegation-saisie=[^;]+; Path=\/espace\/proches; Max-Age=300; SameSite=Strict; HttpOnly/);
    const sealed = sealedOf(refused, "espace-sante.delegation-saisie")!;

    const open = async (id: string, cookie: string) => (await servePage(delegationPage, `/espace/proches/${id}?message=date`, { params: { id }, cookie })).html!;
    const page = await open(tie, `${patient.session.cookie}; ${sealed}`);
    expect(page).toMatch(/id="modifier-documents:read"[^>]*checked=""/);
    expect(page).toMatch(/id="modifier-prescriptions:read"[^>]*checked=""/);
    expect(page).not.toMatch(/id="modifier-documents:write"[^>]*checked/);
    expect(page).toMatch(/name="fin"[^>]*value="demain"|value="demain"[^>]*name="fin"/);
    // Not on another delegation's page, nor in another session holding the cookie: the stored rights.
    expect(await open(other, `${patient.session.cookie}; ${sealed}`)).not.toMatch(/value="demain"|id="modifier-prescriptions:read"[^>]*checked/);
    const elsewhere = await open(tie, `${(await sessionOf(patient.account)).cookie}; ${sealed}`);
    expect(elsewhere).toMatch(/id="modifier-documents:write"[^>]*checked=""/);
    expect(elsewhere).not.toContain('value="demain"');

    const saved = await postId("modifier", tie, { droits: ["documents:read"], fin: addDaysToDay(today, 30) }, `${patient.session.cookie}; ${sealed}`);
    expect(noticeOf(saved)).toBe("modifiee");
    expect(saved.headers.getSetCookie().join()).toMatch(/espace-sante\.delegation-saisie=; Path=\/espace\/proches; Max-Age=0/);
  });
});
