import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Next's rules, plus the architecture's one door: only the database layer, the repository and
 * the audit trail may import the database client or the generated Prisma client; everything
 * else reaches patient data through the Repository (src/server/fhir/repository.ts).
 */
const DATABASE_IMPORTS = {
  patterns: [
    {
      // "**/db/client" also catches relative paths ("../db/client"), not only the alias.
      group: ["**/db/generated/**", "@prisma/client", "@prisma/client/*", "**/db/client", "**/db/client.ts", "@/server/db/client", "pg", "@electric-sql/pglite"],
      message: "Patient data goes through the Repository (src/server/fhir/repository.ts): no direct database access here.",
    },
  ],
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Plain <a> links on purpose: the Pages Router's pages are served without Next's runtime
      // (unstable_runtimeJS: false), so next/link's client navigation never runs there, and
      // rendering it on the server (resolveHref, per link) took about 8 % of the documents page's
      // CPU (issue 16). From the few App Router pages left, a Link to a Pages route only added a
      // prefetch the page answers 204 (app-router-fetch.ts) before a full navigation anyway.
      "@next/next/no-html-link-for-pages": "off",
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/db/**", "src/server/fhir/**", "src/server/audit/**"],
    rules: { "no-restricted-imports": ["error", DATABASE_IMPORTS] },
  },
  {
    // `useTestDatabase()` is a vitest fixture, not a React hook.
    files: ["tests/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  globalIgnores([".next/**", "node_modules/**", "src/server/db/generated/**", "next-env.d.ts", ".data/**", ".test-data/**", "test-results/**", "playwright-report/**", "bench-results/**"]),
]);
