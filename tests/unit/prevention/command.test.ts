import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * The command is a contract other tools read: these run the real `npm run --silent prevention`
 * on sample bundles (tests/fixtures/prevention, written by make-bundles.ts from the demo data).
 */
const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../../..");
const fixtures = path.join(root, "tests/fixtures/prevention");
const tmp = mkdtempSync(path.join(tmpdir(), "prevention-"));

async function prevention(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run("npm", ["run", "--silent", "prevention", "--", ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function file(name: string, content: string): string {
  const target = path.join(tmp, name);
  writeFileSync(target, content);
  return target;
}

const FIELDS = ["item", "status", "due", "next", "dose", "mandatory", "reason", "source"];

// Each run starts npm and tsx (seconds on a shared machine): the cases run side by side.
describe.concurrent("npm run --silent prevention", { timeout: 120_000 }, () => {
  it("prints only the JSON array for Jean (76) on 30 November 2026, with the contract's fields", async () => {
    const { code, stdout, stderr } = await prevention("--bundle", path.join(fixtures, "jean.json"), "--date", "2026-11-30");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const items = JSON.parse(stdout) as Record<string, unknown>[];
    expect(Array.isArray(items)).toBe(true);
    for (const item of items) {
      expect(Object.keys(item).every((key) => FIELDS.includes(key))).toBe(true);
      expect(typeof item.reason).toBe("string");
    }
    const byName = Object.fromEntries(items.map((i) => [i.item, i]));
    expect(byName.DTP_ADULT).toMatchObject({ status: "OVERDUE", due: "2025-06-02", next: "2035-06-02" });
    expect(byName.PCV20).toMatchObject({ status: "COMPLETE" });
    expect(byName.FLU).toMatchObject({ status: "DUE" });
    expect(byName.ZOSTER).toMatchObject({ status: "DUE", dose: 1 });
    expect(byName.RSV_OLDER).toMatchObject({ status: "DUE" });
    expect(byName.SCR_CRC).toMatchObject({ status: "NOT_APPLICABLE" });
    expect(Object.keys(byName)).toEqual(expect.arrayContaining([
      "HEXA", "PCV_INFANT", "MENB_INFANT", "MENACWY_INFANT", "ROR", "DTCAP_6Y", "DTCAP_11_13", "HPV", "MENACWY_ADO", "MENACWY_CATCHUP",
      "DTP_ADULT", "ROR_CATCHUP", "FLU", "COVID", "PCV20", "ZOSTER", "RSV_OLDER", "SCR_BREAST", "SCR_CRC", "SCR_CERVIX", "BILAN_PREV",
    ]));
  });

  it("reads Léo's calendar (born 2016): infant series complete, the 11–13 booster ahead", async () => {
    const { code, stdout } = await prevention("--bundle", path.join(fixtures, "leo.json"), "--date", "2026-11-30");
    expect(code).toBe(0);
    const byName = Object.fromEntries((JSON.parse(stdout) as { item: string }[]).map((i) => [i.item, i]));
    expect(byName.HEXA).toMatchObject({ status: "COMPLETE", mandatory: false });
    expect(byName.DTCAP_11_13).toMatchObject({ status: "NOT_DUE", due: "2027-09-10" });
  });

  it.each([
    ["a file that is not JSON", () => ["--bundle", file("bad.json", "{ not json"), "--date", "2026-11-30"], 1, "JSON valide"],
    ["a resource that is not a Bundle", () => ["--bundle", file("patient.json", JSON.stringify({ resourceType: "Patient", birthDate: "1950-01-01" })), "--date", "2026-11-30"], 1, "pas un Bundle"],
    ["a Bundle without a Patient", () => ["--bundle", file("empty.json", JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [] })), "--date", "2026-11-30"], 1, "aucun Patient"],
    ["a Patient without a birth date", () => ["--bundle", file("nobirth.json", JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [{ resource: { resourceType: "Patient" } }] })), "--date", "2026-11-30"], 1, "date de naissance"],
    ["a bad date", () => ["--bundle", path.join(fixtures, "jean.json"), "--date", "2026-02-30"], 2, "date invalide"],
    ["a date in another format", () => ["--bundle", path.join(fixtures, "jean.json"), "--date", "30/11/2026"], 2, "date invalide"],
    ["a date before the birth", () => ["--bundle", path.join(fixtures, "jean.json"), "--date", "1949-01-01"], 1, "antérieure à la naissance"],
    ["no --bundle", () => ["--date", "2026-11-30"], 2, "--bundle est obligatoire"],
    ["a missing file", () => ["--bundle", path.join(tmp, "nope.json"), "--date", "2026-11-30"], 1, "ENOENT"],
    ["an unknown option", () => ["--bundle", path.join(fixtures, "jean.json"), "--when", "2026-11-30"], 2, "usage"],
  ] as const)("refuses %s: message on stderr, nothing on stdout, non-zero exit", async (_case, args, exitCode, message) => {
    const { code, stdout, stderr } = await prevention(...args());
    expect(code).toBe(exitCode);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });
});
