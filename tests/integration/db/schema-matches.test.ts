import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/prisma/client";
import { useTestDatabase } from "../../setup/test-database";

// The migrations are hand-written SQL (the Prisma CLI cannot run here), so nothing but this test
// ties them to schema.prisma: a query through a model selects every one of its columns and fails
// loudly when a table or column is missing, misnamed, or not granted to the app's role.
const db = useTestDatabase({ fresh: true });

const modelNames = Object.values(Prisma.ModelName);

type Delegate = { findFirst(args?: object): Promise<unknown>; count(args?: object): Promise<number> };

function delegate(model: string): Delegate {
  const { prisma } = db();
  const key = model.charAt(0).toLowerCase() + model.slice(1);
  return (prisma as unknown as Record<string, Delegate>)[key]!;
}

describe("a freshly migrated database", () => {
  it("knows every model declared in schema.prisma", () => {
    const declared = [...readFileSync("prisma/schema.prisma", "utf8").matchAll(/^model\s+(\w+)\s*\{/gm)].map((m) => m[1]);
    expect(modelNames.slice().sort()).toEqual(declared.sort());
  });

  it.each(modelNames)("serves %s through Prisma as the app's role", async (model) => {
    await expect(delegate(model).findFirst()).resolves.toBeNull();
    await expect(delegate(model).count()).resolves.toBe(0);
  });

});
