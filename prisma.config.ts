import { defineConfig } from "prisma/config";

// The Prisma CLI is only used to generate the client here (migrations are committed SQL applied
// by src/server/db/migrate.ts). No datasource URL is needed for `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
