import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AccessHistorySummary } from "@/components/history/access-history-table";
import { PATIENT_READER } from "@/lib/i18n/voice";
import { ConversationList } from "@/components/messages/conversation-list";
import { NotificationsView } from "@/components/notifications/notifications-view";
import { PrescriptionLines } from "@/components/prescriptions/prescription-lines";
import { SiteHeader } from "@/components/site-header";
import type { AccessHistory } from "@/server/history/list-access-history";
import type { ConversationSummary } from "@/server/messages/conversation-view";
import type { NotificationsPage } from "@/server/notifications/list-notifications";
import type { Json } from "@/server/pages/json-props";
import type { PrescriptionLine } from "@/server/prescriptions/prescription-model";

/** The text a person reads, tags and entities aside. */
const textOf = (html: string) => html.replace(/<[^>]+>/g, " ").replaceAll("&#x27;", "'").replace(/[ \n]+/g, " ");

/** Counts the portal shows agree in number with what they count: French puts 0 and 1 in the singular. */
describe("counts in words", () => {
  it.each([
    [1, "Notifications (1 non lue)"],
    [2, "Notifications (2 non lues)"],
    [1500, "Notifications (1\u202f500 non lues)"],
  ])("the header, %i unread notifications: « %s »", (unread, said) => {
    const html = renderToStaticMarkup(<SiteHeader displayName="Camille Martin" notifications={{ href: "/espace/notifications", unread }} />);
    expect(textOf(html)).toContain(said);
  });

  it.each([
    [0, "0 non lue"],
    [1, "1 non lue"],
    [3, "3 non lues"],
  ])("the notifications page, %i unread: « %s »", (unread, said) => {
    const row = { id: "n1", kind: "pro-first-access", urgent: false, link: "/espace/historique", createdAt: "2026-12-01T09:00:00.000Z", readAt: null, patientId: null, detail: null, newsCount: 1 } as const;
    const list: Json<NotificationsPage> = { rows: [row], unread, page: 1, pageCount: 1, ownPatientIds: [], spaceShown: false, elsewhere: [] };
    const html = textOf(renderToStaticMarkup(<NotificationsView list={list} basePath="/espace/notifications" reader={PATIENT_READER} />));
    expect(html).toContain(said);
    expect(html).not.toContain("(s)");
  });

  it.each([
    [1, "Dans l'espace de Léo Martin : 1 notification non lue"],
    [2, "Dans l'espace de Léo Martin : 2 notifications non lues"],
  ])("the notifications page, %i unread in a child's space: « %s »", (unread, said) => {
    const list: Json<NotificationsPage> = { rows: [], unread: 0, page: 1, pageCount: 1, ownPatientIds: [], spaceShown: false, elsewhere: [{ patientId: "p1", name: "Léo Martin", unread }] };
    const html = textOf(renderToStaticMarkup(<NotificationsView list={list} basePath="/espace/notifications" reader={PATIENT_READER} />));
    expect(html).toContain(said);
  });

  it.each([
    [1, "1 non lu"],
    [2, "2 non lus"],
  ])("a conversation with %i unread messages: « %s »", (unread, said) => {
    const conversation = { id: "c1", subject: "Résultats", unread, lastAt: "2026-12-01T09:00:00.000Z" } as unknown as ConversationSummary;
    const html = textOf(renderToStaticMarkup(<ConversationList conversations={[conversation]} basePath="/espace/messages" nameOf={() => "Dr Bernard"} />));
    expect(html).toContain(said);
    expect(html).not.toContain("(s)");
  });

  it("the access history's summary: « 1 tentative refusée », « 2 accès … »", () => {
    const groups = { others: 2, refused: 1, own: 0 };
    const history = { ownHistory: true, groups, groupStarts: { others: 1, refused: 1, own: 1 }, period: {} } satisfies Pick<AccessHistory, "ownHistory" | "groups" | "groupStarts" | "period">;
    const html = textOf(renderToStaticMarkup(<AccessHistorySummary history={history as AccessHistory} reader={PATIENT_READER} />));
    expect(html).toContain("1 tentative refusée");
    expect(html).not.toContain("tentatives");
  });

  it("a prescription's quantities: « 1 flacon », « 3 boîtes », whatever the unit was written with « (s) »", () => {
    const line = (requestId: string, unit: string, quantityPerFill: number, totalQuantity: number): PrescriptionLine => ({
      requestId,
      medication: `Médicament ${requestId}`,
      dosage: [],
      quantityPerFill,
      unit,
      renewalsAllowed: totalQuantity / quantityPerFill - 1,
      totalQuantity,
      dispensedQuantity: 0,
      remainingQuantity: totalQuantity,
      dispensableNow: quantityPerFill,
      renewalsLeft: totalQuantity / quantityPerFill - 1,
      status: "active",
      versionId: "1",
    });
    const html = textOf(renderToStaticMarkup(<PrescriptionLines captionId="c" lines={[line("a", "flacon(s) de 200 doses", 1, 3), line("b", "boîte(s) de 30 comprimés", 2, 2)]} />));
    expect(html).toContain("1 flacon de 200 doses par délivrance");
    expect(html).toContain("0 sur 3 flacons de 200 doses");
    expect(html).toContain("2 boîtes de 30 comprimés par délivrance");
    expect(html).not.toContain("(s)");
  });
});
