import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { asciiFileName, cleanText, contentDisposition, safeFileName } from "@/server/documents/safe-file-name";

const DANGEROUS = /[\u0000-\u001f\u007f-\u009f"\\/\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

describe("file names from people (SECURITY-CASES 30, 31, 33)", () => {
  it.each([
    ['rapport".pdf', "rapport.pdf"],
    ["../../etc/passwd", "etc passwd.pdf"],
    ["..\\..\\Windows\\system.ini", "Windows system.ini.pdf"],
    ["Bilan 03/2024", "Bilan 03 2024.pdf"],
    ["facture\u202Efdp.exe", "facturefdp.pdf"],
    ["a\r\nSet-Cookie: sid=1", "aSet-Cookie sid=1.pdf"],
    ["<script>alert(1)</script>", "script alert(1) script.pdf"],
    ["<img src=x onerror=alert(1)>", "img src=x onerror=alert(1).pdf"],
    ["CON", "document-CON.pdf"],
    ["...", "document.pdf"],
    ["", "document.pdf"],
    ["Compte rendu d'échographie.html", "Compte rendu d\u2019échographie.pdf"],
  ])("%j becomes %j", (raw, expected) => {
    expect(safeFileName(raw, "pdf")).toBe(expected);
  });

  it("keeps only the last segment of a browser's path", () => {
    expect(safeFileName("C:\\Users\\camille\\..\\scan.jpeg", "jpg", { fromPath: true })).toBe("scan.jpg");
    expect(safeFileName("../../etc/passwd", "pdf", { fromPath: true })).toBe("passwd.pdf");
  });

  it("never lets quotes, line breaks, bidi controls or path separators through, whatever the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (raw) => {
        const name = safeFileName(raw, "pdf");
        expect(name).not.toMatch(DANGEROUS);
        expect(name.endsWith(".pdf")).toBe(true);
        expect([...name].length).toBeLessThanOrEqual(84);
        const header = contentDisposition("attachment", raw, "pdf");
        // A header value is ASCII: the UTF-8 name travels percent-encoded in filename*.
        expect(header).toMatch(/^attachment; filename="[A-Za-z0-9._ ()-]+"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps accents in filename* and drops them in the ASCII fallback", () => {
    expect(contentDisposition("inline", "Échographie cœur", "png")).toBe(
      `inline; filename="Echographie c_ur.png"; filename*=UTF-8''%C3%89chographie%20c%C5%93ur.png`,
    );
    expect(asciiFileName("été.pdf")).toBe("ete.pdf");
  });

  it("cleans typed titles of invisible and direction-changing characters", () => {
    expect(cleanText("  Bilan\u202E  sanguin\u0000 ", 200)).toBe("Bilan sanguin");
    expect(cleanText("x".repeat(500), 200)).toHaveLength(200);
  });
});
