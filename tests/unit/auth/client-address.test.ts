import { describe, expect, it } from "vitest";
import { clientAddress, userAgentOf } from "@/server/http/client-address";

describe("client address and user agent", () => {
  it("takes the last X-Forwarded-For entry (the one our own proxy appended)", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, 10.0.0.7" }))).toBe("10.0.0.7");
    expect(clientAddress(new Headers({ "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe("::ffff:127.0.0.1");
    expect(clientAddress(new Headers())).toBe("unknown");
  });

  it("answers 'invalid' for anything that is not an address", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4; Set-Cookie: x" }))).toBe("invalid");
    expect(clientAddress(new Headers({ "x-forwarded-for": "<script>" }))).toBe("invalid");
    expect(clientAddress(new Headers({ "x-forwarded-for": "a".repeat(500) }))).toBe("invalid");
  });

  it("strips control characters from the user agent", () => {
    expect(userAgentOf(new Headers({ "user-agent": "Mozilla\u0007/5.0" }))).toBe("Mozilla/5.0");
  });
});
