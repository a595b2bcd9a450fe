import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "@/server/http/forwarded-address";
import { deviceIdFromCookie, newDeviceCookie } from "@/server/auth/device-cookie";

describe("the client's address behind zero or more trusted proxies", () => {
  it.each([
    ["no proxy: the socket, whatever the header says", "198.51.100.7", "1.2.3.4", 0, "198.51.100.7"],
    ["no proxy, no header", "198.51.100.7", undefined, 0, "198.51.100.7"],
    ["one proxy: the entry it appended", "10.0.0.2", "1.2.3.4, 203.0.113.9", 1, "203.0.113.9"],
    ["two proxies: the entry the outer one appended", "10.0.0.2", "1.2.3.4, 203.0.113.9, 10.0.0.1", 2, "203.0.113.9"],
    ["fewer entries than proxies: the furthest one", "10.0.0.2", "203.0.113.9", 3, "203.0.113.9"],
    ["a proxy but no header: the socket", "10.0.0.2", undefined, 1, "10.0.0.2"],
    ["an IPv4 peer on a dual-stack socket", "::ffff:198.51.100.7", undefined, 0, "198.51.100.7"],
  ])("%s", (_label, socket, forwarded, hops, expected) => {
    expect(resolveClientAddress(socket, forwarded, hops)).toBe(expected);
  });

  it("without trusted hops, no header a client writes changes the answer", () => {
    fc.assert(fc.property(fc.string(), (forged) => resolveClientAddress("198.51.100.7", forged, 0) === "198.51.100.7"));
  });
});

describe("device cookie", () => {
  it("reads back the id it signed, and nothing from a forged or altered cookie", () => {
    const { id, value } = newDeviceCookie("secret-one-secret-one-secret-one!");
    expect(deviceIdFromCookie(value, "secret-one-secret-one-secret-one!")).toBe(id);
    expect(deviceIdFromCookie(value, "another-secret-another-secret-xx")).toBeUndefined();
    expect(deviceIdFromCookie(`${id}x.${value.split(".")[1]}`, "secret-one-secret-one-secret-one!")).toBeUndefined();
    expect(deviceIdFromCookie(undefined, "secret-one-secret-one-secret-one!")).toBeUndefined();
  });
});
