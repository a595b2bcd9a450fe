import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as newRecoveryCodes } from "@/app/compte/codes-secours/route";
import * as patientAccountPage from "@/pages/espace/compte";
import { regenerateRecoveryCodes, remainingRecoveryCodes, spendRecoveryCode } from "@/server/db/recovery-code-store";
import { useTestDatabase } from "../../setup/test-database";
import { asOwner } from "../audit/owner-sql";
import { servePage } from "../pages/pages-route";
import { anAccount } from "./helpers";
import { signedInBrowser } from "./signed-in-browser";
import { startTestServer } from "./test-server";

const db = useTestDatabase();

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ "/compte/codes-secours": newRecoveryCodes });
});
afterAll(() => server.close());

const codesIn = (html: string) => [...html.matchAll(/<li>([A-Za-z0-9-]+)<\/li>/g)].map((m) => m[1]!);

/**
 * « Mon compte »'s new recovery codes: the form leaves a ticket, the page it leads to spends it
 * and makes the codes. The ticket was spent before the transaction that makes them: a failure in
 * it (here the owner's notice, refused by a trigger) left the ticket used, the old codes in place
 * and no way to see new ones but to start again. It is spent with the codes now, as a password
 * reset spends its link (password-reset.test.ts).
 */
describe("new recovery codes from « Mon compte »", () => {
  it("leave the ticket unspent when making them fails, so the reload shows them, once", async () => {
    const account = await anAccount();
    const [old] = await regenerateRecoveryCodes(account.id, new Date());
    const browser = await signedInBrowser(server.base, account);
    const answer = await browser.post("/compte/codes-secours", { code: account.code(new Date()) });
    const page = answer.headers.get("location")!;
    expect(page).toMatch(/^\/espace\/compte\?codes=[A-Za-z0-9_-]{32}$/);

    const fn = `fail_codes_${account.id.replace(/-/g, "")}`;
    await asOwner(db(), async (owner) => {
      await owner.exec(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.account_id = '${account.id}'::uuid THEN RAISE EXCEPTION 'test failure'; END IF; RETURN NEW; END $$`);
      await owner.exec(`CREATE TRIGGER ${fn} BEFORE INSERT ON notification FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    });
    try {
      await expect(servePage(patientAccountPage, page, { cookie: browser.cookieHeader() })).rejects.toThrow();
    } finally {
      await asOwner(db(), async (owner) => {
        await owner.exec(`DROP TRIGGER ${fn} ON notification`);
        await owner.exec(`DROP FUNCTION ${fn}()`);
      });
    }
    // Nothing changed: the old codes still work.
    expect(await remainingRecoveryCodes(account.id)).toBe(10);

    const shown = codesIn((await servePage(patientAccountPage, page, { cookie: browser.cookieHeader() })).html!);
    expect(shown).toHaveLength(10);
    expect(await spendRecoveryCode(account.id, old!, new Date())).toBe(false);
    expect(await spendRecoveryCode(account.id, shown[0]!, new Date())).toBe(true);
    expect(codesIn((await servePage(patientAccountPage, page, { cookie: browser.cookieHeader() })).html!)).toEqual([]);
  });
});
