import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { open, openString, seal, sealString } from "@/server/crypto/aes-gcm";

const key = randomBytes(32);

describe("AES-256-GCM for secrets at rest", () => {
  it("opens what it sealed, for any bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), fc.string(), (bytes, aad) => {
        const plain = Buffer.from(bytes);
        expect(open(seal(plain, key, aad), key, aad).equals(plain)).toBe(true);
      }),
    );
  });

  it("uses a fresh IV each time, so equal secrets do not look equal", () => {
    expect(sealString("CAMILLEDEMOTOTPA", key)).not.toBe(sealString("CAMILLEDEMOTOTPA", key));
  });

  it("refuses another key, other associated data (a value moved to another row) and any altered byte", () => {
    const sealed = seal(Buffer.from("secret"), key, "account:1");
    expect(() => open(sealed, randomBytes(32), "account:1")).toThrow();
    expect(() => open(sealed, key, "account:2")).toThrow();
    const altered = { ...sealed, data: Buffer.from(sealed.data) };
    altered.data[0] = (altered.data[0] ?? 0) ^ 1;
    expect(() => open(altered, key, "account:1")).toThrow();
    const text = sealString("secret", key, "account:1");
    expect(openString(text, key, "account:1")).toBe("secret");
    expect(() => openString(text, key, "account:2")).toThrow();
    expect(() => openString(`${text}.extra`, key, "account:1")).toThrow();
  });

  it("refuses a key that is not 256 bits", () => {
    expect(() => seal(Buffer.from("x"), randomBytes(16))).toThrow();
  });
});
