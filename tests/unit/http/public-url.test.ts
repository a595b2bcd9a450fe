import { describe, expect, it } from "vitest";
import { publicUrlFor } from "@/server/http/public-url";

const demo = { APP_URL: "http://localhost:4000", APP_URL_SET: false };
const configured = { APP_URL: "https://sante.example.fr/", APP_URL_SET: true };

describe("the public address of a request", () => {
  it.each([
    // A demo follows a loopback address the page was reached on, with its port.
    ["localhost:4000", "http://localhost:4000"],
    ["127.0.0.1:3000", "http://127.0.0.1:3000"],
    ["127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["[::1]:4000", "http://[::1]:4000"],
    ["LOCALHOST:4000", "http://localhost:4000"],
    ["127.0.0.1", "http://127.0.0.1"],
    // Anything else is the client's word: the configured default.
    ["sante.example.fr", "http://localhost:4000"],
    ["evil.example:4000", "http://localhost:4000"],
    ["localhost.evil.example:4000", "http://localhost:4000"],
    ["127.0.0.1.nip.io:4000", "http://localhost:4000"],
    ["user@127.0.0.1:4000", "http://localhost:4000"],
    ["127.0.0.1:4000/chemin", "http://localhost:4000"],
    ["127.0.0.1:99999", "http://localhost:4000"],
    ["", "http://localhost:4000"],
  ])("demo, Host %j: %s", (host, expected) => {
    expect(publicUrlFor(host, demo)).toBe(expected);
  });

  it("is APP_URL whatever the Host when APP_URL is set (always in production)", () => {
    for (const host of ["127.0.0.1:3000", "localhost:4000", "evil.example", null, undefined]) {
      expect(publicUrlFor(host, configured)).toBe("https://sante.example.fr");
    }
  });
});
