import fc from "fast-check";
import { Secret } from "otpauth";
import { describe, expect, it } from "vitest";
import { checkTotp, totpCode, totpStep } from "@/server/auth/totp";

// RFC 6238, appendix B: the SHA-1 seed is the ASCII string "12345678901234567890".
const RFC_SECRET = Secret.fromLatin1("12345678901234567890").base32;
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP (RFC 6238, SHA-1, 30 s)", () => {
  it.each(RFC_VECTORS)("gives the RFC's 8-digit code at T=%i", (seconds, code) => {
    expect(totpCode(RFC_SECRET, at(seconds), 8)).toBe(code);
  });

  it.each(RFC_VECTORS)("gives the RFC code's last 6 digits as the 6-digit code at T=%i", (seconds, code) => {
    expect(totpCode(RFC_SECRET, at(seconds))).toBe(code.slice(-6));
  });

  it.each(RFC_VECTORS)("accepts the RFC code at T=%i and reports its step", (seconds, code) => {
    expect(checkTotp({ secretBase32: RFC_SECRET, token: code.slice(-6), now: at(seconds), lastUsedStep: 0 })).toEqual({
      ok: true,
      step: Math.floor(seconds / 30),
    });
  });

  it("accepts the previous and the next code (clock drift) but not two steps away", () => {
    const now = at(1234567890);
    const code = (offsetSteps: number) => totpCode(RFC_SECRET, new Date(now.getTime() + offsetSteps * 30_000));
    for (const offset of [-1, 0, 1]) {
      expect(checkTotp({ secretBase32: RFC_SECRET, token: code(offset), now, lastUsedStep: 0 })).toEqual({
        ok: true,
        step: totpStep(now) + offset,
      });
    }
    for (const offset of [-2, 2]) {
      expect(checkTotp({ secretBase32: RFC_SECRET, token: code(offset), now, lastUsedStep: 0 }).ok).toBe(false);
    }
  });

  it("refuses a code whose step was already used, and every earlier one", () => {
    const now = at(1234567890);
    const token = totpCode(RFC_SECRET, now);
    const step = totpStep(now);
    expect(checkTotp({ secretBase32: RFC_SECRET, token, now, lastUsedStep: step - 1 }).ok).toBe(true);
    expect(checkTotp({ secretBase32: RFC_SECRET, token, now, lastUsedStep: step }).ok).toBe(false);
    const previous = totpCode(RFC_SECRET, new Date(now.getTime() - 30_000));
    expect(checkTotp({ secretBase32: RFC_SECRET, token: previous, now, lastUsedStep: step }).ok).toBe(false);
  });

  it.each(["", "12345", "1234567", "abcdef", "12 34 5", "１２３４５６", "123456\n"])("refuses the malformed code %j", (token) => {
    expect(checkTotp({ secretBase32: RFC_SECRET, token, now: at(59), lastUsedStep: 0 }).ok).toBe(false);
  });

  it("accepts the current code of any secret at any time, once", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 32 }), fc.integer({ min: 60, max: 4_000_000_000 }), (bytes, seconds) => {
        const secret = new Secret({ buffer: bytes.slice().buffer }).base32;
        const now = at(seconds);
        const token = totpCode(secret, now);
        const first = checkTotp({ secretBase32: secret, token, now, lastUsedStep: 0 });
        expect(first.ok).toBe(true);
        if (first.ok) expect(checkTotp({ secretBase32: secret, token, now, lastUsedStep: first.step }).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it("computes the personas' codes from the published secrets", () => {
    // The demo secrets of issue 2 must be valid base32 that authenticator apps accept.
    for (const secret of ["CAMILLEDEMOTOTPA", "JEANDEMOTOTPSECR", "NADIADEMOTOTPSEC", "SOPHIEDEMOTOTPSE", "MARCDEMOTOTPSECR", "INESDEMOTOTPSECR"]) {
      expect(totpCode(secret, at(1234567890))).toMatch(/^\d{6}$/);
    }
  });
});
