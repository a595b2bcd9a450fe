import { describe, expect, it } from "vitest";
import { checkPasswordStrength } from "@/server/auth/password-strength";

describe("password strength (zxcvbn-ts, French dictionaries)", () => {
  it.each([
    ["too short, however random", "x7#Qp!2", "length"],
    ["a French word with the usual decorations", "Motdepasse2024!", "weak"],
    ["a keyboard walk", "azertyuiopqsdf", "weak"],
    ["the person's own name", "camillemartin1985", "weak"],
  ])("refuses %s", (_label, password, reason) => {
    expect(checkPasswordStrength(password, ["Camille Martin", "camille.martin@example.org"])).toMatchObject({ ok: false, reason });
  });

  it.each([
    ["four unrelated words, no symbols at all", "girafe nuage tournevis printemps"],
    ["a long sentence in lowercase", "le chat de la voisine mange des olives"],
  ])("accepts %s: no composition rules", (_label, password) => {
    expect(checkPasswordStrength(password)).toEqual({ ok: true });
  });
});
