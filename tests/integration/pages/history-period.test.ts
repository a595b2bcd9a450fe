import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as history from "@/pages/espace/historique";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "./pages-route";

const db = useTestDatabase();

/** The dates of the history's table rows, as shown (« 20 novembre 2026 à 23:30 »). */
const shownDates = (html: string) => [...html.replace(/<!-- -->/g, "").matchAll(/(\d{1,2}(?:er)? \p{L}+ \d{4} à \d{2}:\d{2})/gu)].map((match) => match[1]);

/**
 * « Who looked at my record while I was in hospital? »: the history narrowed to a period, both
 * days included, days in Paris. Dr Périot's reads are written as the portal writes them (the
 * audit rows of a professional's reads, dated as they happened).
 */
async function trail() {
  const system = await systemRepository("history-period-tests");
  const helene = await personWithAccount(system, "Hélène", "Période");
  const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Périot" }))).id!;
  const actor = { kind: "practitioner" as const, accountId: randomUUID(), practitionerId: doctor };
  const read = (at: string) => auditRow(actor, { agentName: "Dr Paul Périot" }, { patientId: helene.patientId, entity: `Patient/${helene.patientId}`, interaction: "read", outcome: "success" }, new Date(at));
  await insertAuditRows(db().sql, [
    // 25 reads on 2 November: two pages of the narrowed view.
    ...Array.from({ length: 25 }, (_, i) => read(`2026-11-02T${String(8 + Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 10).padStart(2, "0")}:00Z`)),
    // 20 November, 23:30 in Paris (22:30 UTC), and 21 November, 00:30 in Paris (23:30 UTC on the 20th).
    read("2026-11-20T22:30:00Z"),
    read("2026-11-20T23:30:00Z"),
  ]);
  return helene;
}

describe("the access history narrowed to a period", () => {
  it("shows the Paris days asked for, the last included, and the paging keeps the period", async () => {
    const helene = await trail();
    const oneDay = await servePage(history, "/espace/historique?du=2026-11-20&au=20/11/2026", { cookie: helene.session.cookie });
    expect(oneDay.status).toBe(200);
    const html = oneDay.html!.replace(/<!-- -->/g, "");
    expect(html).toContain("1 accès enregistré");
    expect(html).toContain("Du 20 novembre 2026 au 20 novembre 2026 inclus.");
    expect(shownDates(html)).toEqual(["20 novembre 2026 à 23:30"]);
    expect(html).toContain('value="2026-11-20"');

    const november = await servePage(history, "/espace/historique?du=2026-11-01&au=2026-11-05", { cookie: helene.session.cookie });
    const first = november.html!.replace(/<!-- -->/g, "");
    expect(first).toContain("25 accès enregistrés");
    expect(shownDates(first)).toHaveLength(20);
    expect(first).toContain('href="/espace/historique?du=2026-11-01&amp;au=2026-11-05&amp;page=2"');
    expect(first).toMatch(/<input type="hidden" name="du" value="2026-11-01"\/?>/);
    const second = await servePage(history, "/espace/historique?du=2026-11-01&au=2026-11-05&page=2", { cookie: helene.session.cookie });
    expect(shownDates(second.html!)).toHaveLength(5);

    const since = await servePage(history, "/espace/historique?du=2026-11-21", { cookie: helene.session.cookie });
    const sinceHtml = since.html!.replace(/<!-- -->/g, "");
    expect(sinceHtml).toContain("Depuis le 21 novembre 2026.");
    // The 00:30 read of the 21st, and the page views of this test (today), not the 2 or the 20 November.
    expect(shownDates(sinceHtml)).toContain("21 novembre 2026 à 00:30");
    expect(shownDates(sinceHtml)).not.toContain("20 novembre 2026 à 23:30");

    const empty = await servePage(history, "/espace/historique?du=2026-10-01&au=2026-10-31", { cookie: helene.session.cookie });
    expect(empty.html).toContain("Aucun accès enregistré sur cette période.");
    expect(empty.html).toContain("Tout l&#x27;historique");
  });

  it("refuses a start after the end or a day that does not exist, says which field, and shows the whole trail", async () => {
    const helene = await trail();
    const reversed = await servePage(history, "/espace/historique?du=2026-11-21&au=2026-11-20", { cookie: helene.session.cookie });
    expect(reversed.status).toBe(200);
    const html = reversed.html!.replace(/<!-- -->/g, "");
    expect(html).toContain("La date de début est après la date de fin : tout l&#x27;historique est affiché.");
    expect(html).toMatch(/<input[^>]*id="field-du"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*id="field-du"/);
    expect(html).toContain('value="2026-11-21"');
    expect(html).not.toContain("Du 21 novembre");
    expect(html).toMatch(/2[78] accès enregistrés/);

    const badDay = await servePage(history, "/espace/historique?au=31/02/2026", { cookie: helene.session.cookie });
    const bad = badDay.html!.replace(/<!-- -->/g, "");
    expect(bad).toContain("Cette date n&#x27;existe pas.");
    expect(bad).toMatch(/<input[^>]*id="field-au"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*id="field-au"/);
    expect(bad).toContain('value="31/02/2026"');
  });
});
