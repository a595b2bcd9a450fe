import type { DocumentReference } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { DocumentFileNames } from "@/server/record-copy/document-file-names";

const doc = (title: string | undefined, date?: string): DocumentReference => ({
  resourceType: "DocumentReference",
  status: "current",
  content: [{ attachment: { title } }],
  ...(date ? { date } : {}),
});

describe("the names of the documents' files in a copy", () => {
  it("are the Paris day and the title, with the extension of the stored type", () => {
    const names = new DocumentFileNames();
    // 23:30 UTC on 13 March is already the 14th in Paris.
    expect(names.nameOf(doc("Bilan sanguin", "2025-03-13T23:30:00.000Z"), "application/pdf")).toBe("documents/2025-03-14 Bilan sanguin.pdf");
    expect(names.nameOf(doc("Radio du genou", "2025-04-01"), "image/jpeg")).toBe("documents/2025-04-01 Radio du genou.jpg");
    expect(names.nameOf(doc(undefined), "image/png")).toBe("documents/document.png");
    expect(names.nameOf(doc("Fichier", "pas une date"), "text/html")).toBe("documents/Fichier.bin");
  });

  it("never leave the documents folder, whatever the title holds", () => {
    const names = new DocumentFileNames();
    const hostile = ["../../etc/passwd", "..\\..\\Windows\\win.ini", "/absolu", "C:\\boot.ini", "..", ".", "facture\u202Efdp.exe", "a\r\nb", "CON", "x".repeat(500)];
    for (const title of hostile) {
      const name = names.nameOf(doc(title), "application/pdf");
      expect(name.startsWith("documents/"), title).toBe(true);
      const base = name.slice("documents/".length);
      expect(base, title).not.toMatch(/[\\/:\u0000-\u001f\u202e]|\.\./);
      expect(base.startsWith("."), title).toBe(false);
      expect(base.length, title).toBeLessThanOrEqual(100);
    }
  });

  it("tell apart documents of the same day and title, without regard to case", () => {
    const names = new DocumentFileNames();
    const date = "2025-03-14T09:00:00.000Z";
    expect(names.nameOf(doc("Bilan", date), "application/pdf")).toBe("documents/2025-03-14 Bilan.pdf");
    expect(names.nameOf(doc("Bilan", date), "application/pdf")).toBe("documents/2025-03-14 Bilan (2).pdf");
    expect(names.nameOf(doc("BILAN", date), "application/pdf")).toBe("documents/2025-03-14 BILAN (3).pdf");
    // The same name with another type is another file.
    expect(names.nameOf(doc("Bilan", date), "image/png")).toBe("documents/2025-03-14 Bilan.png");
  });
});
