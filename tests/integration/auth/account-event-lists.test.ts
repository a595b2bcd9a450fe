import { beforeAll, describe, expect, it } from "vitest";
import * as patientAccountPage from "@/pages/espace/compte";
import { recordAccountEvent } from "@/server/db/account-event-store";
import { useTestDatabase } from "../../setup/test-database";
import { sessionOf, type SignedIn } from "../fhir-api/http";
import { servePage } from "../pages/pages-route";
import { anAccount } from "./helpers";

useTestDatabase();

/**
 * « Mon compte » lists the sign-ins and the changes to the account apart, each its own twenty most
 * recent, read in one statement (recentAccountEventsOfTwoKinds): 25 sign-ins from one address and 3
 * changes from another, interleaved in time, come out each in its own table, newest first, the
 * sign-ins' oldest five left out, and no change crowded out by the more numerous sign-ins.
 */
let owner: SignedIn;
beforeAll(async () => {
  const account = await anAccount();
  const start = Date.UTC(2026, 10, 2, 8, 0);
  for (let n = 0; n < 25; n++) {
    await recordAccountEvent({ accountId: account.id, at: new Date(start + n * 3_600_000), kind: "sign-in", address: `192.0.2.${n + 1}` });
    if (n % 8 === 3) await recordAccountEvent({ accountId: account.id, at: new Date(start + n * 3_600_000 + 60_000), kind: "password-changed", address: `198.51.100.${n}` });
  }
  owner = await sessionOf(account);
}, 60_000);

/** The addresses in the table after the heading with this id, top to bottom. */
function addressesUnder(html: string, headingId: string): string[] {
  const section = html.slice(html.indexOf(`id="${headingId}"`));
  const table = section.slice(0, section.indexOf("</table>"));
  return [...table.matchAll(/<td[^>]*>((?:192\.0\.2|198\.51\.100)\.\d+)<\/td>/g)].map((match) => match[1]!);
}

describe("« Mon compte »'s two lists of the account's trail", () => {
  it("shows the twenty latest sign-ins and every change, each in its own table, newest first", async () => {
    const answer = await servePage(patientAccountPage, "/espace/compte", { cookie: owner.cookie });
    expect(answer.status).toBe(200);
    const html = answer.html!;
    // The session opened by the test is a sign-in too if recorded: only the addresses above count.
    expect(addressesUnder(html, "events-title")).toEqual(Array.from({ length: 20 }, (_, i) => `192.0.2.${25 - i}`));
    expect(addressesUnder(html, "changes-title")).toEqual(["198.51.100.19", "198.51.100.11", "198.51.100.3"]);
  });
});
