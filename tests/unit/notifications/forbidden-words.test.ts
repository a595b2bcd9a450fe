import { describe, expect, it } from "vitest";
import { ORGANIZATIONS, PATIENTS, PRACTITIONERS } from "@/lib/demo/personas";
import { CONDITIONS } from "@/lib/fhir/builders/record";
import { KIND_INFO, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";
import { camilleDocuments } from "@/server/seed/catalogue/camille-documents";
import { jeanDocuments } from "@/server/seed/catalogue/jean-documents";
import { leoDocuments, nadiaDocuments } from "@/server/seed/catalogue/nadia-leo-documents";
import { prescriptionPlans } from "@/server/seed/catalogue/prescription-plans";
import { describeDevice } from "@/lib/account/describe-device";
import { newSignInEmailLines } from "@/lib/notifications/new-sign-in-lines";
import { notificationEmail } from "@/server/notifications/notification-email";

/**
 * An e-mail may say that something happened, never what (issue 15): no one's name, condition,
 * drug, specialty, document or place. The forbidden list is drawn from the demo record itself,
 * so a new persona, drug or document joins it without anyone editing this test.
 */
const clock = { now: new Date("2026-06-15T10:00:00Z") };
const documents = [...camilleDocuments(clock), ...jeanDocuments(clock), ...nadiaDocuments(clock), ...leoDocuments()];

const FORBIDDEN = [
  ...Object.values(PATIENTS).flatMap((p) => [p.given, p.family]),
  ...Object.values(PRACTITIONERS).flatMap((p) => [p.given, p.family, p.specialty.label, p.specialty.display]),
  ...Object.values(ORGANIZATIONS).map((o) => o.name),
  ...Object.values(CONDITIONS).flatMap((c) => [c.label, c.display, c.label.split(" ")[0]!]),
  ...prescriptionPlans(clock).flatMap((plan) => plan.lines.map((line) => line.medication.split(/[ /,]/)[0]!)),
  ...documents.map((d) => d.title),
  "pénicilline",
  "allergie",
  "ordonnance",
  "document",
  "urgence",
];

const fold = (s: string) => s.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
const folded = [...new Set(FORBIDDEN.filter((w) => w.length >= 3).map(fold))];

function forbiddenIn(text: string): string[] {
  const words = ` ${fold(text).replace(/[^a-z0-9]+/g, " ")} `;
  return folded.filter((w) => words.includes(` ${w.replace(/[^a-z0-9]+/g, " ").trim()} `));
}

describe("the e-mail of every notification kind", () => {
  it("has a list of words to check against, drawn from the demo record", () => {
    expect(folded.length).toBeGreaterThan(60);
    expect(forbiddenIn("Le Dr Bernard a vu votre asthme")).toEqual(expect.arrayContaining(["bernard", "asthme"]));
  });

  it.each(NOTIFICATION_KINDS)("%s says nothing of the record, to a patient or to a professional", (kind) => {
    for (const [accountKind, area] of [["patient", "espace"], ["practitioner", "pro"]] as const) {
      const email = notificationEmail(kind, { email: "camille.martin@example.org", accountKind }, "https://espace-sante.example");
      expect(forbiddenIn(email.subject)).toEqual([]);
      expect(forbiddenIn(email.text)).toEqual([]);
      expect(email.html ?? "").toBe("");
      // Only the portal's own door: the sign-in, or the activation for an account the assistance emptied.
      expect(email.text).toContain(kind === "second-factors-removed" ? "https://espace-sante.example/activer" : "https://espace-sante.example/connexion");
      expect(email.text).toContain(`https://espace-sante.example/${area}/notifications/preferences`);
    }
  });

  it.each(NOTIFICATION_KINDS)("%s reads in the portal without naming anyone", (kind) => {
    const names = forbiddenIn(KIND_INFO[kind].text).filter((w) => !["ordonnance", "document", "urgence"].includes(w));
    expect(names).toEqual([]);
  });

  it.each(NOTIFICATION_KINDS)("%s, read in another person's space, names her only by the banner's name ({person}), and no one else", (kind) => {
    const theirs = KIND_INFO[kind].theirs;
    expect(theirs).toContain("{person}");
    // « votre dossier » would be the reader's own; « rendez-vous » is no one's.
    expect(theirs).not.toMatch(/(?:^|[\s'])(?:votre|vos|vous)\b/i);
    expect(forbiddenIn(theirs).filter((w) => !["ordonnance", "document", "urgence"].includes(w))).toEqual([]);
  });
});

describe("the new sign-in e-mail's own lines", () => {
  const agents = [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    // A header anyone writes: only describeDevice()'s closed list reaches the e-mail.
    "Camille Martin asthme Ventoline <script>",
    "",
  ];
  it.each(agents)("%s: says when and with which browser, names nothing of the record", (agent) => {
    const lines = newSignInEmailLines(describeDevice(agent), new Date("2026-12-01T06:30:00Z"), "https://espace-sante.example/espace/compte");
    const email = notificationEmail("new-sign-in", { email: "camille.martin@example.org", accountKind: "patient" }, "https://espace-sante.example", undefined, lines);
    expect(forbiddenIn(email.text)).toEqual([]);
    expect(email.text).toContain("Connexion du 1er décembre 2026 à 07:30 (heure de Paris).");
    expect(email.text).toMatch(/Navigateur : [^,]+, système : [^.]+\./);
    expect(email.text).toContain("https://espace-sante.example/espace/compte");
    expect(email.text).not.toContain("<script>");
  });
});
