import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/**
 * The architecture's one door (issue 3): outside the database layer, the repository and the
 * audit trail, importing the database client is a lint error, and `npm test` fails on it.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const IMPORTS = [
  'import { database } from "@/server/db/client";',
  'import { PrismaClient } from "@/server/db/generated/prisma/client";',
  'import { PrismaClient } from "@prisma/client";',
  'import pg from "pg";',
  'import { PGlite } from "@electric-sql/pglite";',
  // Relative paths reach the same module as the alias: the rule must not depend on how it is spelt.
  'import { database } from "../db/client";',
  'import { database } from "../../server/db/client";',
  'import { database } from "../db/client.ts";',
];

describe("the one door to patient data", () => {
  for (const line of IMPORTS) {
    it(`refuses \`${line}\` in a page of either router, a route and a use case`, async () => {
      for (const file of ["src/app/(patient)/espace/documents/ajouter/page.tsx", "src/pages/espace/documents/index.tsx", "src/app/api/documents/route.ts", "src/server/documents/list-documents.ts"]) {
        const code = `${line}\nexport const x = [${line.match(/import \{?\s*(\w+)/)?.[1]}];\n`;
        expect(await errorsFor(file, code), file).toContain("no-restricted-imports");
      }
    }, 30_000);
  }

  it("allows it in the repository, the database layer and the audit trail", async () => {
    for (const file of ["src/server/fhir/repository.ts", "src/server/db/session-store.ts", "src/server/audit/write-audit.ts"]) {
      const code = 'import { database } from "@/server/db/client";\nexport const x = [database];\n';
      expect(await errorsFor(file, code), file).not.toContain("no-restricted-imports");
    }
  }, 30_000);
});
