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
