import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conversationTitle, OPENING_MAX_CHARACTERS, openingWords } from "@/lib/messages/conversation-title";

/**
 * A conversation without a subject is called by its opening words (conversation-title.ts), so
 * that three conversations started without one are not three links reading « Sans objet ».
 */
const NBSP = "\u00a0";
/** No lone surrogate: half an emoji would be one (String.prototype.isWellFormed is past this project's ES target). */
const wellFormed = (text: string) => !/\p{Surrogate}/u.test(text);
const quoted = (words: string) => `«${NBSP}${words}${NBSP}»`;

describe("a conversation's title", () => {
  it.each([
    ["its subject", { subject: "Résultats", opening: "Bonjour docteur" }, "Résultats"],
    ["its opening words without a subject", { opening: "Bonjour docteur, voici mon bilan." }, quoted("Bonjour docteur, voici mon bilan.")],
    ["its opening words when the subject is only spaces", { subject: "  ", opening: "Bonjour" }, quoted("Bonjour")],
    ["« Sans objet » with nothing to quote (its messages withdrawn)", {}, "Sans objet"],
    ["« Sans objet » when the text is only spaces and line breaks", { opening: " \n\t " }, "Sans objet"],
    ["one line, whatever the line breaks typed", { opening: "Bonjour,\n\nune question :\r\nmon ordonnance ?" }, quoted("Bonjour, une question : mon ordonnance ?")],
    [
      "cut at a word, with an ellipsis, past sixty characters",
      { opening: "Bonjour docteur, je voulais vous demander si je peux prendre du paracétamol avec mon traitement" },
      quoted("Bonjour docteur, je voulais vous demander si je peux prendre…"),
    ],
    ["a word cut when it is the whole start", { opening: "x".repeat(100) }, quoted(`${"x".repeat(OPENING_MAX_CHARACTERS)}…`)],
    ["no comma left before the ellipsis, a word ending at the sixtieth kept", { opening: `${"mot ".repeat(14)}fin, et la suite` }, quoted(`${"mot ".repeat(14)}fin…`)],
    ["a word running past the sixtieth left out", { opening: `${"mot ".repeat(14)}finale et la suite` }, quoted(`${"mot ".repeat(13)}mot…`)],
  ])("is %s", (_case, naming, title) => {
    expect(conversationTitle(naming)).toBe(title);
  });

  it("never cuts an emoji in half", () => {
    const words = openingWords(`${"é".repeat(OPENING_MAX_CHARACTERS - 1)}👩‍⚕️ et la suite`);
    expect(words).toBeDefined();
    expect(wellFormed(words!)).toBe(true);
  });

  it("is, for any text, one line of at most sixty characters and an ellipsis, taken from the start of the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const words = openingWords(text);
        const flat = text.replace(/\s+/gu, " ").trim();
        if (flat === "") {
          expect(words).toBeUndefined();
          return;
        }
        expect(words).toBeDefined();
        expect(words).not.toMatch(/[\r\n\t]/);
        expect(wellFormed(words!)).toBe(true);
        const shortened = words!.endsWith("…") && words !== flat;
        const kept = shortened ? words!.slice(0, -1) : words!;
        expect(Array.from(kept).length).toBeLessThanOrEqual(OPENING_MAX_CHARACTERS);
        expect(flat.startsWith(kept)).toBe(true);
        if (!shortened) expect(kept).toBe(flat);
      }),
    );
  });
});
