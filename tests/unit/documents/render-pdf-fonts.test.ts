import { extractText } from "unpdf";
import { describe, expect, it } from "vitest";
import { renderPdf, type ClinicalPdf } from "@/server/documents/render-pdf";
import { fontsOf } from "../../helpers/pdf-fonts";
import { readTaggedPdf } from "../../helpers/read-tagged-pdf";

/**
 * A clinical document prints every name as it is written, whatever its alphabet: the standard
 * Helvetica it used before (not embedded, WinAnsi) turned « Łukasz », « Ștefan », « Yılmaz » or
 * « Nguyễn » into question marks. Its fonts are embedded, subset to the glyphs it uses.
 */
const report: ClinicalPdf = {
  label: "Compte rendu de consultation",
  title: "Consultation de suivi",
  patient: { name: "Łukasz Wójcik", birthDate: "1985-03-14", gender: "male" },
  date: "2026-03-03T10:00:00.000Z",
  author: "Dr Ayşe Yılmaz, médecin généraliste",
  facility: { name: "Cabinet du Dr Ștefan Popescu", lines: ["12 rue des Lilas, 69003 Lyon"] },
  place: "Lyon",
  sections: [
    { heading: "Contexte", paragraphs: ["Adressé par le Dr Nguyễn Thị Hoa.", "Glycémie ≤ 1,10 g/L → normale ; volume 3 cm³."] },
    { heading: "Correspondants", table: { columns: [{ label: "Nom", width: 3 }, { label: "Ville", width: 2 }], rows: [["Ayşe Yılmaz", "Lyon"], ["Nguyễn Thị Hoa", "Łódź"]] } },
    { heading: "Hors de l'alphabet des polices", paragraphs: ["Nom d'usage : 王芳 🙂"] },
  ],
};

describe("the fonts of a generated clinical PDF", () => {
  it("print the names in Polish, Romanian, Turkish and Vietnamese as written, in the text a copy or a search extracts and in the structure a screen reader reads", async () => {
    const bytes = await renderPdf(report);
    const { text } = await extractText(new Uint8Array(bytes), { mergePages: true });
    for (const name of ["Łukasz Wójcik", "Dr Ayşe Yılmaz, médecin généraliste", "Cabinet du Dr Ștefan Popescu", "Nguyễn Thị Hoa", "Łódź", "≤ 1,10 g/L → normale", "3 cm³"]) {
      expect(text).toContain(name);
    }
    const tagged = await readTaggedPdf(bytes);
    expect(tagged).toMatchObject({ lang: "fr-FR", marked: true, hasStructTreeRoot: true, untaggedText: [] });
    const read = tagged.elements.map(({ path, text: content }) => `${path}: ${content}`);
    expect(read).toContain("Document/P: Cabinet du Dr Ștefan Popescu");
    expect(read).toContain("Document/P: Patient : Łukasz Wójcik, né le 14/03/1985");
    expect(read).toContain("Document/P: Auteur : Dr Ayşe Yılmaz, médecin généraliste");
    expect(read).toContain("Document/P: Adressé par le Dr Nguyễn Thị Hoa.");
    expect(tagged.elements.filter((element) => element.role === "TD").map((element) => element.text)).toEqual(["Ayşe Yılmaz", "Lyon", "Nguyễn Thị Hoa", "Łódź"]);
    // The footer (an artifact, in italics) repeats the patient's name.
    expect(tagged.text).toContain("Consultation de suivi - Łukasz Wójcik - Données fictives de démonstration");
  });

  it("replace only the characters no embedded font has (here Chinese and emoji) with « ? »", async () => {
    const tagged = await readTaggedPdf(await renderPdf(report));
    expect(tagged.elements.map(({ text }) => text)).toContain("Nom d'usage : ?? ?");
    expect(tagged.text.replace("Nom d'usage : ?? ?", "")).not.toContain("?");
  });

  it("are embedded, regular, bold and italic, each as a subset of a few kilobytes; the same document gives the same bytes", async () => {
    const bytes = await renderPdf(report);
    const fonts = await fontsOf(bytes);
    const cuts = fonts.map(({ name, fontFile }) => ({ name: name.replace(/^[A-Z]{6}\+/, ""), fontFile }));
    expect(cuts.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: "Arimo-Bold", fontFile: "FontFile2" },
      { name: "Arimo-Italic", fontFile: "FontFile2" },
      { name: "Arimo-Regular", fontFile: "FontFile2" },
    ]);
    // A whole cut is some 300 KB: a subset holds only the glyphs drawn.
    for (const font of fonts) expect(font.fileBytes).toBeLessThan(12_000);
    expect(bytes.length).toBeLessThan(40_000);
    expect(Buffer.from(await renderPdf(report)).equals(Buffer.from(bytes))).toBe(true);
  });
});
