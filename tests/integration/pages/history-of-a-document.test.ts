import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as documentRoute from "@/pages/espace/documents/[id]";
import * as historyRoute from "@/pages/espace/historique";
import { aDocument } from "@/lib/fhir/builders/documents";
import { aPractitioner } from "@/lib/fhir/builders/people";
import { auditRow, insertAuditRows } from "@/server/audit/write-audit";
import { systemRepository } from "@/server/fhir/repository";
import { useTestDatabase } from "../../setup/test-database";
import { personWithAccount } from "../delegations/world";
import { servePage } from "./pages-route";

const db = useTestDatabase();

const plain = (html: string | undefined) => (html ?? "").replace(/<!-- -->/g, "");
/** The rows of the « Qui a consulté ce document » table. */
const viewRows = (html: string) => (html.split('id="views-title"')[1] ?? "").split("</table>")[0]!.split("<tbody")[1]?.match(/<tr[ >]/g) ?? [];

/**
 * A document looked at more often than its page shows: the page shows the newest views and leads
 * to the access history narrowed to that document, where every view of it and every refused
 * attempt on it are, paged, and nothing of another document or of another person's record.
 */
async function world() {
  const system = await systemRepository("history-of-a-document-tests");
  const helene = await personWithAccount(system, "Hélène", "Document");
  const nadia = await personWithAccount(system, "Nadia", "Ailleurs");
  const doctor = (await system.create(aPractitioner({ given: "Paul", family: "Lecteur" }))).id!;
  const scan = (await system.create(aDocument({ patientId: helene.patientId, kind: "imaging", title: "Scanner du genou", date: "2026-10-02T09:00:00Z" }))).id!;
  const blood = (await system.create(aDocument({ patientId: helene.patientId, kind: "lab", title: "Bilan sanguin d'octobre", date: "2026-10-05T09:00:00Z" }))).id!;
  const nadias = (await system.create(aDocument({ patientId: nadia.patientId, kind: "lab", title: "Bilan de Nadia", date: "2026-10-06T09:00:00Z" }))).id!;
  const actor = { kind: "practitioner" as const, accountId: randomUUID(), practitionerId: doctor };
  const row = (patientId: string, documentId: string, at: Date, outcome: "success" | "denied" = "success") =>
    auditRow(actor, { agentName: "Dr Paul Lecteur" }, { patientId, entity: `DocumentReference/${documentId}`, interaction: "read", outcome, ...(outcome === "denied" ? { reason: "blocked" } : {}) }, at);
  const day = (i: number) => new Date(Date.UTC(2026, 10, 1, 8, i));
  await insertAuditRows(db().sql, [
    // 25 reads of the scan, 3 of the blood test, one refused attempt on the scan, and Nadia's document read in her record.
    ...Array.from({ length: 25 }, (_, i) => row(helene.patientId, scan, day(i))),
    ...Array.from({ length: 3 }, (_, i) => row(helene.patientId, blood, day(30 + i))),
    row(helene.patientId, scan, day(40), "denied"),
    row(nadia.patientId, nadias, day(41)),
  ]);
  return { helene, scan, blood, nadias };
}

describe("the history of one document, reached from its page", () => {
  it("the document's page shows its 20 newest views by others, says there are older ones, and links to its history", async () => {
    const { helene, scan, blood } = await world();
    const page = await servePage(documentRoute, `/espace/documents/${scan}`, { cookie: helene.session.cookie, params: { id: scan }, address: "10.0.48.1" });
    expect(page.status).toBe(200);
    const html = plain(page.html);
    expect(viewRows(html)).toHaveLength(20);
    expect(html).toContain("Seules les consultations les plus récentes sont affichées ici.");
    expect(html).toContain(`href="/espace/historique?document=${scan}"`);

    // Three views: all shown, no sentence about older ones, the link still there (the refused attempts are in the history).
    const few = plain((await servePage(documentRoute, `/espace/documents/${blood}`, { cookie: helene.session.cookie, params: { id: blood }, address: "10.0.48.1" })).html);
    expect(viewRows(few)).toHaveLength(3);
    expect(few).not.toContain("Seules les consultations les plus récentes");
    expect(few).toContain(`href="/espace/historique?document=${blood}"`);
  });

  it("the history narrowed to the document holds each of its views and its refused attempt, paged, and nothing of the other document", async () => {
    const { helene, scan } = await world();
    const first = plain((await servePage(historyRoute, `/espace/historique?document=${scan}`, { cookie: helene.session.cookie, address: "10.0.48.2" })).html);
    // 25 reads and the refused attempt by the doctor, and the document's creation: nothing of the blood test's 3 reads.
    expect(first).toContain("27 accès enregistrés");
    expect(first).toContain("Seuls les accès à ce document sont affichés");
    expect(first).toContain(`href="/espace/documents/${scan}"`);
    expect(first).toContain("1 tentative refusée");
    expect(first).toContain(`href="/espace/historique?document=${scan}&amp;page=2"`);
    expect(first).toMatch(new RegExp(`<input type="hidden" name="document" value="${scan}"/?>`));
    const second = plain((await servePage(historyRoute, `/espace/historique?document=${scan}&page=2`, { cookie: helene.session.cookie, address: "10.0.48.2" })).html);
    expect(second).toContain("Page 2 sur 2");

    const whole = plain((await servePage(historyRoute, "/espace/historique", { cookie: helene.session.cookie, address: "10.0.48.2" })).html);
    expect(whole).not.toContain("Seuls les accès à ce document");
    expect(Number(whole.match(/(\d+) accès enregistrés/)?.[1])).toBeGreaterThanOrEqual(32);
  });

  it("another person's document named in the address finds nothing of it, and a malformed one shows the whole history", async () => {
    const { helene, nadias } = await world();
    const foreign = plain((await servePage(historyRoute, `/espace/historique?document=${nadias}`, { cookie: helene.session.cookie, address: "10.0.48.3" })).html);
    expect(foreign).toContain("0 accès enregistré");
    expect(foreign).toContain("Aucun accès à ce document n&#x27;est enregistré.");
    expect(foreign).not.toContain("Dr Paul Lecteur");
    expect(foreign).not.toContain("Bilan de Nadia");

    const malformed = plain((await servePage(historyRoute, "/espace/historique?document=../../etc", { cookie: helene.session.cookie, address: "10.0.48.3" })).html);
    expect(malformed).not.toContain("Seuls les accès à ce document");
    expect(malformed).toContain("Dr Paul Lecteur");
  });
});
