import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOutgoingEmail } from "@/server/mail/outgoing-email";

const ok = { to: "camille.martin@example.org", subject: "Vous avez une nouvelle notification", text: "Bonjour", kind: "notification-test" };

describe("an outgoing e-mail", () => {
  it("is accepted as the notifications build it", () => {
    expect(parseOutgoingEmail(ok)).toEqual(ok);
  });

  it.each(["\r\nBcc: x@example.org", "\nBcc: x@example.org", "\rX-Injected: 1", "\u0000"])("refuses %j in a header field", (evil) => {
    expect(() => parseOutgoingEmail({ ...ok, subject: `Bonjour${evil}` })).toThrow();
    expect(() => parseOutgoingEmail({ ...ok, to: `camille@example.org${evil}` })).toThrow();
  });

  it("never lets a line break through the recipient or subject, whatever the string", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const subject = `${a}\n${b}`;
        expect(() => parseOutgoingEmail({ ...ok, subject })).toThrow();
      }),
    );
  });
});
