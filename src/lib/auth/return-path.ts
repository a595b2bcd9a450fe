/**
 * Where a person is taken back to after signing in: the page of the portal she opened signed
 * out (the QR code printed on a prescription, a bookmark, a link in a notice). Only a path of the
 * two spaces, /espace or /pro, of plain segments and an optional plain query: never another site
 * (« //evil.example », « /\evil.example », « https:… »), never a sign-in or API address. Anything
 * else is no return path, and the person lands on her home page, as before. Path segments are
 * letters, digits, « - » and « _ » only (the portal's own paths: words and uuids): no dot and no
 * « % », since « .. » or « %2e%2e » would climb out of the space once the browser resolves it.
 * Pure, so it is property-tested.
 */
const RETURN_PATH = /^\/(?:espace|pro)(?:\/[A-Za-z0-9\-_]+)*\/?(?:\?[A-Za-z0-9\-._~%=&+]*)?$/;
const MAX_LENGTH = 512;

export function returnPathOf(value: unknown): string | undefined {
  return typeof value === "string" && value.length <= MAX_LENGTH && RETURN_PATH.test(value) ? value : undefined;
}
