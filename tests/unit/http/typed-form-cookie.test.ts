import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keepTypedHeader, openTyped, sealTyped, type TypedForm } from "@/server/http/typed-form-cookie";

/** The mechanism every refused form's cookie goes through (typed-form-cookie.ts). */
const NOTE: TypedForm<"sujet" | "texte"> = { name: "note", cookie: "espace-sante.note-saisie", path: "/espace/notes", fields: { sujet: 120, texte: 5000 }, longest: "texte" };
const OTHER: TypedForm<"sujet" | "texte"> = { ...NOTE, name: "autre" };

describe("a refused form's sealed cookie", () => {
  it("opens for its form, session and place only; a byte changed opens nothing", () => {
    const sealed = sealTyped(NOTE, { sujet: "Genou", texte: "Douleur la nuit" }, "session-a", "espace-1");
    expect(openTyped(NOTE, sealed, "session-a", "espace-1")).toEqual({ sujet: "Genou", texte: "Douleur la nuit" });
    expect(openTyped(NOTE, sealed, "session-b", "espace-1")).toBeUndefined();
    expect(openTyped(NOTE, sealed, "session-a", "espace-2")).toBeUndefined();
    expect(openTyped(OTHER, sealed, "session-a", "espace-1")).toBeUndefined();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(openTyped(NOTE, flipped, "session-a", "espace-1")).toBeUndefined();
    expect(openTyped(NOTE, "v1.nimporte.quoi", "session-a", "espace-1")).toBeUndefined();
  });

  it("gives back each field within the form's bound, whatever was sealed", () => {
    const sealed = sealTyped(NOTE, { sujet: "x".repeat(500), texte: "y" }, "s");
    expect(openTyped(NOTE, sealed, "s")).toEqual({ sujet: "x".repeat(120), texte: "y" });
  });

  it("stays within a browser's 4,096 bytes per cookie, keeping the longest start of a text that does not compress", () => {
    const worst = Array.from({ length: 5000 }, () => String.fromCodePoint(0x4e00 + (randomBytes(2).readUInt16BE() % 20000))).join("");
    const header = keepTypedHeader(NOTE, true, { sujet: "é".repeat(120), texte: worst }, "session-a");
    expect(Buffer.byteLength(header)).toBeLessThan(4096);
    const kept = openTyped(NOTE, header.split(";")[0]!.split("=").slice(1).join("="), "session-a")!;
    expect(kept.sujet).toBe("é".repeat(120));
    expect(worst.startsWith(kept.texte)).toBe(true);
    expect(kept.texte.length).toBeGreaterThan(500);
  });
});
