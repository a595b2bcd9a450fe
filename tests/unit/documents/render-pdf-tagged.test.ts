import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { renderPdf, type ClinicalPdf } from "@/server/documents/render-pdf";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";

/**
 * The clinical documents the seed writes (what a patient opens in the documents viewer, or
 * downloads) are tagged: a screen reader finds their language, title, headings, paragraphs,
 * lists and tables in reading order, over page breaks, and skips the rules and footers.
 */
const rows = Array.from({ length: 70 }, (_, i) => [`Analyse ${i + 1}`, `${i + 1} g/L`, "1 – 80"]);
const report: ClinicalPdf = {
  label: "Compte rendu de biologie",
  title: "Bilan sanguin",
  patient: { name: "Camille Martin", birthDate: "1985-03-14", gender: "female" },
  date: "2026-03-03T10:00:00.000Z",
  author: "Dr Sophie Bernard, médecin généraliste",
  facility: { name: "Laboratoire du Parc", lines: ["12 rue des Lilas, 69003 Lyon"] },
  place: "Lyon",
  sections: [
    { heading: "Contexte", paragraphs: ["Bilan de contrôle annuel."] },
    { heading: "Résultats", table: { columns: [{ label: "Analyse", width: 3 }, { label: "Résultat", width: 2, align: "right" }, { label: "Référence", width: 2 }], rows } },
    { heading: "Conclusion", list: ["Pas d'anomalie", "Contrôle dans un an"] },
  ],
};

describe("a generated clinical PDF", () => {
  it("is tagged: French, its title in the window, its structure read in order over three pages, rules and footers left out", async () => {
    const tagged = await readTaggedPdf(await renderPdf(report));
    expect(tagged).toMatchObject({ lang: "fr-FR", marked: true, displayDocTitle: true, hasStructTreeRoot: true, hasParentTree: true, untaggedText: [] });
    const read = tagged.elements.map(({ path, text }) => `${path}: ${text}`);
    expect(read.slice(0, 10)).toEqual([
      "Document/P: Laboratoire du Parc",
      "Document/P: 12 rue des Lilas, 69003 Lyon",
      "Document/P: Lyon, le 3 mars 2026",
      "Document/P: COMPTE RENDU DE BIOLOGIE",
      "Document/H1: Bilan sanguin",
      "Document/P: Patient : Camille Martin, née le 14/03/1985",
      "Document/P: Auteur : Dr Sophie Bernard, médecin généraliste",
      "Document/P: Date : 03/03/2026",
      "Document/H2: Contexte",
      "Document/P: Bilan de contrôle annuel.",
    ]);
    expect(read.slice(10, 14)).toEqual(["Document/H2: Résultats", "Document/Table/TR/TH: Analyse", "Document/Table/TR/TH: Résultat", "Document/Table/TR/TH: Référence"]);
    expect(tagged.headerScopes).toEqual(["Column", "Column", "Column"]);
    const cells = tagged.elements.filter((element) => element.role === "TD").map(({ text }) => text);
    expect(cells).toEqual(rows.flat());
    expect(new Set(tagged.elements.filter((element) => element.role === "TD").map(({ page }) => page))).toEqual(new Set([1, 2, 3]));
    expect(read.slice(-7)).toEqual([
      "Document/H2: Conclusion",
      "Document/L/LI/Lbl: -",
      "Document/L/LI/LBody: Pas d'anomalie",
      "Document/L/LI/Lbl: -",
      "Document/L/LI/LBody: Contrôle dans un an",
      "Document/P: Dr Sophie Bernard, médecin généraliste",
      "Document/P: Document signé électroniquement",
    ]);
    // The footers are still printed (and extracted), but as artifacts: no element reads them.
    expect(tagged.text).toContain("Page 3/3");
    expect(read.join("\n")).not.toContain("Page ");
  });

  it("renders the same document to the same bytes", async () => {
    expect(Buffer.from(await renderPdf(report)).equals(Buffer.from(await renderPdf(report)))).toBe(true);
  });

  it("writes a title holding « & » and « < » as it is in the Info dictionary, escaped in the XMP packet", async () => {
    const bytes = await renderPdf({ ...report, title: 'Bilan <b>"A" & B</b>', patient: { ...report.patient, name: "Léa O'Brien & Fils" } });
    const title = `Bilan <b>"A" & B</b> - Léa O'Brien & Fils`;
    expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe(title);
    // The packet is written uncompressed (PDFKit): its dc:title, read as XML text, is the title.
    const packet = Buffer.from(bytes).toString("latin1").match(/<x:xmpmeta[\s\S]*?<\/x:xmpmeta>/)?.[0] ?? "";
    const xmpTitle = packet.match(/<dc:title>\s*<rdf:Alt>\s*<rdf:li xml:lang="x-default">([^<]*)<\/rdf:li>/)?.[1];
    expect(xmpTitle).toBeDefined();
    const unescaped = xmpTitle!.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name] ?? "");
    expect(Buffer.from(unescaped, "latin1").toString("utf8")).toBe(title);
    expect(packet).not.toContain("<b>");
  });
});
